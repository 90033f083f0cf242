// `sample pack` through the core on a real store, opened with the stock tools only: age -d, tar,
// minisign -V (the bag and every decision, with the office reviewer's public key) and sha256sum -c;
// the pack's draw is exactly sample draw's, its cases what the store holds, its audit excerpts
// rows of the signed chain, and the export is recorded in the audit log with its checkpoint.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import { drawAuditSample } from "../../electron/core/sampling/sampling-service.js";
import { encodePublicKeyFile } from "../../electron/core/crypto/minisign.js";
import { stockAgeKeygen } from "../helpers/stock-tools.js";
import { decidedOffice, makePack, SEED, type DecidedOffice } from "../auditor/auditor-fixture.js";

let office: DecidedOffice;
afterEach(() => {
  if (office.session.store.isOpen) office.session.store.close();
});

function openWithStockTools(file: string, identityFile: string, into: string): string {
  mkdirSync(into);
  const tar = execFileSync("age", ["-d", "-i", identityFile, file]);
  execFileSync("tar", ["-xf", "-", "-C", into], { input: tar });
  const [root] = readdirSync(into);
  return join(into, root ?? "");
}

describe("counterseal sample pack (core)", () => {
  it("seals the draw's cases with the plan; age, tar, minisign and sha256sum open and verify it", async () => {
    office = await decidedOffice();
    const committee = stockAgeKeygen(office.dir, "committee");
    // The seed samples AUD-2026-002, -001 and -003; the refused-then-returned -004 and the
    // unreviewed case come in as purposive picks.
    const purposive = [
      { reason: "urgent-approval" as const, reference: office.undecided },
      { reason: "long-running-measure" as const, reference: "nl-om-rotterdam/AUD-2026-004/1" },
    ];
    const pack = await makePack(office, committee.recipient, { purposive });
    const draw = drawAuditSample(office.session, { seed: SEED, size: 3, filter: {}, purposive });
    expect(draw.sample).toEqual(["nl-om-rotterdam/AUD-2026-002/1", "nl-om-rotterdam/AUD-2026-001/1", "nl-om-rotterdam/AUD-2026-003/1"]);
    expect(pack).toMatchObject({ frameHash: draw.frameHash, seed: SEED, population: 6, sample: draw.sample, spares: draw.spares, purposive: purposive.map((pick) => pick.reference), cases: 5, recipients: 1 });

    const bag = openWithStockTools(pack.file, committee.identityFile, join(office.dir, "opened"));
    const pub = join(office.dir, "office.pub");
    const signer = reviewerSigner(office.session);
    writeFileSync(pub, encodePublicKeyFile(signer.key));
    expect(execFileSync("minisign", ["-V", "-p", pub, "-m", join(bag, "tagmanifest-sha256.txt")]).toString()).toContain("Signature and comment signature verified");
    execFileSync("sha256sum", ["-c", "--quiet", "tagmanifest-sha256.txt"], { cwd: bag });
    execFileSync("sha256sum", ["-c", "--quiet", "manifest-sha256.txt"], { cwd: bag });
    expect(readFileSync(join(bag, "bag-info.txt"), "utf8")).toContain(`Bundle-Type: audit-pack\nBundle-Version: 1\nExternal-Identifier: audit-pack/${pack.id}/1\n`);

    const document = JSON.parse(readFileSync(join(bag, "data/audit-pack.json"), "utf8"));
    expect(document).toMatchObject({ schema: "counterseal.audit-pack/1", id: pack.id, plan: { confidence: 95, tolerable: 5, expected: 0, sampleSize: 59 }, draw: { frameHash: draw.frameHash, sample: draw.sample, spares: draw.spares, strata: draw.strata } });
    const frame = readFileSync(join(bag, "data/sampling/frame.txt"));
    expect(execFileSync("sha256sum", { input: frame }).toString().slice(0, 64)).toBe(draw.frameHash);

    for (const each of document.cases) {
      const request = JSON.parse(readFileSync(join(bag, "data", each.request), "utf8"));
      expect(`${request.issuingAuthority.id}/${request.id}/${request.revision}`).toBe(each.reference);
      for (const decision of each.decisions) {
        const verified = execFileSync("minisign", ["-V", "-p", pub, "-m", join(bag, "data", decision.document), "-x", join(bag, "data", decision.signature)]).toString();
        expect(verified).toContain(`counterseal decision ${decision.id} sha256:${decision.sha256}`);
      }
      const rows = readFileSync(join(bag, "data", each.audit), "utf8").trim().split("\n").map((line) => JSON.parse(line));
      expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(["request.stored"]));
      if (each.review !== null) expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(["review.started", "review.independence-declared", "decision.signed"]));
      expect(rows.every((row) => row.seq <= document.audit.headSeq)).toBe(true);
    }
    expect(document.cases.map((each: { reference: string; selection: string; review: string | null; decisions: { id: string; current: boolean }[] }) => [each.reference, each.selection, each.review !== null, each.decisions.map((decision) => `${decision.id}${decision.current ? "" : " (superseded)"}`)])).toEqual([
      ["nl-om-rotterdam/AUD-2026-002/1", "sample", true, ["D-2026-002"]],
      ["nl-om-rotterdam/AUD-2026-001/1", "sample", true, ["D-2026-001"]],
      ["nl-om-rotterdam/AUD-2026-003/1", "sample", true, ["D-2026-003"]],
      [office.undecided, "purposive", false, []],
      ["nl-om-rotterdam/AUD-2026-004/1", "purposive", true, ["D-2026-004 (superseded)", "D-2026-004b"]],
    ]);
    expect(execFileSync("minisign", ["-V", "-p", pub, "-m", join(bag, "data/audit/checkpoint.json")]).toString()).toContain(`counterseal audit-checkpoint seq ${document.audit.headSeq} head ${document.audit.headHash}`);

    const log = office.session.store.audit.listAudit();
    expect(log.slice(-2).map((row) => row.action)).toEqual(["audit.checkpointed", "audit-pack.exported"]);
    expect(log.at(-1)?.details).toMatchObject({ frameHash: draw.frameHash, seed: SEED, population: 6, sample: 3, purposive: 2, headSeq: document.audit.headSeq, recipients: 1, sealedSha256: pack.sealedSha256 });
  });

  it("refuses to write over an existing pack, and records nothing then", async () => {
    office = await decidedOffice();
    const committee = stockAgeKeygen(office.dir, "committee");
    await makePack(office, committee.recipient);
    const before = office.session.store.audit.auditHead();
    await expect(makePack(office, committee.recipient)).rejects.toMatchObject({ code: "export-target-exists" });
    expect(office.session.store.audit.auditHead()).toEqual(before);
  });
});
