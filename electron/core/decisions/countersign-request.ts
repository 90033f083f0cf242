// `counterseal countersign request DECISION --to KEYRING-ENTRY --out DIR`: seals a decision that
// awaits its countersignature, with the review it rests on, to a colleague's Counterseal. The
// bundle (Bundle-Type `countersignature-request`, docs/sealed-bundle-v1.md Extensions) carries
//   data/countersignature-request.json        what the colleague reads (request, review)
//   data/attachments/<decision id>.json       the decision's signed bytes, exactly
//   data/attachments/<decision id>.json.minisig  their signature
// signed by this store's reviewer and sealed with age to the colleague's registered recipient,
// so the stock tools open and verify it. Refused with nothing written when the decision is not
// awaiting a countersignature or the colleague cannot be sealed to.
import { COUNTERSIGNATURE_REQUEST_SCHEMA, type CountersignatureRequestDocument } from "../../../shared/formats/countersignature-request.js";
import { utf8 } from "../crypto/bytes.js";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { formatKeyId, parseSignature } from "../crypto/minisign.js";
import { toHex } from "../crypto/bytes.js";
import { sha256Hex } from "../crypto/digest.js";
import { loadReviewTarget } from "../review/review-target.js";
import { buildReviewView } from "../review/review-view.js";
import type { Session } from "../session/session.js";
import { colleagueRecipient } from "./colleague-key.js";
import { CountersignNotAwaitingError } from "./countersign-errors.js";
import { DecisionInvalidError } from "./decision-errors.js";
import { findDecision, getDecision, signedDecisionOf } from "./decision-views.js";
import { copyFileNames } from "./export-copy.js";
import { reviewerSigner } from "./reviewer-key.js";
import { sealDocumentBundle } from "./seal-documents.js";
import { writeBundleWith, type BundleDestination } from "./bundle-destination.js";

export interface CountersignRequestExport {
  /** The bundle written: `<decision id>.countersign.sealed`. */
  file: string;
  decisionId: string;
  /** The reviewer entry and key it was sealed to. */
  to: string;
  toKeyId: string;
  /** SHA-256 of the decision's signed bytes: what the countersignature must name. */
  decisionSha256: string;
}

export const countersignRequestFileName = (decisionId: string): string => `${decisionId}.countersign.sealed`;

/** `destination` is a folder (the CLI's --out) or the app's file door's choice. */
export async function requestCountersignature(session: Session, decisionId: string, to: string, destination: string | BundleDestination): Promise<CountersignRequestExport> {
  const { signed, signer, colleague } = checkCountersignRequest(session, decisionId, to);
  const now = session.runtime.clock.now();
  const { request } = signed.document;
  const target = loadReviewTarget(session, request);
  const { related: _related, ...review } = buildReviewView(session, target);
  void _related;
  const document: CountersignatureRequestDocument = {
    schema: COUNTERSIGNATURE_REQUEST_SCHEMA,
    decision: { id: decisionId, digest: signed.digest },
    requestedBy: signer.signer,
    requestedAt: now.toISOString(),
    request: { authority: request.authority, id: request.id, revision: request.revision, document: JSON.parse(target.stored.document) as unknown },
    review,
  };
  const names = copyFileNames(decisionId);
  const sealed = await sealDocumentBundle({
    bundleType: "countersignature-request",
    documentBytes: canonicalJsonBytes(document),
    identifier: { authority: to, id: decisionId, revision: 1 },
    office: signer.signer.office,
    attachments: [
      { name: names.json, bytes: signed.bytes },
      { name: names.signature, bytes: utf8(signed.signature) },
    ],
    signer: signer.key,
    recipient: colleague.recipient,
    now,
  });
  const name = countersignRequestFileName(decisionId);
  const file = await writeBundleWith(session, typeof destination === "string" ? { folder: destination } : destination, name, sealed, () =>
    session.store.audit.appendAudit({
      actor: session.actor,
      action: "countersignature.requested",
      objectId: decisionId,
      details: { to, toKeyId: toHex(colleague.key.keyId), decisionSha256: signed.digest, sealedSha256: sha256Hex(sealed) },
    }),
  );
  return { file, decisionId, to, toKeyId: formatKeyId(colleague.key.keyId), decisionSha256: signed.digest };
}

/** Everything that can refuse a countersignature request, checked before anything is sealed or a file chosen. */
export function checkCountersignRequest(session: Session, decisionId: string, to: string) {
  const view = getDecision(session, decisionId);
  if (view.supersededBy !== null) throw new CountersignNotAwaitingError(`decision ${decisionId} is superseded by ${view.supersededBy}; ask for the countersignature of that one`);
  if (view.status !== "awaiting-countersignature") {
    const why = view.status === "final" ? (view.countersignaturesRequired ? "is final: it is countersigned" : "is final: the four-eyes rule did not ask a countersignature of it") : "was declined by a countersigner; a changed decision supersedes it";
    throw new CountersignNotAwaitingError(`decision ${decisionId} ${why}; no countersignature request was sealed`);
  }
  const signed = signedDecisionOf(findDecision(session, decisionId));
  const signer = reviewerSigner(session);
  const signingKeyId = formatKeyId(parseSignature(signed.signature).keyId);
  if (signingKeyId !== signer.signer.keyId) {
    throw new DecisionInvalidError(`decision ${decisionId} was signed with key ${signingKeyId}, which is no longer this store's reviewer key (${signer.signer.keyId})`);
  }
  const colleague = colleagueRecipient(session, to);
  return { signed, signer, colleague };
}
