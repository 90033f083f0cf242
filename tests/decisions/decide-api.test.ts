// The decisions capability through the dispatcher, as the decision screen calls it: every answer
// is checked against the contract's strict schemas, refusals arrive with their codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { changeScope } from "../../electron/core/review/review-service.js";
import type { DecisionSummary, DecisionView, DraftedReasons } from "../../shared/api/decisions.js";
import type { ReviewRef, ReviewView } from "../../shared/api/review.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { openReviewOffice } from "../review/review-office.js";
import { noSaving } from "../api/doors.js";
import { REASONS, reviewedRequest } from "./decide-office.js";
import { dispatching } from "../api/dispatching.js";

describe("the decisions API", () => {
  let storeDir = "";
  let ref: ReviewRef;
  const table = () => createApiHandlers({ storeDir, runtime: testRuntime(new Date("2026-11-27T12:00:00Z")), files: noSaving });
  let api: ReturnType<typeof table>;
  const { call, code } = dispatching(() => api);

  beforeAll(async () => {
    const office = openReviewOffice();
    ref = await reviewedRequest(office, { answers: { L3: "not-met" } });
    changeScope(office.session, { ...ref, change: { op: "strike-category", category: "traffic" } });
    office.session.store.close();
    storeDir = office.storeDir;
    api = table();
  });
  afterAll(() => api.close());

  it("is locked until unlocked, drafts reasons, refuses with codes, and decides", async () => {
    expect(await code("listDecisions", {})).toBe("locked");
    await call("unlock", { passphrase: STORE_PASSPHRASE });
    const draft = await call<DraftedReasons>("draftReasons", ref);
    expect(draft.legality).toMatch(/^L3 is not met: /);

    expect(await code("decide", { ...ref, outcome: "granted", reasons: {} })).toBe("invalid-arguments");
    expect(await code("decide", { ...ref, outcome: "authorised", reasons: {} })).toBe("decision-invalid");
    expect(await code("decide", { ...ref, outcome: "refused", reasons: { legality: draft.legality } })).toBe("decision-reasons-required");
    expect(await code("getDecision", { id: "D-404" })).toBe("decision-not-found");
    expect(await call<DecisionSummary[]>("listDecisions")).toEqual([]);

    const view = await call<DecisionView>("decide", { ...ref, outcome: "refused", reasons: { ...REASONS, legality: draft.legality }, decisionId: "D-API-1" });
    expect(view).toMatchObject({ id: "D-API-1", outcome: "refused", refusalGrounds: ["L3"], status: "final", document: { decidedAt: "2026-11-27T12:00:00.000Z" } });
    expect(await call<DecisionView>("getDecision", { id: "D-API-1" })).toEqual(view);
    expect(await call<DecisionSummary[]>("listDecisions")).toEqual([expect.objectContaining({ id: "D-API-1", sha256: view.sha256 })]);
    expect((await call<ReviewView>("getReview", ref)).state).toBe("decided");
    expect(await code("decide", { ...ref, outcome: "refused", reasons: REASONS })).toBe("decision-exists");
  });
});
