// The retention rule over a real store: a case is due its set number of days after its final
// decision of that outcome; a decision awaiting a countersignature, a superseded one, a newer
// undecided revision and an outcome the rule keeps start nothing; deleting the due cases is the
// store's real deletion, with its content-free audit rows.
import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { deleteConfirmedCases, deleteDueCases, listRetention } from "../../electron/core/retention/retention-service.js";
import { getRetentionSettings, updateRetentionSettings } from "../../electron/core/settings/retention-settings.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";

const DAY = 86_400_000;
let office: ReviewOffice;
afterEach(() => office.session.store.close());

const refusedCase = async (id: string) => {
  const ref = await reviewedRequest(office, { request: { id }, answers: { L1: "not-met" } });
  return { ref, decision: decide(office.session, { ...ref, outcome: "refused", reasons: REASONS }) };
};

describe("retention", () => {
  it("lists a refused case as due 730 days after the refusal, and deletes it with its audit rows", async () => {
    office = openReviewOffice();
    updateRetentionSettings(office.session, { refused: 730 });
    const { ref, decision } = await refusedCase("OLD-1");
    expect(listRetention(office.session, { dueOnly: true })).toEqual([]);
    expect(listRetention(office.session, { dueOnly: false })).toEqual([
      { ...ref, decisionId: decision.id, outcome: "refused", decidedAt: decision.decidedAt, deleteFrom: new Date(Date.parse(decision.decidedAt) + 730 * DAY).toISOString(), due: false },
    ]);

    office.runtime.advance(730 * DAY);
    expect(listRetention(office.session, { dueOnly: true }).map((entry) => [entry.id, entry.due])).toEqual([["OLD-1", true]]);
    expect(deleteDueCases(office.session).map((entry) => entry.id)).toEqual(["OLD-1"]);
    expect(office.session.store.requests.getRequest(ref.authority, ref.id)).toBeUndefined();
    expect(office.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "request.deleted", details: { caseDeleted: true } });
    expect(listRetention(office.session, { dueOnly: false })).toEqual([]);
  });

  it("starts nothing for an outcome it keeps, a superseded decision, a newer revision or a decision awaiting countersignature", async () => {
    office = openReviewOffice();
    updateRetentionSettings(office.session, { refused: 1, authorised: 1 });
    const kept = await reviewedRequest(office, { request: { id: "RETURNED-1" }, answers: { L1: "not-met" } });
    decide(office.session, { ...kept, outcome: "returned", reasons: REASONS });
    const superseded = await refusedCase("SUPERSEDED-1");
    decide(office.session, { ...superseded.ref, outcome: "returned", reasons: REASONS, supersedes: superseded.decision.id });
    await refusedCase("REVISED-1");
    await office.importRequest({ id: "REVISED-1", revision: 2 });
    // Granting content needs a countersignature (the default four-eyes rule), so it is not final.
    const foureyes = await reviewedRequest(office, { request: { id: "FOUR-EYES-1", dataCategories: ["subscriber", "content"] } });
    expect(decide(office.session, { ...foureyes, outcome: "authorised", reasons: REASONS }).status).toBe("awaiting-countersignature");
    office.runtime.advance(10 * DAY);
    expect(listRetention(office.session, { dueOnly: false })).toEqual([]);
  });

  it("deletes exactly the confirmed cases in one transaction, and none when one of them is no longer due", async () => {
    office = openReviewOffice();
    updateRetentionSettings(office.session, { refused: 30 });
    const first = await refusedCase("DUE-1");
    const second = await refusedCase("DUE-2");
    const third = await refusedCase("DUE-3");
    office.runtime.advance(30 * DAY);
    const auditBefore = office.session.store.audit.listAudit().length;

    // DUE-2 gets a new revision after the screen listed it: the whole confirmation is refused.
    await office.importRequest({ id: "DUE-2", revision: 2 });
    const stale = [first.ref, second.ref].map(({ authority, id }) => ({ authority, id }));
    expect(() => deleteConfirmedCases(office.session, stale)).toThrow(expect.objectContaining({ code: "retention-not-due", message: expect.stringContaining(`${second.ref.authority}/DUE-2`) }));
    expect(office.session.store.requests.getRequest(first.ref.authority, "DUE-1")).toBeDefined();
    expect(office.session.store.audit.listAudit().length).toBe(auditBefore + 1); // the import's row only

    // Confirming DUE-1 twice and DUE-3 deletes those two, DUE-2 stays.
    const confirmed = [first.ref, first.ref, third.ref].map(({ authority, id }) => ({ authority, id }));
    expect(deleteConfirmedCases(office.session, confirmed).map((entry) => entry.id)).toEqual(["DUE-1", "DUE-3"]);
    expect(office.session.store.requests.getRequest(first.ref.authority, "DUE-1")).toBeUndefined();
    expect(office.session.store.requests.getRequest(third.ref.authority, "DUE-3")).toBeUndefined();
    expect(office.session.store.requests.getRequest(second.ref.authority, "DUE-2")).toBeDefined();
    const deletions = office.session.store.audit.listAudit().filter((row) => row.action === "request.deleted");
    expect(deletions.map((row) => row.details)).toEqual([
      expect.objectContaining({ revision: 1, caseDeleted: true }),
      expect.objectContaining({ revision: 1, caseDeleted: true }),
    ]);
    expect(() => deleteConfirmedCases(office.session, [{ authority: first.ref.authority, id: "DUE-1" }])).toThrow(expect.objectContaining({ code: "retention-not-due" }));
  });

  it("refuses an unknown outcome or a period that is not a whole number of days from 1, changing nothing", () => {
    office = openReviewOffice();
    updateRetentionSettings(office.session, { refused: 730 });
    expect(() => updateRetentionSettings(office.session, { rejected: 10 })).toThrow(expect.objectContaining({ code: "retention-setting-invalid", message: expect.stringContaining("rejected") }));
    expect(() => updateRetentionSettings(office.session, { returned: 0 })).toThrow(expect.objectContaining({ code: "retention-setting-invalid" }));
    expect(getRetentionSettings(office.session)).toEqual({ refused: 730 });
    expect(updateRetentionSettings(office.session, { refused: null, returned: 365 })).toEqual({ returned: 365 });
  });
});
