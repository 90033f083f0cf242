// `counterseal verify` knows the findings report: a signed report verifies in full (kind
// audit-findings, the auditor's key named as its signer), in the core and as a real process, and
// each kind of tampering fails the check it should: a changed byte, a report signed by another key
// than the one its auditor field names, and a trusted comment naming another kind.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exportFindingsReport } from "../../electron/core/auditor/findings-report.js";
import { recordFinding } from "../../electron/core/auditor/findings.js";
import { importAuditPack } from "../../electron/core/auditor/pack-import.js";
import { parsePublicKey, signPrehashed } from "../../electron/core/crypto/minisign.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { verifyFiles } from "../../electron/core/decisions/verify-files.js";
import type { CopyReport } from "../../electron/core/decisions/verify-copy.js";
import type { Session } from "../../electron/core/session/session.js";
import { expectExit, jsonLines, runCli } from "../helpers/cli.js";
import { decidedOffice, makePack, openAuditorStore, trustOffice } from "./auditor-fixture.js";

const open: Session[] = [];
afterEach(() => {
  for (const session of open.splice(0)) if (session.store.isOpen) session.store.close();
});

/** A complete findings report written by a real auditor store; its folder, id and both parties' keys. */
async function signedReport(): Promise<{ out: string; id: string; auditorKey: string; officeKey: string; sign: (bytes: Uint8Array, comment: string) => string }> {
  const office = await decidedOffice();
  const auditor = openAuditorStore();
  open.push(office.session, auditor.session);
  trustOffice(auditor, office.session);
  await importAuditPack(auditor.session, (await makePack(office, auditor.recipient)).file);
  for (const reference of ["nl-om-rotterdam/AUD-2026-002/1", "nl-om-rotterdam/AUD-2026-001/1", "nl-om-rotterdam/AUD-2026-003/1"]) {
    recordFinding(auditor.session, { reference, verdict: "compliant", recommendation: "green" });
  }
  const out = join(auditor.dir, "report");
  mkdirSync(out);
  const report = await exportFindingsReport(auditor.session, { outDir: out });
  const { key, publicKeyLine } = reviewerSigner(auditor.session);
  return { out, id: report.id, auditorKey: publicKeyLine, officeKey: reviewerSigner(office.session).publicKeyLine, sign: (bytes, comment) => signPrehashed(bytes, key, comment) };
}

const failedChecks = (report: CopyReport | { type: string }): string[] => ("checks" in report ? report.checks.filter((check) => !check.ok).map((check) => check.check) : ["unverifiable"]);

describe("counterseal verify on a findings report", () => {
  it("verifies a signed findings report in full, naming the auditor's key as its signer", async () => {
    const { out, id, auditorKey, officeKey } = await signedReport();
    const [report] = verifyFiles([join(out, `${id}.json`)], [parsePublicKey(auditorKey)]);
    expect(report).toMatchObject({ type: "verification-copy", ok: true, kind: "audit-findings", id });
    const reviewerCheck = (report as CopyReport).checks.find((check) => check.check === "reviewer-key");
    expect(reviewerCheck?.detail).toBe(`auditor.keyId names the signing key ${(report as CopyReport).keyId ?? ""} (C. Auditor)`);
    // The PDF and the signature stand for their JSON file, as for a decision.
    expect(verifyFiles([join(out, `${id}.pdf`), join(out, `${id}.json.minisig`)], [parsePublicKey(auditorKey)])).toHaveLength(1);
    // The office's key did not sign it.
    expect(failedChecks(verifyFiles([join(out, `${id}.json`)], [parsePublicKey(officeKey)])[0] ?? { type: "none" })).toContain("key");

    const cli = await runCli(["verify", join(out, `${id}.json`), "--pubkey", auditorKey, "--json"]);
    expectExit(cli, 0);
    expect(jsonLines(cli.stdout)).toMatchObject([{ ok: true, kind: "audit-findings", id }]);
    const text = await runCli(["verify", join(out, `${id}.json`), "--pubkey", auditorKey]);
    expectExit(text, 0);
    expect(text.stdout).toContain(`(audit-findings ${id}): verified`);
  });

  it("fails a changed byte, another signer, and a trusted comment naming another kind", async () => {
    const { out, id, auditorKey, sign } = await signedReport();
    const keys = [parsePublicKey(auditorKey)];
    const json = readFileSync(join(out, `${id}.json`), "utf8");
    const signature = readFileSync(join(out, `${id}.json.minisig`), "utf8");
    const variant = (name: string, text: string, minisig = signature): string => {
      const dir = join(out, name);
      mkdirSync(dir);
      writeFileSync(join(dir, `${id}.json`), text);
      writeFileSync(join(dir, `${id}.json.minisig`), minisig);
      return join(dir, `${id}.json`);
    };

    const changed = variant("changed", json.replace('"verdict":"compliant"', '"verdict":"deviation"'));
    expect(failedChecks(verifyFiles([changed], keys)[0] ?? { type: "none" })).toEqual(expect.arrayContaining(["signature", "digest"]));

    // A report whose auditor field names another key than the one that signed it.
    const otherAuditor = variant("other-auditor", json.replace(/"keyId":"[0-9A-F]{16}"/, '"keyId":"0000000000000000"'));
    expect(failedChecks(verifyFiles([otherAuditor], keys)[0] ?? { type: "none" })).toContain("reviewer-key");

    // Signed by the right key, but its trusted comment calls it a decision.
    const digest = createHash("sha256").update(json).digest("hex");
    const misnamed = variant("misnamed", json, sign(new TextEncoder().encode(json), `counterseal decision ${id} sha256:${digest}`));
    expect(failedChecks(verifyFiles([misnamed], keys)[0] ?? { type: "none" })).toEqual(["trusted-comment"]);

    const cli = await runCli(["verify", changed, "--pubkey", auditorKey]);
    expectExit(cli, 1);
    expect(cli.stdout).toContain("FAILED");
    copyFileSync(join(out, `${id}.json`), join(out, "unrelated.json"));
    expect(failedChecks(verifyFiles([join(out, "unrelated.json")], keys)[0] ?? { type: "none" })).toContain("signature-file");
  });
});
