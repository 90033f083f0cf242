// The countersignature requests a store received, as the API and the CLI show them: read back
// from exactly what was stored at import (the request document, the decision's signed bytes), with
// the colleague's keyring entry and this store's answer once given.
import type { CountersignRequestSummary, CountersignRequestView, DecisionSignatureCheck } from "../../../shared/api/countersign.js";
import { countersignatureRequestDocumentSchema, type CountersignatureRequestDocument } from "../../../shared/formats/countersignature-request.js";
import { countersignatureDocumentSchema } from "../../../shared/formats/countersignature.js";
import { decisionDocumentSchema } from "../../../shared/formats/decision.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, MinisignFormatError, MinisignVerifyError, verifySignature } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import type { StoredCountersignRequest } from "../store/index.js";
import { CountersignRequestNotFoundError } from "./countersign-errors.js";

export const storedRequestDocument = (stored: StoredCountersignRequest): CountersignatureRequestDocument =>
  countersignatureRequestDocumentSchema.parse(JSON.parse(stored.documentJson));

export function findCountersignRequest(session: Session, decisionId: string): StoredCountersignRequest {
  const stored = session.store.countersign.getRequest(decisionId);
  if (stored === undefined) throw new CountersignRequestNotFoundError(`the store holds no countersignature request for decision ${decisionId}; import its bundle first (counterseal import)`);
  return stored;
}

function summaryOf(session: Session, stored: StoredCountersignRequest): CountersignRequestSummary {
  const document = storedRequestDocument(stored);
  const decision = decisionDocumentSchema.parse(JSON.parse(new TextDecoder().decode(stored.decisionBytes)));
  const key = session.store.keyring.findKeyById(stored.fromKeyId);
  const answer = stored.answer;
  return {
    decisionId: stored.decisionId,
    decisionSha256: stored.decisionSha256,
    outcome: decision.outcome,
    request: { authority: document.request.authority, id: document.request.id, revision: document.request.revision },
    from: { entry: key?.authorityId ?? "", name: key?.authorityName ?? document.requestedBy.name, keyId: formatKeyId(stored.fromKeyId) },
    requestedAt: document.requestedAt,
    receivedAt: stored.receivedAt.toISOString(),
    answer:
      answer === null
        ? null
        : { id: answer.id, verdict: answer.verdict, sha256: answer.sha256, at: countersignatureDocumentSchema.parse(JSON.parse(new TextDecoder().decode(answer.bytes))).at },
  };
}

export const listCountersignRequests = (session: Session): CountersignRequestSummary[] =>
  session.store.countersign.listRequests().map((stored) => summaryOf(session, stored));

export function getCountersignRequest(session: Session, decisionId: string): CountersignRequestView {
  const stored = findCountersignRequest(session, decisionId);
  const document = storedRequestDocument(stored);
  return {
    ...summaryOf(session, stored),
    decision: decisionDocumentSchema.parse(JSON.parse(new TextDecoder().decode(stored.decisionBytes))),
    signature: checkDecisionSignature(session, stored),
    requestDocument: document.request.document,
    review: document.review,
  };
}

/**
 * The import verified the decision; the page shows it verified now, from what the store holds:
 * the signature over exactly the stored bytes by the colleague's key, and those bytes' digest the
 * one the request names (and a countersignature would name).
 */
export function checkDecisionSignature(session: Session, stored: StoredCountersignRequest): DecisionSignatureCheck {
  const keyId = formatKeyId(stored.fromKeyId);
  const key = session.store.keyring.findKeyById(stored.fromKeyId);
  const failed = (problem: string): DecisionSignatureCheck => ({ verified: false, keyId, trustedComment: null, problem });
  if (key === undefined) return failed(`key ${keyId} is no longer in the keyring`);
  if (sha256Hex(stored.decisionBytes) !== stored.decisionSha256) return failed(`the stored decision's SHA-256 is not sha256:${stored.decisionSha256}`);
  try {
    const verified = verifySignature(stored.decisionBytes, stored.decisionSignature, key);
    return { verified: true, keyId, trustedComment: verified.trustedComment, problem: null };
  } catch (error) {
    if (error instanceof MinisignVerifyError || error instanceof MinisignFormatError) return failed(error.message);
    throw error;
  }
}
