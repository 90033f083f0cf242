// A population narrowed by the decision's outcome, over a real store: only revisions whose
// current decision (the one nothing supersedes) has that outcome; undecided ones never.
import { afterEach, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { drawAuditSample, storedPopulation } from "../../electron/core/sampling/sampling-service.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";

let office: ReviewOffice;
afterEach(() => office.session.store.close());

it("takes the current decision's outcome: a refusal superseded by a return counts as returned", async () => {
  office = openReviewOffice();
  const refused = await reviewedRequest(office, { request: { id: "REFUSED-1" }, answers: { L1: "not-met" } });
  const returned = await reviewedRequest(office, { request: { id: "RETURNED-1" }, answers: { L1: "not-met" } });
  await office.importRequest({ id: "UNDECIDED-1" });
  decide(office.session, { ...refused, outcome: "refused", reasons: REASONS });
  const first = decide(office.session, { ...returned, outcome: "refused", reasons: REASONS });
  decide(office.session, { ...returned, outcome: "returned", reasons: REASONS, supersedes: first.id });

  const outcomes = Object.fromEntries(storedPopulation(office.session).map((member) => [member.id, member.outcome]));
  expect(outcomes).toEqual({ "REFUSED-1": "refused", "RETURNED-1": "returned", "UNDECIDED-1": null });
  const seed = "ab".repeat(32);
  expect(drawAuditSample(office.session, { seed, size: 5, filter: { outcome: "refused" } })).toMatchObject({ population: 1, sample: [`${refused.authority}/REFUSED-1/1`] });
  expect(drawAuditSample(office.session, { seed, size: 5, filter: { outcome: "authorised" } })).toMatchObject({ population: 0, sample: [] });
});
