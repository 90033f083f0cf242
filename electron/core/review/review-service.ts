// The review of a request revision: read it (getReview) and change it. Each change is one
// transaction with its audit row; the first change also starts the review (template recorded,
// case received → in-review) in that same transaction. A refused change throws a CoreError naming
// the fault, and the transaction takes everything of it back, the review's start included.
import type { EvidenceRef, ReviewRef, ReviewView, ScopeChangeArgs } from "../../../shared/api/review.js";
import { itemApplicability } from "../../../shared/review/applicability.js";
import { transition } from "../../../shared/review/case-state.js";
import { CHECKLIST_ANSWERS, isChecklistAnswer } from "../../../shared/vocabulary/checklist-answers.js";
import { assertOfficeStore } from "../auditor/store-mode.js";
import type { Session } from "../session/session.js";
import { getReviewSettings } from "../settings/review-settings.js";
import { checkEvidence } from "./evidence.js";
import { applyScopeChange } from "./scope-changes.js";
import { buildReviewView, carriedOverSource, reviewFindings, storedAnswer, storedEvidence } from "./review-view.js";
import {
  FindingUnknownError,
  IndependenceRequiredError,
  NothingCarriedOverError,
  ReviewAnswerInvalidError,
  ReviewClosedError,
  ReviewItemUnknownError,
  ReviewNoteRequiredError,
} from "./review-errors.js";
import { loadReviewTarget, type ReviewTarget } from "./review-target.js";

export function getReview(session: Session, ref: ReviewRef): ReviewView {
  return buildReviewView(session, loadReviewTarget(session, ref));
}

/** A note as stored: trimmed, and none when it says nothing. */
const noteOf = (text: string | undefined): string | null => (text === undefined || text.trim() === "" ? null : text.trim());

/**
 * Runs one change in one transaction: refuses a closed case, starts the review on the first
 * change, and (unless the change is the declaration itself) requires the declaration first.
 */
function change(session: Session, ref: ReviewRef, options: { needsIndependence: boolean }, apply: (target: ReviewTarget, reviewId: string) => void): ReviewView {
  const { store } = session;
  assertOfficeStore(session, "change a review");
  store.transaction(() => {
    const target = loadReviewTarget(session, ref);
    // Received, in review, or waiting for the issuer's information: the review can change. The
    // state machine says why a decided or superseded case cannot.
    const resumed = transition(target.state, "start-review");
    if (target.state === "decided" || target.state === "superseded")
      throw new ReviewClosedError(`${ref.authority}/${ref.id}/${ref.revision} is ${target.state}; nothing of its review can change. ${resumed.ok ? "" : resumed.reason}`.trim());
    const reviewId = target.review?.id ?? startReview(session, target);
    if (options.needsIndependence && store.review.independence(reviewId) === undefined)
      throw new IndependenceRequiredError(`declare your independence for ${ref.authority}/${ref.id}/${ref.revision} before changing its review`);
    // Read again: a review started just now has its row and state.
    apply(loadReviewTarget(session, ref), reviewId);
  });
  return getReview(session, ref);
}

function startReview(session: Session, target: ReviewTarget): string {
  const { stored, template } = target;
  const previous = session.store.review.reviewedBefore(stored.caseId, stored.revision);
  return session.store.review.start(session.actor, {
    requestId: stored.id,
    templateId: template.id,
    templateVersion: template.version,
    previousReviewId: previous?.reviewId ?? null,
    details: {
      requestId: stored.id,
      authorityId: stored.authorityId,
      documentId: stored.documentId,
      revision: stored.revision,
      templateId: template.id,
      templateVersion: template.version,
      previousRevision: previous?.revision ?? null,
    },
  });
}

export function declareIndependence(session: Session, args: ReviewRef & { conflict: boolean; note?: string | undefined }): ReviewView {
  const note = noteOf(args.note);
  if (args.conflict && note === null) throw new ReviewNoteRequiredError("a declared conflict of interest needs a note saying what it is");
  const keyId = session.actor.kind === "reviewer" ? session.actor.keyId : "system";
  return change(session, args, { needsIndependence: false }, (_target, reviewId) =>
    session.store.review.declareIndependence(session.actor, reviewId, { conflict: args.conflict, note, reviewerKeyId: keyId }),
  );
}

/** The item must be a question of this review: in its template and applying to the request. */
function assertAnswerable(target: ReviewTarget, itemId: string): void {
  const item = target.template.sections.flatMap((section) => section.items).find((candidate) => candidate.id === itemId);
  if (item === undefined) throw new ReviewItemUnknownError(`${itemId} is not an item of the ${target.template.id} checklist`);
  const applicability = itemApplicability(item, target.document);
  if (applicability.status === "not-applicable") throw new ReviewItemUnknownError(`${itemId} does not apply to this request: ${applicability.reason}`);
}

export interface SetAnswerArgs extends ReviewRef {
  item: string;
  answer: string;
  /** Omitted: the item's note stays as it was; empty: the note is removed. */
  note?: string | undefined;
  /** Omitted: the evidence stays as it was. */
  evidence?: EvidenceRef[] | undefined;
}

export function setAnswer(session: Session, args: SetAnswerArgs): ReviewView {
  const { answer } = args;
  if (!isChecklistAnswer(answer)) throw new ReviewAnswerInvalidError(`"${answer}" is not an answer; answer ${CHECKLIST_ANSWERS.join(", ")}`);
  return change(session, args, { needsIndependence: true }, (target, reviewId) => {
    assertAnswerable(target, args.item);
    const before = session.store.review.answers(reviewId).find((record) => record.itemId === args.item);
    const evidence = args.evidence ?? (before === undefined ? [] : storedEvidence(before));
    checkEvidence(target.stored, evidence);
    const note = args.note === undefined ? (before?.note ?? null) : noteOf(args.note);
    session.store.review.setAnswer(session.actor, reviewId, { itemId: args.item, answer, note, evidenceJson: JSON.stringify(evidence), evidenceCount: evidence.length });
  });
}

export function confirmCarriedOver(session: Session, args: ReviewRef & { items: string[] }): ReviewView {
  return change(session, args, { needsIndependence: true }, (target, reviewId) => {
    const source = carriedOverSource(session, target);
    const own = new Set(session.store.review.answers(reviewId).map((record) => record.itemId));
    const answers = [...new Set(args.items)].map((itemId) => {
      assertAnswerable(target, itemId);
      const earlier = source?.answers.get(itemId);
      if (source === undefined || earlier === undefined || own.has(itemId))
        throw new NothingCarriedOverError(`${itemId} has no answer from an earlier revision waiting for confirmation`);
      return { itemId, answer: storedAnswer(earlier), note: earlier.note, evidenceJson: earlier.evidenceJson };
    });
    if (source !== undefined) session.store.review.confirmCarriedOver(session.actor, reviewId, source.revision, answers);
  });
}

export function reviewFinding(session: Session, args: ReviewRef & { rule: string; status: "accepted" | "overridden"; note: string }): ReviewView {
  const note = noteOf(args.note);
  if (note === null) throw new ReviewNoteRequiredError(`${args.status === "overridden" ? "overriding" : "accepting"} ${args.rule} needs a note saying why`);
  return change(session, args, { needsIndependence: true }, (target, reviewId) => {
    const findings = reviewFindings(target, getReviewSettings(session), session.runtime.clock.now());
    const finding = findings.find((candidate) => candidate.ruleId === args.rule);
    if (finding === undefined) {
      const known = findings.map((candidate) => candidate.ruleId).join(", ") || "none";
      throw new FindingUnknownError(`no finding of rule ${args.rule} on this request (its findings: ${known})`);
    }
    session.store.review.reviewFinding(session.actor, reviewId, { ruleId: finding.ruleId, itemId: finding.itemId, status: args.status, note });
  });
}

export function changeScope(session: Session, args: ReviewRef & { change: ScopeChangeArgs }): ReviewView {
  return change(session, args, { needsIndependence: true }, (target, reviewId) => applyScopeChange(session, target, reviewId, args.change));
}
