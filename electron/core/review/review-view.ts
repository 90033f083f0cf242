// The ReviewView of one request revision, as getReview answers it and `counterseal review --json`
// prints it: the template's items with their applicability, answers and findings (merged with
// the reviewer's accept or override), the clocks now, the requested and granted scope, the
// intrusion summary, related requests, what is unanswered, and what changed since the revision
// reviewed before with its answers offered for confirmation.
import type { EvidenceRef, ReviewFinding, ReviewItem, ReviewView } from "../../../shared/api/review.js";
import { evidenceRef } from "../../../shared/api/review.js";
import { applicableItems } from "../../../shared/review/applicability.js";
import { intrusionSummary } from "../../../shared/review/intrusion.js";
import { runRules, type Finding } from "../../../shared/review/rules/index.js";
import { grantedScopeSchema, type GrantedScope } from "../../../shared/review/scope-schema.js";
import { requestedScope } from "../../../shared/review/scope.js";
import { isChecklistAnswer, type ChecklistAnswer } from "../../../shared/vocabulary/checklist-answers.js";
import { diffDocuments } from "../requests/document-diff.js";
import { storedTerm } from "../requests/stored-vocabulary.js";
import type { Session } from "../session/session.js";
import { getReviewSettings, type ReviewSettings } from "../settings/review-settings.js";
import type { AnswerRecord, FindingDecisionRecord } from "../store/index.js";
import { asReviewClock, requestClocks } from "./review-clocks.js";
import { relatedRequests } from "./related-requests.js";
import type { ReviewTarget } from "./review-target.js";

/** Answers of the revision reviewed before, offered to this review item by item. */
export interface CarriedOverSource {
  reviewId: string;
  revision: number;
  documentText: string;
  answers: Map<string, AnswerRecord>;
}

export const storedAnswer = (record: AnswerRecord): ChecklistAnswer => storedTerm(isChecklistAnswer, record.answer, "checklist answer");

export const storedEvidence = (record: AnswerRecord): EvidenceRef[] => evidenceRef.array().parse(JSON.parse(record.evidenceJson));

/** The granted scope as stored, or the requested one while nothing was narrowed. */
export function grantedScopeOf(session: Session, target: ReviewTarget): GrantedScope {
  const json = target.review === undefined ? undefined : session.store.review.grantedScopeJson(target.review.id);
  return json === undefined ? requestedScope(target.document) : grantedScopeSchema.parse(JSON.parse(json));
}

/** The review this one carries answers over from: recorded at its start, or (not started) the one it would use. */
export function carriedOverSource(session: Session, target: ReviewTarget): CarriedOverSource | undefined {
  const { review } = session.store;
  const previousId = target.review === undefined ? review.reviewedBefore(target.stored.caseId, target.stored.revision)?.reviewId : (target.review.previousReviewId ?? undefined);
  if (previousId === undefined) return undefined;
  const revision = review.reviewedRevision(previousId);
  if (revision === undefined) return undefined;
  return { reviewId: previousId, revision: revision.revision, documentText: revision.document, answers: new Map(review.answers(previousId).map((answer) => [answer.itemId, answer])) };
}

export function reviewFindings(target: ReviewTarget, settings: ReviewSettings, now: Date): Finding[] {
  return runRules(target.document, { now, maxTargets: settings.maxTargets, maxPeriodDays: settings.maxPeriodDays });
}

function withDecision(finding: Finding, decisions: Map<string, FindingDecisionRecord>): ReviewFinding {
  const decision = decisions.get(finding.ruleId);
  const status = decision?.status === "accepted" || decision?.status === "overridden" ? decision.status : "open";
  return { rule: finding.ruleId, reason: finding.reason, source: finding.source, severity: finding.severity, status, note: decision?.note ?? null };
}

export function buildReviewView(session: Session, target: ReviewTarget): ReviewView {
  const now = session.runtime.clock.now();
  const settings = getReviewSettings(session);
  const reviewId = target.review?.id;
  const answers = new Map((reviewId === undefined ? [] : session.store.review.answers(reviewId)).map((answer) => [answer.itemId, answer]));
  const decisions = new Map((reviewId === undefined ? [] : session.store.review.findingDecisions(reviewId)).map((decision) => [decision.ruleId, decision]));
  const independence = reviewId === undefined ? undefined : session.store.review.independence(reviewId);
  const findings = reviewFindings(target, settings, now);
  const previous = carriedOverSource(session, target);
  const granted = grantedScopeOf(session, target);

  const items: ReviewItem[] = applicableItems(target.template, target.document).map((entry) => {
    const answer = answers.get(entry.item.id);
    const earlier = answer === undefined ? previous?.answers.get(entry.item.id) : undefined;
    return {
      id: entry.item.id,
      area: entry.item.area,
      question: entry.item.question,
      guidance: entry.item.guidance,
      sources: entry.item.sources.map((source) => ({ citation: source.citation, ...(source.note === undefined ? {} : { note: source.note }) })),
      blocking: entry.item.blocking,
      applies: entry.status === "applies",
      notApplicableReason: entry.status === "applies" ? null : entry.reason,
      answer: answer === undefined ? null : storedAnswer(answer),
      note: answer?.note ?? null,
      evidence: answer === undefined ? [] : storedEvidence(answer),
      findings: findings.filter((finding) => finding.itemId === entry.item.id).map((finding) => withDecision(finding, decisions)),
      carriedOver: earlier === undefined || previous === undefined || entry.status !== "applies" ? null : { revision: previous.revision, answer: storedAnswer(earlier), note: earlier.note },
    };
  });
  const intrusion = intrusionSummary(target.document);

  return {
    request: { authority: target.stored.authorityId, id: target.stored.documentId, revision: target.stored.revision },
    template: { id: target.template.id, version: target.template.version },
    state: target.state,
    independence:
      independence === undefined
        ? null
        : { conflict: independence.conflict, note: independence.note, declaredAt: independence.declaredAt.toISOString(), reviewerKeyId: independence.reviewerKeyId },
    items,
    clocks: requestClocks(target.document, granted, now, settings.timeZone).map(asReviewClock),
    requestedScope: requestedScope(target.document),
    grantedScope: granted,
    intrusion: {
      categories: [...intrusion.categories],
      mostIntrusive: intrusion.mostIntrusive,
      identifiers: intrusion.identifiers,
      periodDays: intrusion.periodDays ?? null,
      reach: intrusion.reach ?? null,
      maxPenaltyMonths: intrusion.maxPenaltyMonths ?? null,
      summary: intrusion.summary,
    },
    related: relatedRequests(session, target.document, target.stored.caseId),
    unanswered: items.filter((item) => item.applies && item.answer === null).map((item) => item.id),
    previousRevision:
      previous === undefined
        ? null
        : { revision: previous.revision, changedPaths: diffDocuments(JSON.parse(previous.documentText), JSON.parse(target.stored.document)).map((change) => change.path) },
  };
}
