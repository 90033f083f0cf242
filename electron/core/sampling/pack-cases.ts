// What an audit pack carries of each case: the request document exactly as received, the review
// record (independence, answers with their notes and evidence, findings accepted or overridden,
// the requested and granted scope), every decision as signed with its signature, and the audit
// log's rows that touch the case (its request, attachments, review and decisions), details and all.
import { canonicalJson } from "../crypto/canonical-json.js";
import { buildReviewView } from "../review/review-view.js";
import { loadReviewTarget } from "../review/review-target.js";
import type { Session } from "../session/session.js";
import { AUDIT_PAGE_LIMIT, type AuditEntry, type StoredDecision } from "../store/index.js";
import { SamplingError } from "./sampling-service.js";

export interface CaseContent {
  reference: string;
  request: string;
  review: unknown;
  decisions: StoredDecision[];
  /** Ids the audit log names this case's rows by. */
  objectIds: Set<string>;
}

function parseReference(reference: string): { authority: string; id: string; revision: number } {
  const parts = reference.split("/");
  return { authority: parts[0] ?? "", id: parts[1] ?? "", revision: Number(parts[2]) };
}

/** The review as a record: what the reviewer did, without the clocks of today or other cases (related requests). */
function reviewRecord(session: Session, reference: string): unknown {
  const target = loadReviewTarget(session, parseReference(reference));
  if (target.review === undefined) return null;
  const view = buildReviewView(session, target);
  return {
    request: view.request,
    template: view.template,
    state: view.state,
    independence: view.independence,
    items: view.items.map((item) => ({
      id: item.id,
      area: item.area,
      question: item.question,
      applies: item.applies,
      notApplicableReason: item.notApplicableReason,
      answer: item.answer,
      note: item.note,
      evidence: item.evidence,
      findings: item.findings,
    })),
    requestedScope: view.requestedScope,
    grantedScope: view.grantedScope,
    unanswered: view.unanswered,
  };
}

export function caseContent(session: Session, reference: string): CaseContent {
  const ref = parseReference(reference);
  const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (stored === undefined) throw new SamplingError(`${reference} is not a stored request revision`);
  const review = session.store.review.forRequest(stored.id);
  const decisions = session.store.decisions.decisionsOf(stored.id);
  const objectIds = new Set([stored.id, ...stored.attachments.map((attachment) => attachment.id), ...(review === undefined ? [] : [review.id]), ...decisions.map((decision) => decision.id)]);
  return { reference, request: stored.document, review: reviewRecord(session, reference), decisions, objectIds };
}

/** An excerpt row: the fields the row hash covers, the row hash, and the details the digest covers. */
export const excerptLine = (row: AuditEntry): string =>
  `${canonicalJson({ seq: row.seq, at: row.at.getTime(), actor: row.actor, action: row.action, objectType: row.objectType, objectId: row.objectId, detailsDigest: row.detailsDigest, prevHash: row.prevHash, rowHash: row.rowHash, details: row.details })}\n`;

/** Every row up to `headSeq`, page by page, to `visit`. */
export function forEachAuditRow(session: Session, headSeq: number, visit: (row: AuditEntry) => void): void {
  for (let after = 0; after < headSeq; ) {
    const page = session.store.audit.listAudit({ afterSeq: after, limit: AUDIT_PAGE_LIMIT });
    const last = page.at(-1);
    if (last === undefined) break;
    for (const row of page) if (row.seq <= headSeq) visit(row);
    after = last.seq;
  }
}
