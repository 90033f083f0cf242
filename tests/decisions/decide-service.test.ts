// Deciding a reviewed EU production order on a real store: the decision composed from the review
// (request reference with the bundle digest, requested and granted scope, reasons, checklist
// summary with overridden findings, independence, condition dates), signed and stored with the
// case's new state and a content-free audit row; every refusal names the fault and stores nothing.
import { afterEach, describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { getDecision, listDecisions } from "../../electron/core/decisions/decision-views.js";
import { draftReasonsFor } from "../../electron/core/decisions/draft-reasons.js";
import { changeScope, declareIndependence, getReview, reviewFinding, setAnswer } from "../../electron/core/review/review-service.js";
import { canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";
import { sha256Hex } from "../../electron/core/crypto/digest.js";
import type { ReviewRef } from "../../shared/api/review.js";
import { openReviewOffice, type ReviewOffice } from "../review/review-office.js";
import { answerAll, REASONS, refusal, reviewedRequest } from "./decide-office.js";
import { signerOf } from "./support.js";

const offices: ReviewOffice[] = [];
afterEach(() => {
  for (const office of offices.splice(0)) if (office.session.store.isOpen) office.session.store.close();
});
function office(): ReviewOffice {
  const opened = openReviewOffice();
  offices.push(opened);
  return opened;
}

/** Narrows the grant: traffic struck, a reassessment and a notification date attached. */
function narrow(reviewer: ReviewOffice, ref: ReviewRef): void {
  const { session } = reviewer;
  reviewFinding(session, { ...ref, rule: "N7-less-intrusive-means", status: "accepted", note: "Subscriber data alone cannot show who sent the messages." });
  reviewFinding(session, { ...ref, rule: "M4-retention", status: "overridden", note: "Retention is set by the national law the order cites." });
  changeScope(session, { ...ref, change: { op: "strike-category", category: "traffic" } });
  changeScope(session, { ...ref, change: { op: "add-condition", condition: { kind: "reassess-by", date: "2027-01-31", text: "Reassess once the provider has answered." } } });
  changeScope(session, { ...ref, change: { op: "add-condition", condition: { kind: "notify-person-by", date: "2027-03-01", text: "Tell the account holder." } } });
}

const auditCount = (reviewer: ReviewOffice): number => reviewer.session.store.audit.listAudit().length;

describe("deciding a reviewed request", () => {
  it("authorises with modifications: signs the decision composed from the review, stores it and decides the case", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer);
    narrow(reviewer, ref);
    const view = decide(reviewer.session, { ...ref, outcome: "authorised-with-modifications", reasons: REASONS, decisionId: "D-2026-0001" });

    const stored = reviewer.session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
    const { document } = view;
    expect(view).toMatchObject({ id: "D-2026-0001", request: ref, outcome: "authorised-with-modifications", status: "final", countersignaturesRequired: false, refusalGrounds: [], supersedes: null, supersededBy: null });
    expect(document.request).toEqual({ ...ref, bundleDigest: stored?.bundleDigest });
    expect(document.requestedScope.dataCategories).toEqual(["subscriber", "traffic"]);
    expect(document.grantedScope?.dataCategories).toEqual(["subscriber"]);
    expect(document.grantedScope?.conditions.map((condition) => condition.kind)).toEqual(["reassess-by", "notify-person-by"]);
    expect(document).toMatchObject({ reassessBy: "2027-01-31", notifyBy: "2027-03-01", reasons: REASONS, decidedAt: "2026-11-20T10:00:00.000Z" });
    expect(document.independence).toMatchObject({ declared: true, declaredAt: "2026-11-20T10:00:00.000Z" });
    expect(document.reviewer).toEqual(signerOf(reviewer).signer);
    expect(document.checklist.templateId).toBe("eu-production-order@2026.1");
    expect(document.checklist.items).toHaveLength(getReview(reviewer.session, ref).items.filter((item) => item.applies).length);
    expect(document.checklist.overriddenFindings).toEqual([{ ruleId: "M4-retention", itemId: "M4", finding: expect.any(String), note: "Retention is set by the national law the order cites." }]);
    expect(document.checklist.deferredItems).toBeUndefined();

    // Stored as exactly the signed canonical bytes, digest and all.
    const record = reviewer.session.store.decisions.getDecision("D-2026-0001");
    expect(Buffer.from(record?.bytes ?? []).equals(Buffer.from(canonicalJsonBytes(document)))).toBe(true);
    expect(record?.sha256).toBe(sha256Hex(record?.bytes ?? new Uint8Array()));
    expect(record?.signature).toContain(`trusted comment: counterseal decision D-2026-0001 sha256:${record?.sha256}`);

    expect(getReview(reviewer.session, ref).state).toBe("decided");
    expect(reviewer.session.store.requests.getRequest(ref.authority, ref.id, ref.revision)?.status).toBe("decided");
    const row = reviewer.session.store.audit.listAudit().at(-1);
    expect(row).toMatchObject({
      action: "decision.signed",
      objectId: "D-2026-0001",
      details: { requestId: stored?.id, outcome: "authorised-with-modifications", refusalGrounds: [], sha256: view.sha256, supersedes: null, countersignaturesRequired: false, state: "decided" },
    });
    expect(row?.detailsJson).not.toContain("Bestandsdaten");
    expect(row?.detailsJson).not.toContain("example.com");

    // A decided case's review is closed; the decision reads back the same.
    expect(refusal(() => setAnswer(reviewer.session, { ...ref, item: "L1", answer: "not-met" })).code).toBe("review-closed");
    expect(getDecision(reviewer.session, "D-2026-0001")).toEqual(view);
    expect(listDecisions(reviewer.session)).toEqual([expect.objectContaining({ id: "D-2026-0001", outcome: "authorised-with-modifications" })]);
  });

  it("authorises plainly when the grant is the request, with reasons optional, under a default id", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer);
    const view = decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {} });
    expect(view.id).toBe("nl-om-rotterdam.OM-RTM-2026-0117.r1.D1");
    expect(view.document.grantedScope).toEqual(view.document.requestedScope);
    expect(view.document.reasons).toEqual({});
  });

  it("refuses an outcome that does not match the granted scope, naming why, and signs nothing", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer);
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised-with-modifications", reasons: REASONS }))).toEqual({
      code: "decision-invalid",
      message: expect.stringMatching(/equals the requested one.*the outcome is authorised/),
    });
    narrow(reviewer, ref);
    const before = auditCount(reviewer);
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: REASONS }))).toEqual({
      code: "decision-invalid",
      message: expect.stringMatching(/differs in dataCategories, conditions: the outcome is authorised-with-modifications/),
    });
    expect(auditCount(reviewer)).toBe(before);
    expect(reviewer.session.store.decisions.listDecisions()).toEqual([]);
    expect(getReview(reviewer.session, ref).state).toBe("in-review");
  });

  it("requires a reason per area for every outcome but a plain authorisation, offering a draft it never signs", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer, { answers: { L3: "not-met" } });
    narrow(reviewer, ref);
    const missing = refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised-with-modifications", reasons: { legality: REASONS.legality, necessity: " " } }));
    expect(missing).toEqual({ code: "decision-reasons-required", message: expect.stringContaining("missing: necessity, minimization") });
    expect(reviewer.session.store.decisions.listDecisions()).toEqual([]);

    const draft = draftReasonsFor(reviewer.session, ref);
    expect(draft.legality).toMatch(/^L3 is not met: .+ Der Antrag belegt L3 nicht; Łódź, Ελλάδα\.$/);
    expect(draft.necessity).toContain("N7-less-intrusive-means: ");
    expect(draft.necessity).toContain("Subscriber data alone cannot show who sent the messages.");
    expect(draft.minimization).toBe("Minimisation and safeguards: every applicable item of this checklist is met or answered without a concern.");
  });

  it("refuses on the not-met items as structured grounds, granting nothing", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer, { answers: { N1: "not-met", L3: "not-met" } });
    const view = decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS, decisionId: "D-2026-0002" });
    expect(view).toMatchObject({ outcome: "refused", refusalGrounds: ["L3", "N1"], status: "final" });
    expect(view.document.grantedScope).toBeUndefined();
    expect(view.document.refusalGrounds).toEqual(["L3", "N1"]);
    expect(reviewer.session.store.audit.listAudit().at(-1)?.details).toMatchObject({ outcome: "refused", refusalGrounds: ["L3", "N1"], state: "decided" });
  });

  it("refuses a refusal without a not-met item", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer);
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS }))).toEqual({ code: "decision-invalid", message: expect.stringContaining("no item of this review is") });
  });

  it("refuses an incomplete review naming the open items; deferring each with a reason completes it", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer, { open: ["N2", "M3"] });
    const before = auditCount(reviewer);
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {} }))).toEqual({
      code: "review-incomplete",
      message: expect.stringContaining("N2, M3 are neither answered nor deferred with a reason"),
    });
    const partly = refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {}, deferred: [{ item: "N2", reason: "The provider answers this itself." }] }));
    expect(partly).toEqual({ code: "review-incomplete", message: expect.stringContaining("M3 is neither answered") });
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {}, deferred: [{ item: "L1", reason: "x" }, { item: "M3", reason: " " }] }))).toEqual({
      code: "decision-invalid",
      message: "--defer L1: it is answered (met); only an open item can be deferred; --defer M3: give the reason the decision is made without it",
    });
    expect(auditCount(reviewer)).toBe(before);

    const deferred = [
      { item: "N2", reason: "The provider answers this itself." },
      { item: "M3", reason: "Nicht prüfbar vor Eingang der Antwort." },
    ];
    const view = decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {}, deferred });
    expect(view.document.checklist.deferredItems).toEqual([
      { id: "N2", reason: "The provider answers this itself." },
      { id: "M3", reason: "Nicht prüfbar vor Eingang der Antwort." },
    ]);
    expect(view.document.checklist.items.map((item) => item.id)).not.toContain("N2");
  });

  it("decides only with the independence declared, and without a declared conflict", async () => {
    const reviewer = office();
    const ref = await reviewer.importRequest();
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {} })).code).toBe("independence-required");
    declareIndependence(reviewer.session, { ...ref, conflict: true, note: "I know the suspect." });
    answerAll(reviewer, ref);
    expect(refusal(() => decide(reviewer.session, { ...ref, outcome: "authorised", reasons: {} }))).toEqual({ code: "independence-required", message: expect.stringContaining("conflict of interest") });
    expect(reviewer.session.store.decisions.listDecisions()).toEqual([]);
  });

  it("shows the decision's outcome on related requests naming the same identifier", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer, { answers: { N1: "not-met" } });
    decide(reviewer.session, { ...ref, outcome: "refused", reasons: REASONS });
    const other = await reviewer.importRequest({ id: "OM-RTM-2026-0200" });
    expect(getReview(reviewer.session, other).related).toEqual([expect.objectContaining({ id: ref.id, state: "decided", outcome: "refused" })]);
  });

  it("stores a decision and moves its case all or nothing: a failure after the insert leaves no row and no audit entry", async () => {
    const reviewer = office();
    const ref = await reviewedRequest(reviewer);
    const { store } = reviewer.session;
    const request = store.requests.getRequest(ref.authority, ref.id, ref.revision);
    const before = auditCount(reviewer);
    const input = {
      id: "D-HALF",
      requestId: request?.id ?? "",
      reviewId: "no-such-review",
      outcome: "authorised" as const,
      bytes: new TextEncoder().encode("{}"),
      signature: "untrusted comment: x\n",
      sha256: "0".repeat(64),
      decidedAt: new Date(),
      supersedes: null,
      countersignaturesRequired: false,
      refusalGrounds: [],
      state: "decided" as const,
      nextDue: undefined,
    };
    expect(() => store.decisions.recordDecision(reviewer.session.actor, input)).toThrow(/review no-such-review does not exist/);
    expect(store.decisions.getDecision("D-HALF")).toBeUndefined();
    expect(auditCount(reviewer)).toBe(before);
    expect(getReview(reviewer.session, ref).state).toBe("in-review");
  });
});
