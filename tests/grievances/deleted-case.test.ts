// Deleting a case that was reviewed, decided and complained about: its review and decisions go
// with it; a grievance stays in the register (the office's record of the complaint), unlinked.
import { afterEach, expect, it } from "vitest";
import { getGrievance, registerGrievance } from "../../electron/core/grievances/grievance-register.js";
import { deleteCase } from "../../electron/core/requests/evidence-service.js";
import { declareIndependence, getReview, setAnswer } from "../../electron/core/review/review-service.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";
import { letterGrievance } from "./fixtures.js";
import { decide } from "../../electron/core/decisions/decide.js";
import { listDecisions } from "../../electron/core/decisions/decision-views.js";
import { reviewedRequest, REASONS } from "../decisions/decide-office.js";

let office: ReviewOffice;
afterEach(() => office.session.store.close());

it("deletes a reviewed case; the grievance about it stays, unlinked", async () => {
  office = openReviewOffice();
  const ref = await office.importRequest();
  declareIndependence(office.session, { ...ref, conflict: false });
  setAnswer(office.session, { ...ref, item: "L1", answer: "met" });
  expect(registerGrievance(office.session, letterGrievance()).linkedCase).toEqual({ authority: ref.authority, id: ref.id });

  deleteCase(office.session, { authority: ref.authority, id: ref.id });

  expect(() => getReview(office.session, ref)).toThrow(expect.objectContaining({ code: "request-not-found" }));
  expect(getGrievance(office.session, "G-2026-0001")).toMatchObject({ linkedCase: null, concerns: { kind: "request", id: ref.id } });
  expect(office.session.store.integrityCheck()).toEqual(["ok"]);
  expect(office.session.store.audit.verifyAuditChain()).toMatchObject({ ok: true });
});

it("deletes a decided case with its decisions, the superseded one and the one superseding it", async () => {
  office = openReviewOffice();
  const ref = await reviewedRequest(office, { answers: { L1: "not-met" } });
  const first = decide(office.session, { ...ref, outcome: "refused", reasons: REASONS });
  decide(office.session, { ...ref, outcome: "refused", reasons: REASONS, supersedes: first.id });
  expect(listDecisions(office.session)).toHaveLength(2);

  deleteCase(office.session, { authority: ref.authority, id: ref.id });

  expect(listDecisions(office.session)).toEqual([]);
  expect(office.session.store.integrityCheck()).toEqual(["ok"]);
});
