// Stored decisions as the API and the CLI show them: the signed document read back from exactly
// its stored bytes, its digest, whether it is final (four eyes) and what it supersedes or is
// superseded by.
import type { DecisionStatusName, DecisionSummary, DecisionView } from "../../../shared/api/decisions.js";
import { decisionDocumentSchema, type DecisionDocument } from "../../../shared/formats/decision.js";
import type { Session } from "../session/session.js";
import type { StoredCountersignature, StoredDecision } from "../store/index.js";
import { countersignatureDocumentSchema, type CountersignatureDocument } from "../../../shared/formats/countersignature.js";
import { DecisionNotFoundError } from "./decision-errors.js";
import { decisionStatus, type DecisionStatus } from "./decision-status.js";
import { trustedCommentFor, type SignedDocument } from "./sign-document.js";

// The API's list of statuses and the core's must be the same words.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesAgree: Same<DecisionStatus, DecisionStatusName> = true;
void statusesAgree;

export const storedDecisionDocument = (stored: StoredDecision): DecisionDocument => decisionDocumentSchema.parse(JSON.parse(new TextDecoder().decode(stored.bytes)));

/** The stored decision as the signed document it is: the exact bytes, their digest and signature. */
export function signedDecisionOf(stored: StoredDecision): SignedDocument<"decision"> {
  const document = storedDecisionDocument(stored);
  return { kind: "decision", document, bytes: stored.bytes, digest: stored.sha256, signature: stored.signature, trustedComment: trustedCommentFor("decision", document.id, stored.sha256) };
}

/** The countersignatures that came back for this decision (countersignature bundles), as signed. */
export const storedCountersignaturesOf = (session: Session, decisionId: string): SignedDocument<"countersignature">[] =>
  session.store.countersign.countersignaturesOf(decisionId).map(signedCountersignatureOf);

export function signedCountersignatureOf(stored: StoredCountersignature): SignedDocument<"countersignature"> {
  const document = countersignatureDocumentSchema.parse(JSON.parse(new TextDecoder().decode(stored.bytes)));
  return { kind: "countersignature", document, bytes: stored.bytes, digest: stored.sha256, signature: stored.signature, trustedComment: trustedCommentFor("countersignature", document.id, stored.sha256) };
}

/** Final, or not yet: counted from the countersignatures stored (each was verified when it was imported). */
export const statusOf = (document: DecisionDocument, sha256: string, countersignatures: readonly CountersignatureDocument[]): DecisionStatus =>
  decisionStatus(document, sha256, countersignatures);

export function decisionSummaryOf(session: Session, stored: StoredDecision): DecisionSummary {
  const document = storedDecisionDocument(stored);
  const countersignatures = storedCountersignaturesOf(session, stored.id);
  return {
    id: document.id,
    request: { authority: document.request.authority, id: document.request.id, revision: document.request.revision },
    outcome: document.outcome,
    decidedAt: document.decidedAt,
    sha256: stored.sha256,
    reviewerKeyId: document.reviewer.keyId,
    status: statusOf(document, stored.sha256, countersignatures.map((each) => each.document)),
    countersignatures: countersignatures.map(({ document: each, digest }) => ({
      id: each.id,
      verdict: each.verdict,
      reviewer: each.reviewer,
      at: each.at,
      sha256: digest,
      ...(each.reasons !== undefined && { reasons: each.reasons }),
    })),
    countersignaturesRequired: document.countersignaturesRequired,
    refusalGrounds: document.refusalGrounds ?? [],
    supersedes: stored.supersedes,
    supersededBy: stored.supersededBy,
  };
}

export const decisionViewOf = (session: Session, stored: StoredDecision): DecisionView => ({ ...decisionSummaryOf(session, stored), document: storedDecisionDocument(stored) });

export function findDecision(session: Session, id: string): StoredDecision {
  const stored = session.store.decisions.getDecision(id);
  if (stored === undefined) throw new DecisionNotFoundError(`the store holds no decision ${id}`);
  return stored;
}

export const getDecision = (session: Session, id: string): DecisionView => decisionViewOf(session, findDecision(session, id));

/** Every decision, newest first. */
export const listDecisions = (session: Session): DecisionSummary[] => session.store.decisions.listDecisions().map((stored) => decisionSummaryOf(session, stored));
