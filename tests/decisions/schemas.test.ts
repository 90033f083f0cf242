// The snapshot of old exports: the committed fixtures (written once, never regenerated) must
// keep parsing against the schemas, stay canonical, and verify with the stock minisign and with
// `verifyCopy`. A schema change that fails here would make documents in court files unreadable.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";
import { parsePublicKey } from "../../electron/core/crypto/minisign.js";
import { parseAnySignedDocument } from "../../electron/core/decisions/signed-kinds.js";
import { verifyCopy } from "../../electron/core/decisions/verify-copy.js";
import { grievanceDocumentSchema } from "../../shared/formats/grievance.js";
import { FIXTURES } from "./fixture-files.js";

const SIGNED = [
  { id: "D-2026-0001", kind: "decision", signer: "reviewer.pub" },
  { id: "D-2026-0002", kind: "decision", signer: "reviewer.pub" },
  { id: "CS-D-2026-0002-1", kind: "countersignature", signer: "colleague.pub" },
  { id: "GR-2026-0001", kind: "grievance-response", signer: "reviewer.pub" },
] as const;

const bytesOf = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const reviewerKey = parsePublicKey(bytesOf("reviewer.pub").toString("utf8"));
const keys = [reviewerKey, parsePublicKey(bytesOf("colleague.pub").toString("utf8"))];

describe("committed verification copies", () => {
  for (const fixture of SIGNED) {
    describe(fixture.id, () => {
      const bytes = bytesOf(`${fixture.id}.json`);

      it("parses against the current schema and is canonical JSON", () => {
        const value: unknown = JSON.parse(bytes.toString("utf8"));
        const parsed = parseAnySignedDocument(value);
        expect(parsed.ok ? parsed.value.kind : parsed.issues).toBe(fixture.kind);
        expect(Buffer.from(canonicalJsonBytes(value)).equals(bytes)).toBe(true);
      });

      it("verifies with verifyCopy, every check passing", () => {
        const report = verifyCopy(join(FIXTURES, `${fixture.id}.json`), keys);
        expect(report.checks.filter((check) => !check.ok)).toEqual([]);
        expect(report).toMatchObject({ ok: true, kind: fixture.kind, id: fixture.id });
      });

      it("verifies with the stock minisign, which prints the trusted comment", () => {
        const out = execFileSync("minisign", ["-Vm", join(FIXTURES, `${fixture.id}.json`), "-p", join(FIXTURES, fixture.signer)], { encoding: "utf8" });
        const digest = verifyCopy(join(FIXTURES, `${fixture.id}.json`), keys).digest;
        expect(out).toContain(`Trusted comment: counterseal ${fixture.kind} ${fixture.id} sha256:${digest}`);
      });
    });
  }

  it("keeps the superseding refusal pointing at the decision it replaces, and the countersignature at the refusal's bytes", () => {
    const refusal = verifyCopy(join(FIXTURES, "D-2026-0002.json"), keys);
    const value = JSON.parse(bytesOf("D-2026-0002.json").toString("utf8")) as { supersedes: string };
    expect(value.supersedes).toBe("D-2026-0001");
    expect(refusal.countersignaturesRequired).toBe(true);
    expect(refusal.countersignatures).toEqual([expect.objectContaining({ id: "CS-D-2026-0002-1", verdict: "signed", digestMatches: true, verified: true })]);
    expect(refusal.status).toBe("final");
  });

  it("counts only a countersignature that verifies: without the colleague's key the refusal is not final", () => {
    const reviewerOnly = verifyCopy(join(FIXTURES, "D-2026-0002.json"), [reviewerKey]);
    expect(reviewerOnly.ok).toBe(true);
    expect(reviewerOnly.countersignatures).toEqual([expect.objectContaining({ id: "CS-D-2026-0002-1", digestMatches: true, verified: false })]);
    expect(reviewerOnly.status).toBe("awaiting-countersignature");
  });

  it("keeps the grievance parsing", () => {
    const parsed = grievanceDocumentSchema.safeParse(JSON.parse(bytesOf("G-2026-0001.json").toString("utf8")));
    expect(parsed.success ? parsed.data.concerns : parsed.error.issues).toEqual({ kind: "decision", decisionId: "D-2026-0001" });
  });
});

describe("docs/decisions.md", () => {
  const docs = readFileSync(join(FIXTURES, "..", "..", "..", "docs", "decisions.md"), "utf8");
  const examples = [...docs.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1] ?? "") as unknown);

  it("shows one example of each kind, each exactly a committed fixture", () => {
    expect(examples.map((example) => (example as { id: string }).id)).toEqual(["D-2026-0001", "CS-D-2026-0002-1", "G-2026-0001", "GR-2026-0001"]);
    for (const example of examples) {
      const id = (example as { id: string }).id;
      expect(Buffer.from(canonicalJsonBytes(example)).equals(bytesOf(`${id}.json`)), id).toBe(true);
    }
  });

  it("prints the example decision's signature as committed, and the key that verifies it", () => {
    for (const line of bytesOf("D-2026-0001.json.minisig").toString("utf8").trim().split("\n")) expect(docs).toContain(`    ${line}\n`);
    expect(docs).toContain(`minisign -Vm D-2026-0001.json -P ${bytesOf("reviewer.pub").toString("utf8").trim().split("\n")[1] ?? ""}`);
  });
});
