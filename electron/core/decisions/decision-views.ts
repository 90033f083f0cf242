// Stored decisions as the API and the CLI show them: the signed document read back from exactly
// its stored bytes, its digest, whether it is final (four eyes) and what it supersedes or is
// superseded by.
import type { DecisionStatusName, DecisionSummary, DecisionView } from "../../../shared/api/decisions.js";
import { decisionDocumentSchema, type DecisionDocument } from "../../../shared/formats/decision.js";
import type { Session } from "../session/session.js";
import type { StoredDecision } from "../store/index.js";
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

/** No countersignature is stored yet: the countersign bundles bring them in. */
export const statusOf = (document: DecisionDocument, sha256: string): DecisionStatus => decisionStatus(document, sha256, []);

export function decisionSummaryOf(stored: StoredDecision): DecisionSummary {
  const document = storedDecisionDocument(stored);
  return {
    id: document.id,
    request: { authority: document.request.authority, id: document.request.id, revision: document.request.revision },
    outcome: document.outcome,
    decidedAt: document.decidedAt,
    sha256: stored.sha256,
    reviewerKeyId: document.reviewer.keyId,
    status: statusOf(document, stored.sha256),
    countersignaturesRequired: document.countersignaturesRequired,
    refusalGrounds: document.refusalGrounds ?? [],
    supersedes: stored.supersedes,
    supersededBy: stored.supersededBy,
  };
}

export const decisionViewOf = (stored: StoredDecision): DecisionView => ({ ...decisionSummaryOf(stored), document: storedDecisionDocument(stored) });

export function findDecision(session: Session, id: string): StoredDecision {
  const stored = session.store.decisions.getDecision(id);
  if (stored === undefined) throw new DecisionNotFoundError(`the store holds no decision ${id}`);
  return stored;
}

export const getDecision = (session: Session, id: string): DecisionView => decisionViewOf(findDecision(session, id));

/** Every decision, newest first. */
export const listDecisions = (session: Session): DecisionSummary[] => session.store.decisions.listDecisions().map(decisionSummaryOf);
