// Exporting a decision, checked with the stock tools: the verification copy verifies with
// `minisign -Vm` and its PDF names the outcome, the reference, the digest and the verify command;
// the sealed reply to the issuing authority opens with `age -d`, its bag verifies with
// `minisign -V -H` and sha256sum; an authority without an age recipient gets nothing written.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { exportDecision } from "../../electron/core/decisions/decision-export.js";
import { changeScope } from "../../electron/core/review/review-service.js";
import { stockOpen } from "../helpers/stock-tools.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";
import { issuerCanReceive, REASONS, reviewedRequest } from "./decide-office.js";
import { folded, pdfText, renderPages, signerOf, stockVerify } from "./support.js";

let reviewer: ReviewOffice;
let out: string;
beforeEach(() => {
  reviewer = openReviewOffice();
  out = join(reviewer.dir, "export");
  mkdirSync(out);
});
afterEach(() => reviewer.session.store.close());

async function decided(): Promise<string> {
  const ref = await reviewedRequest(reviewer);
  changeScope(reviewer.session, { ...ref, change: { op: "strike-category", category: "traffic" } });
  return decide(reviewer.session, { ...ref, outcome: "authorised-with-modifications", reasons: REASONS, decisionId: "D-2026-0001" }).sha256;
}

describe("exporting a decision", () => {
  it("writes a verification copy the stock minisign verifies, with a PDF naming outcome, reference, digest and command", async () => {
    const sha256 = await decided();
    const result = await exportDecision(reviewer.session, "D-2026-0001", out, { seal: false });
    expect(result).toEqual({ files: ["D-2026-0001.json", "D-2026-0001.json.minisig", "D-2026-0001.pdf"].map((name) => join(out, name)), sealedTo: null, sha256 });
    const { publicKeyLine } = signerOf(reviewer);
    const stock = stockVerify(join(out, "D-2026-0001.json"), publicKeyLine);
    expect(stock.status, stock.stderr).toBe(0);
    expect(stock.stdout).toContain(`counterseal decision D-2026-0001 sha256:${sha256}`);
    const text = folded(pdfText(join(out, "D-2026-0001.pdf")));
    for (const expected of ["authorised-with-modifications", "OM-RTM-2026-0117", "Final", `minisign -Vm D-2026-0001.json -P ${publicKeyLine}`, "Bestandsdaten"]) expect(text).toContain(expected);
    expect(text.replace(/ /g, "")).toContain(sha256);
    const pages = join(reviewer.dir, "pages");
    mkdirSync(pages);
    expect(renderPages(join(out, "D-2026-0001.pdf"), pages).every((size) => size > 1000)).toBe(true);
    expect(reviewer.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "document.exported", details: { kind: "decision", id: "D-2026-0001", sha256, sealedTo: null } });

    // A second export into the same folder replaces nothing.
    await expect(exportDecision(reviewer.session, "D-2026-0001", out, { seal: false })).rejects.toMatchObject({ code: "export-target-exists" });
  });

  it("seals the reply to the issuing authority; the stock age, tar, minisign and sha256sum open and verify it", async () => {
    const issuer = issuerCanReceive(reviewer);
    await decided();
    const result = await exportDecision(reviewer.session, "D-2026-0001", out, { seal: true });
    expect(result.sealedTo).toBe("nl-om-rotterdam");
    expect(readdirSync(out).sort()).toEqual(["D-2026-0001.json", "D-2026-0001.json.minisig", "D-2026-0001.pdf", "D-2026-0001.sealed"]);

    const publicKeyFile = join(reviewer.dir, "reviewer.pub");
    writeFileSync(publicKeyFile, `untrusted comment: reviewer\n${signerOf(reviewer).publicKeyLine}\n`);
    const bag = stockOpen(join(out, "D-2026-0001.sealed"), issuer.identityFile, join(reviewer.dir, "opened"), publicKeyFile);
    const document = join(bag, "data", "decision.json");
    expect(readFileSync(document).equals(readFileSync(join(out, "D-2026-0001.json")))).toBe(true);
    expect(readFileSync(join(bag, "bag-info.txt"), "utf8")).toMatch(/^Bundle-Type: decision$[\s\S]*^External-Identifier: nl-om-rotterdam\/D-2026-0001\/1$/m);
    const signature = join(bag, "data", "attachments", "D-2026-0001.json.minisig");
    const stock = spawnSync("minisign", ["-Vm", document, "-x", signature, "-P", signerOf(reviewer).publicKeyLine], { encoding: "utf8" });
    expect(stock.status, stock.stderr).toBe(0);
    expect(reviewer.session.store.audit.listAudit().at(-1)?.details).toMatchObject({ kind: "decision", sealedTo: "nl-om-rotterdam" });
  });

  it("refuses to seal to an authority without an age recipient, and writes nothing", async () => {
    await decided();
    const before = reviewer.session.store.audit.listAudit().length;
    await expect(exportDecision(reviewer.session, "D-2026-0001", out, { seal: true })).rejects.toMatchObject({
      code: "no-reply-recipient",
      message: expect.stringContaining("nl-om-rotterdam has no usable key with an age recipient"),
    });
    expect(readdirSync(out)).toEqual([]);
    expect(reviewer.session.store.audit.listAudit()).toHaveLength(before);
  });

  it("refuses a decision the store does not hold", async () => {
    await expect(exportDecision(reviewer.session, "D-404", out, { seal: false })).rejects.toMatchObject({ code: "decision-not-found" });
  });
});
