// An execution report from the issuer as a sealed bundle (Bundle-Type `execution-report`) made
// with tar, age and minisign ALONE, imported through the one import path: recorded as a record by
// hand is, with source `bundle` and the document's bytes as its evidence, and the clock waiting
// for it stops. Only the issuing authority may send one; whatever does not fit is refused with
// its code and nothing is stored.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { sha256Hex } from "../../electron/core/crypto/digest.js";
import { decide } from "../../electron/core/decisions/decide.js";
import { listExecutions } from "../../electron/core/executions/execution-service.js";
import { addAuthorityKey } from "../../electron/core/keyring/keyring-service.js";
import { listStoreClocks } from "../../electron/core/review/review-clocks.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { reviewOffices, type ReviewOffice } from "../review/review-office.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { stockBag, stockMinisignKeygen, stockSeal, stockSign, type StockMinisignKey } from "../helpers/stock-tools.js";

const office = reviewOffices();
const DAY = 86_400_000;

/** The issuer's second key, made with `minisign -G`, trusted for the authority (or for `authority`). */
function stockIssuerKey(at: ReviewOffice, authority: string = SAMPLE_AUTHORITY.id, name = "stock-issuer"): StockMinisignKey {
  const key = stockMinisignKeygen(at.dir, name);
  addAuthorityKey(at.session, { authorityId: authority, name: authority === SAMPLE_AUTHORITY.id ? SAMPLE_AUTHORITY.name : "Staatsanwaltschaft München I", country: authority === SAMPLE_AUTHORITY.id ? "NL" : "DE", minisignPublicKey: key.publicKeyLine });
  return key;
}

let bags = 0;
/** data/execution-report.json in a bag laid out with sha256sum, signed with minisign, sealed with tar | age. */
function stockExecutionBundle(at: ReviewOffice, key: StockMinisignKey, document: Record<string, unknown>, sender: string = SAMPLE_AUTHORITY.id): string {
  const root = `execution-report-${++bags}`;
  const bag = stockBag({
    workDir: at.dir,
    root,
    document: `${JSON.stringify(document, null, 2)}\n`,
    documentName: "execution-report.json",
    bagInfo: {
      "Bundle-Type": "execution-report",
      "Bundle-Version": "1",
      "External-Identifier": `${sender}/${String(document["id"])}/1`,
      "Source-Organization": SAMPLE_AUTHORITY.name,
      "Bagging-Date": "2026-11-26",
    },
  });
  stockSign(bag, key);
  const out = join(at.dir, `${root}.sealed`);
  stockSeal(at.dir, root, [at.recipient], out);
  return out;
}

const report = (decision: { id: string; sha256: string }, overrides: Record<string, unknown> = {}) => ({
  schema: "counterseal.execution-report/1",
  id: "ER-2026-0001",
  request: { authority: SAMPLE_AUTHORITY.id, id: "EXEC-B-1", revision: 1 },
  decision: { id: decision.id, sha256: decision.sha256 },
  outcome: "complied",
  producedAt: "2026-11-25T10:00:00+01:00",
  reportedAt: "2026-11-26T10:00:00+01:00",
  ...overrides,
});

async function authorisedCase(at: ReviewOffice, id = "EXEC-B-1") {
  const ref = await reviewedRequest(at, { request: { id } });
  return decide(at.session, { ...ref, outcome: "authorised", reasons: REASONS });
}

/** Imports `file`, expecting the refusal `code` and nothing stored (no record, no audit row). */
async function refusedWith(at: ReviewOffice, file: string, code: string, message: RegExp): Promise<void> {
  const audit = at.session.store.audit.listAudit().length;
  const outcome = await importBundleFile(at.session, file);
  expect(outcome).toMatchObject({ status: "refused", code });
  expect(outcome.status === "refused" ? outcome.message : "").toMatch(message);
  expect(listExecutions(at.session)).toEqual([]);
  // A refusal writes its own content-free row, nothing else.
  expect(at.session.store.audit.listAudit().slice(audit).map((row) => row.action)).toEqual(["bundle.refused"]);
}

describe("an execution report sealed by the issuer with the stock tools", () => {
  it("is recorded with source bundle and its document as evidence, stops the clock, and is a duplicate the second time", async () => {
    const at = office();
    const decision = await authorisedCase(at);
    at.runtime.advance(7 * DAY);
    const kinds = () => listStoreClocks(at.session).map((clock) => clock.kind);
    expect(kinds()).toContain("execution-report");
    const file = stockExecutionBundle(at, stockIssuerKey(at), report(decision));

    expect(await importBundleFile(at.session, file)).toEqual({ file, status: "imported", authority: SAMPLE_AUTHORITY.id, id: "ER-2026-0001", revision: 1, bundleType: "execution-report" });
    const [record, ...more] = listExecutions(at.session);
    expect(more).toEqual([]);
    const documentBytes = readFileSync(join(at.dir, "execution-report-1", "data", "execution-report.json"));
    expect(record).toMatchObject({ decision: decision.id, outcome: "complied", producedAt: "2026-11-25T09:00:00.000Z", source: "bundle", documentSha256: sha256Hex(documentBytes) });
    expect(kinds()).not.toContain("execution-report");
    expect(at.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "execution.recorded", details: { decisionId: decision.id, source: "bundle" } });

    expect(await importBundleFile(at.session, file)).toMatchObject({ status: "duplicate", bundleType: "execution-report" });
    expect(listExecutions(at.session)).toHaveLength(1);
  });

  it("refuses one signed by another authority, one on a refused request, one that breaks its schema, and a second report", async () => {
    const at = office();
    const decision = await authorisedCase(at);
    at.runtime.advance(7 * DAY);
    const issuer = stockIssuerKey(at);
    const stranger = stockIssuerKey(at, "de-sta-muenchen", "stranger");
    // The other authority's key, claiming to come from the issuer, and then claiming to be itself.
    await refusedWith(at, stockExecutionBundle(at, stranger, report(decision)), "signer-mismatch", /belongs to "de-sta-muenchen", but the bundle claims to come from "nl-om-rotterdam"/);
    await refusedWith(at, stockExecutionBundle(at, stranger, report(decision), "de-sta-muenchen"), "signer-mismatch", /only the issuer reports on its own request/);
    await refusedWith(at, stockExecutionBundle(at, issuer, report(decision, { producedAt: undefined })), "document-invalid", /\$\.producedAt: an outcome of complied says when/);
    await refusedWith(at, stockExecutionBundle(at, issuer, report(decision, { producedAt: "2026-11-01T10:00:00+01:00", reportedAt: "2026-11-02T10:00:00+01:00" })), "document-invalid", /\$\.producedAt 2026-11-01T10:00:00\+01:00 is before the request was issued/);
    await refusedWith(at, stockExecutionBundle(at, issuer, report(decision, { decision: { id: decision.id, sha256: "0".repeat(64) } })), "document-invalid", /but the current decision/);

    const refused = await reviewedRequest(at, { request: { id: "EXEC-B-2" }, answers: { L1: "not-met" } });
    const refusal = decide(at.session, { ...refused, outcome: "refused", reasons: REASONS });
    await refusedWith(at, stockExecutionBundle(at, issuer, report(refusal, { id: "ER-2026-0002", request: { ...refused } })), "document-invalid", /is refused; an execution follows an authorisation/);

    expect((await importBundleFile(at.session, stockExecutionBundle(at, issuer, report(decision)))).status).toBe("imported");
    const second = stockExecutionBundle(at, issuer, report(decision, { id: "ER-2026-0003", outcome: "not-complied", producedAt: undefined, ground: "no-data" }));
    const outcome = await importBundleFile(at.session, second);
    expect(outcome).toMatchObject({ status: "refused", code: "bundle-conflict" });
    expect(listExecutions(at.session)).toHaveLength(1);
  });
});
