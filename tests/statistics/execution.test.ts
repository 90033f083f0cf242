// The execution record on real stores: after a current, final authorisation the office records
// what happened, by hand or from the issuer's execution-report document, with a content-free
// audit row in the same transaction; everything that does not fit is refused and stores nothing;
// an authorisation without a record runs an execution-report clock that falls overdue with the
// provider's deadline.
import { describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { recordExecutionFromDocument } from "../../electron/core/executions/execution-report-import.js";
import { listExecutions, recordExecution } from "../../electron/core/executions/execution-service.js";
import { listStoreClocks } from "../../electron/core/review/review-clocks.js";
import { canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";
import { sha256Hex } from "../../electron/core/crypto/digest.js";
import { REASONS, refusal, reviewedRequest } from "../decisions/decide-office.js";
import { reviewOffices, type ReviewOffice } from "../review/review-office.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";

const office = reviewOffices();
const DAY = 86_400_000;

async function authorisedCase(at: ReviewOffice, id = "EXEC-1", request: Record<string, unknown> = {}) {
  const ref = await reviewedRequest(at, { request: { id, ...request } });
  const decision = decide(at.session, { ...ref, outcome: "authorised", reasons: REASONS });
  return { ref, decision };
}

/** Runs `attempt` and checks it was refused with `code`, leaving no record and no audit row. */
function refusedWithNothingStored(at: ReviewOffice, attempt: () => unknown, code: string, message: RegExp): void {
  const records = listExecutions(at.session).length;
  const audit = at.session.store.audit.listAudit().length;
  const result = refusal(attempt);
  expect(result.code, result.message).toBe(code);
  expect(result.message).toMatch(message);
  expect(listExecutions(at.session)).toHaveLength(records);
  expect(at.session.store.audit.listAudit()).toHaveLength(audit);
}

describe("the execution record", () => {
  it("records a compliance by request reference, with a content-free audit row", async () => {
    const at = office();
    const { ref, decision } = await authorisedCase(at);
    at.runtime.advance(2 * DAY);
    const record = recordExecution(at.session, {
      target: { authority: ref.authority, id: ref.id },
      outcome: "complied",
      producedAt: "2026-11-21T15:00:00+01:00",
      note: "Geleverd via het portaal; zaak RTM-26-004417.",
    });
    expect(record).toEqual({
      id: expect.any(String),
      decision: decision.id,
      request: ref,
      outcome: "complied",
      producedAt: "2026-11-21T14:00:00.000Z",
      ground: null,
      note: "Geleverd via het portaal; zaak RTM-26-004417.",
      source: "hand",
      documentSha256: null,
      recordedAt: at.runtime.clock.now().toISOString(),
    });
    expect(listExecutions(at.session)).toEqual([record]);
    const row = at.session.store.audit.listAudit().at(-1);
    expect(row).toMatchObject({
      action: "execution.recorded",
      objectId: record.id,
      details: { decisionId: decision.id, outcome: "complied", ground: null, producedAt: Date.parse("2026-11-21T14:00:00Z"), source: "hand", documentSha256: null, withNote: true },
    });
    expect(row?.detailsJson).not.toContain("portaal");
  });

  it("records a refusal to comply by decision id, with its ground", async () => {
    const at = office();
    const { decision } = await authorisedCase(at);
    const record = recordExecution(at.session, { target: { decision: decision.id }, outcome: "not-complied", ground: "wrong-identifier" });
    expect(record).toMatchObject({ outcome: "not-complied", ground: "wrong-identifier", producedAt: null, note: null });
  });

  it("refuses what does not fit, naming the fault, and stores nothing", async () => {
    const at = office();
    const { ref, decision } = await authorisedCase(at);
    const target = { decision: decision.id };
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "complied" }), "execution-invalid", /--produced-at: an outcome of complied says when/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "not-complied", producedAt: "2026-11-20T12:00:00Z", ground: "no-data" }), "execution-invalid", /no data were produced/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "not-complied" }), "execution-invalid", /--ground: not-complied names the provider's ground \(no-data, wrong-identifier/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "enforcing-state-objected", ground: "other" }), "execution-invalid", /only not-complied has a ground/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "complied", producedAt: "2026-12-20T12:00:00Z" }), "execution-invalid", /is in the future/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "complied-in-part", producedAt: "2026-11-19T12:00:00Z" }), "execution-invalid", /before the request was issued/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target: { decision: "D-NONE" }, outcome: "enforcing-state-objected" }), "decision-not-found", /D-NONE/);
    refusedWithNothingStored(at, () => recordExecution(at.session, { target: { authority: ref.authority, id: "NO-SUCH" }, outcome: "enforcing-state-objected" }), "request-not-found", /NO-SUCH/);

    recordExecution(at.session, { target, outcome: "enforcing-state-objected" });
    refusedWithNothingStored(at, () => recordExecution(at.session, { target, outcome: "complied", producedAt: "2026-11-20T09:30:00Z" }), "execution-exists", /never replaced/);
  });

  it("follows only a current, final authorisation", async () => {
    const at = office();
    const undecided = await reviewedRequest(at, { request: { id: "OPEN-1" } });
    refusedWithNothingStored(at, () => recordExecution(at.session, { target: undecided, outcome: "enforcing-state-objected" }), "execution-invalid", /has no decision/);

    const refusedRef = await reviewedRequest(at, { request: { id: "REFUSED-1" }, answers: { L1: "not-met" } });
    const refused = decide(at.session, { ...refusedRef, outcome: "refused", reasons: REASONS });
    refusedWithNothingStored(at, () => recordExecution(at.session, { target: { decision: refused.id }, outcome: "enforcing-state-objected" }), "execution-invalid", /is refused; an execution follows an authorisation/);

    const { ref, decision } = await authorisedCase(at, "SUPERSEDED-1");
    decide(at.session, { ...ref, outcome: "returned", reasons: REASONS, supersedes: decision.id });
    refusedWithNothingStored(at, () => recordExecution(at.session, { target: { decision: decision.id }, outcome: "enforcing-state-objected" }), "execution-invalid", /is superseded by/);

    // Content needs a countersignature (the default four-eyes rule): not final, so nothing follows yet.
    const foureyes = await authorisedCase(at, "FOUR-EYES-1", { dataCategories: ["subscriber", "content"] });
    expect(foureyes.decision.status).toBe("awaiting-countersignature");
    refusedWithNothingStored(at, () => recordExecution(at.session, { target: { decision: foureyes.decision.id }, outcome: "enforcing-state-objected" }), "execution-invalid", /is not final \(awaiting-countersignature\)/);
  });

  it("runs an execution-report clock from the authorisation until the record, overdue after the provider's deadline", async () => {
    const at = office();
    const { ref, decision } = await authorisedCase(at);
    const executionClocks = () => listStoreClocks(at.session).filter((clock) => clock.kind === "execution-report");
    // The sample order was issued 2026-11-20T08:15Z: the provider has 10 days (Art 10(2)).
    expect(executionClocks()).toEqual([
      expect.objectContaining({ ...ref, kind: "execution-report", due: "2026-11-30T08:15:00.000Z", state: "running", source: expect.stringContaining("Art 10(2)"), description: expect.stringContaining(decision.id) }),
    ]);
    at.runtime.set(new Date("2026-11-29T09:00:00Z"));
    expect(executionClocks().map((clock) => clock.state)).toEqual(["due-soon"]);
    at.runtime.set(new Date("2026-12-01T09:00:00Z"));
    expect(executionClocks().map((clock) => clock.state)).toEqual(["overdue"]);
    recordExecution(at.session, { target: { decision: decision.id }, outcome: "complied", producedAt: "2026-11-30T10:00:00Z" });
    expect(executionClocks()).toEqual([]);
  });

  it("runs no execution clock for an authorisation without a provider deadline, or one awaiting its countersignature", async () => {
    const at = office();
    await authorisedCase(at, "PRESERVE-1", { instrument: "eu-preservation-order" });
    await authorisedCase(at, "FOUR-EYES-2", { dataCategories: ["content"] });
    expect(listStoreClocks(at.session).filter((clock) => clock.kind === "execution-report")).toEqual([]);
  });
});

describe("an execution report from the issuer (the execution-report bundle's document)", () => {
  const report = (decision: { id: string; sha256: string }, overrides: Record<string, unknown> = {}) => ({
    schema: "counterseal.execution-report/1",
    id: "ER-2026-0001",
    request: { authority: SAMPLE_AUTHORITY.id, id: "EXEC-1", revision: 1 },
    decision: { id: decision.id, sha256: decision.sha256 },
    outcome: "complied-in-part",
    producedAt: "2026-11-25T10:00:00+01:00",
    note: "Verkeersgegevens alleen voor oktober.",
    reportedAt: "2026-11-26T10:00:00+01:00",
    ...overrides,
  });
  const input = (document: Record<string, unknown>, signer: string = SAMPLE_AUTHORITY.id) => {
    const bytes = canonicalJsonBytes(document);
    return { document, bytes, sha256: sha256Hex(bytes), bundleDigest: "d".repeat(64), signerAuthorityId: signer };
  };

  it("records it with source bundle and the digest of the issuer's signed document", async () => {
    const at = office();
    const { decision } = await authorisedCase(at);
    at.runtime.advance(7 * DAY);
    const given = input(report(decision));
    const record = recordExecutionFromDocument(at.session, given);
    expect(record).toMatchObject({ decision: decision.id, outcome: "complied-in-part", producedAt: "2026-11-25T09:00:00.000Z", note: "Verkeersgegevens alleen voor oktober.", source: "bundle", documentSha256: given.sha256 });
    expect(at.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "execution.recorded", details: { source: "bundle", documentSha256: given.sha256, withNote: true } });
  });

  it("refuses a report signed by another authority, one naming another decision, or one that breaks its schema, storing nothing", async () => {
    const at = office();
    const { decision } = await authorisedCase(at);
    at.runtime.advance(7 * DAY);
    refusedWithNothingStored(at, () => recordExecutionFromDocument(at.session, input(report(decision), "de-ag-muenchen")), "execution-invalid", /signed by de-ag-muenchen; only the issuer reports on its own request/);
    refusedWithNothingStored(at, () => recordExecutionFromDocument(at.session, input(report({ id: decision.id, sha256: "0".repeat(64) }))), "execution-invalid", /names decision .* but the current decision/);
    refusedWithNothingStored(at, () => recordExecutionFromDocument(at.session, input(report(decision, { producedAt: undefined }))), "execution-invalid", /\$\.producedAt: an outcome of complied-in-part says when/);
    refusedWithNothingStored(at, () => recordExecutionFromDocument(at.session, input(report(decision, { outcome: "not-complied", producedAt: undefined, ground: "lost" }))), "execution-invalid", /\$\.ground: expected one of no-data\|wrong-identifier/);
    refusedWithNothingStored(at, () => recordExecutionFromDocument(at.session, input(report(decision, { extra: true }))), "execution-invalid", /\$\.extra: unknown field/);
  });
});
