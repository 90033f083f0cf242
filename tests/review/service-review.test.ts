// The review service on a real encrypted store: the first change starts the review (template
// recorded, case in review) in the same transaction as its audit row; answers, findings and
// evidence are checked before anything is stored; every refusal carries its API code and leaves
// the store as it was.
import { afterEach, describe, expect, it } from "vitest";
import { confirmCarriedOver, declareIndependence, getReview, reviewFinding, setAnswer } from "../../electron/core/review/review-service.js";
import type { CoreError } from "../../electron/core/errors.js";
import type { Session } from "../../electron/core/session/session.js";
import { withRawConnection } from "../store/helpers.js";
import { storeFile } from "../../electron/core/store/index.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { openReviewOffice, type ReviewOffice } from "./review-office.js";

const offices: ReviewOffice[] = [];
afterEach(() => {
  for (const office of offices.splice(0)) if (office.session.store.isOpen) office.session.store.close();
});

function office(): ReviewOffice {
  const opened = openReviewOffice();
  offices.push(opened);
  return opened;
}

/** The error's API code, or a failure naming what was thrown instead. */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as CoreError).code ?? `uncoded: ${String(error)}`;
  }
  return "no error";
}

const reviewRows = (session: Session) => ({
  audit: session.store.audit.listAudit().length,
  review: session.store.review.forRequest(session.store.requests.getRequest("nl-om-rotterdam", "OM-RTM-2026-0117", 1)?.id ?? "")?.id ?? null,
});

describe("the review service", () => {
  it("reads a received request without storing anything, and starts the review with the first change", async () => {
    const { session, importRequest } = office();
    const ref = await importRequest();
    const before = reviewRows(session);
    const view = getReview(session, ref);
    expect(view).toMatchObject({ state: "received", independence: null, template: { id: "eu-production-order@2026.1", version: "2026.1" } });
    expect(reviewRows(session)).toEqual(before);

    const declared = declareIndependence(session, { ...ref, conflict: true, note: "I taught the suspect's sister in 2019." });
    expect(declared.state).toBe("in-review");
    expect(declared.independence).toEqual({ conflict: true, note: "I taught the suspect's sister in 2019.", declaredAt: "2026-11-20T10:00:00.000Z", reviewerKeyId: session.actor.kind === "reviewer" ? session.actor.keyId : "" });
    const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
    expect(stored?.status).toBe("in-review");
    expect(session.store.review.forRequest(stored?.id ?? "")).toMatchObject({ templateId: "eu-production-order@2026.1", templateVersion: "2026.1", state: "in-review" });
    const rows = session.store.audit.listAudit().slice(-2);
    expect(rows.map((row) => [row.action, row.details])).toEqual([
      ["review.started", { requestId: stored?.id, authorityId: ref.authority, documentId: ref.id, revision: 1, templateId: "eu-production-order@2026.1", templateVersion: "2026.1", previousRevision: null, state: "in-review" }],
      // Content-free: the note itself stays in the store, not in the log.
      ["review.independence-declared", { conflict: true, withNote: true }],
    ]);
  });

  it("refuses an answer outside the four, an unknown or inapplicable item, and any answer before the declaration, storing nothing", async () => {
    const { session, importRequest } = office();
    const ref = await importRequest();
    const untouched = reviewRows(session);
    expect(codeOf(() => setAnswer(session, { ...ref, item: "L1", answer: "met" }))).toBe("independence-required");
    expect(reviewRows(session)).toEqual(untouched);
    expect(codeOf(() => declareIndependence(session, { ...ref, conflict: true }))).toBe("review-note-required");
    expect(reviewRows(session)).toEqual(untouched);

    declareIndependence(session, { ...ref, conflict: false });
    const declared = reviewRows(session);
    expect(codeOf(() => setAnswer(session, { ...ref, item: "L1", answer: "yes" }))).toBe("review-answer-invalid");
    expect(codeOf(() => setAnswer(session, { ...ref, item: "X9", answer: "met" }))).toBe("review-item-unknown");
    expect(codeOf(() => setAnswer(session, { ...ref, item: "L12", answer: "met" }))).toBe("review-item-unknown");
    expect(() => setAnswer(session, { ...ref, item: "L14", answer: "met" })).toThrow(/L14 does not apply to this request: Applies only to a request made in an emergency; its urgency is routine/);
    expect(codeOf(() => setAnswer(session, { ...ref, item: "L1", answer: "met", evidence: [{ kind: "attachment", path: "attachments/none.pdf" }] }))).toBe("evidence-invalid");
    expect(codeOf(() => setAnswer(session, { ...ref, item: "L1", answer: "met", evidence: [{ kind: "field", path: "$.targets[7].value" }] }))).toBe("evidence-invalid");
    expect(codeOf(() => getReview(session, { ...ref, revision: 2 }))).toBe("request-not-found");
    expect(reviewRows(session)).toEqual(declared);
  });

  it("keeps an answer's note and evidence when a later change names only the answer, and logs no free text", async () => {
    const { session, importRequest, runtime } = office();
    const ref = await importRequest(
      { attachments: [{ path: "attachments/order.pdf", title: "Signed order", mediaType: "application/pdf" }] },
      [{ name: "order.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") }],
    );
    declareIndependence(session, { ...ref, conflict: false });
    const evidence = [{ kind: "attachment" as const, path: "attachments/order.pdf", page: 2 }, { kind: "field" as const, path: "$.legalBasis[0].citation" }];
    setAnswer(session, { ...ref, item: "L1", answer: "info", note: "Ask which article the order rests on.", evidence });
    runtime.advance(60_000);
    const view = setAnswer(session, { ...ref, item: "L1", answer: "met" });
    expect(view.items.find((item) => item.id === "L1")).toMatchObject({ answer: "met", note: "Ask which article the order rests on.", evidence });
    expect(view.unanswered).not.toContain("L1");
    const cleared = setAnswer(session, { ...ref, item: "L1", answer: "met", note: "  " });
    expect(cleared.items.find((item) => item.id === "L1")?.note).toBeNull();
    expect(session.store.audit.listAudit().filter((row) => row.action === "review.answer-set").map((row) => row.details)).toEqual([
      { item: "L1", answer: "info", withNote: true, evidence: 2 },
      { item: "L1", answer: "met", withNote: true, evidence: 2 },
      { item: "L1", answer: "met", withNote: false, evidence: 2 },
    ]);
  });

  it("accepts or overrides a finding of the rules with a note; an unknown rule or an empty note is refused", async () => {
    const { session, importRequest } = office();
    const ref = await importRequest();
    declareIndependence(session, { ...ref, conflict: false });
    const findings = getReview(session, ref).items.flatMap((item) => item.findings);
    expect(findings.map((finding) => [finding.rule, finding.status, finding.note])).toEqual([
      ["L16-form-gaps", "open", null],
      ["N7-less-intrusive-means", "open", null],
      ["M4-retention", "open", null],
    ]);
    const view = reviewFinding(session, { ...ref, rule: "L16-form-gaps", status: "overridden", note: "Annex I's contact box is filled in the PDF." });
    expect(view.items.find((item) => item.id === "L16")?.findings[0]).toMatchObject({ status: "overridden", note: "Annex I's contact box is filled in the PDF." });
    expect(session.store.audit.listAudit().at(-1)?.details).toEqual({ rule: "L16-form-gaps", item: "L16", status: "overridden" });
    expect(codeOf(() => reviewFinding(session, { ...ref, rule: "M8-content-minimisation", status: "accepted", note: "x" }))).toBe("finding-unknown");
    expect(codeOf(() => reviewFinding(session, { ...ref, rule: "N7-less-intrusive-means", status: "accepted", note: " " }))).toBe("review-note-required");
  });

  it("refuses every change to a decided review, and names the template a started review was recorded on", async () => {
    const { session, importRequest, storeDir } = office();
    const ref = await importRequest();
    declareIndependence(session, { ...ref, conflict: false });
    const rows = session.store.audit.listAudit().length;
    // The decisions work moves a case to decided; here a second connection stands in for it.
    withRawConnection(storeFile(storeDir), (db) => db.exec("UPDATE reviews SET state = 'decided'"), STORE_PASSPHRASE);
    expect(getReview(session, ref).state).toBe("decided");
    expect(() => setAnswer(session, { ...ref, item: "L1", answer: "met" })).toThrow(/is decided; nothing of its review can change/);
    expect(codeOf(() => declareIndependence(session, { ...ref, conflict: false }))).toBe("review-closed");
    expect(session.store.audit.listAudit()).toHaveLength(rows);

    withRawConnection(storeFile(storeDir), (db) => db.exec("UPDATE reviews SET template_version = '2025.9'"), STORE_PASSPHRASE);
    expect(() => getReview(session, ref)).toThrow(/started on template eu-production-order@2026\.1 \(version 2025\.9\)/);
  });

  it("supersedes older revisions when a newer one is stored, and a late older one at once", async () => {
    const { session, importRequest } = office();
    await importRequest();
    const third = await importRequest({ revision: 3 });
    const second = await importRequest({ revision: 2 });
    const status = (revision: number) => session.store.requests.getRequest(third.authority, third.id, revision)?.status;
    expect([status(1), status(2), status(3)]).toEqual(["superseded", "superseded", "received"]);
    const stored = session.store.audit.listAudit().filter((row) => row.action === "request.stored").map((row) => (row.details as { revision: number; supersededRevisions?: number[] }));
    expect(stored.map((details) => [details.revision, details.supersededRevisions])).toEqual([[1, undefined], [3, [1]], [2, [2]]]);
    expect(getReview(session, second).state).toBe("superseded");
    expect(codeOf(() => declareIndependence(session, { ...second, conflict: false }))).toBe("review-closed");
    expect(session.store.inbox.query({ offset: 0, limit: 10, sort: { field: "nextDeadline", direction: "asc" }, filter: {} }).entries.map((entry) => [entry.revision, entry.nextDue?.kind ?? null])).toEqual([
      [3, "provider-deadline"],
      [1, null],
      [2, null],
    ]);
  });

  it("offers a new revision the answers of the revision reviewed before, and takes over only those confirmed", async () => {
    const { session, importRequest } = office();
    const first = await importRequest();
    declareIndependence(session, { ...first, conflict: false });
    setAnswer(session, { ...first, item: "L1", answer: "met", note: "In force since 18 August 2026." });
    setAnswer(session, { ...first, item: "N9", answer: "not-met" });
    const second = await importRequest({ revision: 2, period: { from: "2026-09-01T00:00:00+02:00", to: "2026-09-30T23:59:59+02:00" } });
    expect(getReview(session, first).state).toBe("superseded");
    expect(codeOf(() => setAnswer(session, { ...first, item: "L2", answer: "met" }))).toBe("review-closed");

    let view = getReview(session, second);
    expect(view.previousRevision).toEqual({ revision: 1, changedPaths: ["$.revision", "$.period.to"] });
    expect(view.items.find((item) => item.id === "L1")).toMatchObject({ answer: null, carriedOver: { revision: 1, answer: "met", note: "In force since 18 August 2026." } });
    expect(view.unanswered).toContain("L1");
    declareIndependence(session, { ...second, conflict: false });
    view = confirmCarriedOver(session, { ...second, items: ["L1"] });
    expect(view.items.find((item) => item.id === "L1")).toMatchObject({ answer: "met", note: "In force since 18 August 2026.", carriedOver: null });
    expect(view.items.find((item) => item.id === "N9")).toMatchObject({ answer: null, carriedOver: { revision: 1, answer: "not-met" } });
    expect(session.store.audit.listAudit().at(-1)?.details).toEqual({ fromRevision: 1, items: [{ item: "L1", answer: "met" }] });
    expect(codeOf(() => confirmCarriedOver(session, { ...second, items: ["L1"] }))).toBe("nothing-carried-over");
    expect(codeOf(() => confirmCarriedOver(session, { ...second, items: ["N9", "L2"] }))).toBe("nothing-carried-over");
    expect(getReview(session, second).items.find((item) => item.id === "N9")?.answer).toBeNull();
  });
});
