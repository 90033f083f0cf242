// `counterseal countersign sign ID --out DIR` and `countersign decline ID --reason TEXT --out DIR`:
// the colleague's answer to a countersignature request. A countersignature document (the
// existing schema: verdict, reasons, this reviewer, the decision's id and the digest of exactly
// its signed bytes) signed with this store's reviewer key, stored with the request (one answer,
// never replaced), and sealed back to the requesting reviewer, the keyring entry whose key
// signed the request, as a bundle of type `countersignature`:
//   data/countersignature.json                the countersignature's signed bytes, exactly
//   data/attachments/<id>.json.minisig         their signature
// written as `<id>.sealed`, all or nothing with its audit row.
import { COUNTERSIGNATURE_SCHEMA, type CountersignatureDocument } from "../../../shared/formats/countersignature.js";
import { DOCUMENT_IDENTIFIER } from "../../../shared/formats/document-fields.js";
import type { CountersignatureVerdict } from "../../../shared/vocabulary/countersignature-verdicts.js";
import { utf8 } from "../crypto/bytes.js";
import { formatKeyId } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import { CountersignAnsweredError } from "../store/index.js";
import { colleagueRecipient } from "./colleague-key.js";
import { findCountersignRequest } from "./countersign-views.js";
import { DecisionInvalidError } from "./decision-errors.js";
import { copyFileNames } from "./export-copy.js";
import { reviewerSigner } from "./reviewer-key.js";
import { sealDocumentBundle } from "./seal-documents.js";
import { signDocument } from "./sign-document.js";
import { writeBundleWith, type BundleDestination } from "./bundle-destination.js";

export interface CountersignAnswerArgs {
  verdict: CountersignatureVerdict;
  /** Required to decline; optional when signing. */
  reasons?: string;
  /** The countersignature's id; `<decision id>.CS` by default. */
  id?: string;
}

export interface CountersignAnswerExport {
  file: string;
  id: string;
  decisionId: string;
  verdict: CountersignatureVerdict;
  /** SHA-256 of the countersignature's signed bytes. */
  sha256: string;
  /** The reviewer entry it was sealed back to. */
  sealedTo: string;
}

export const defaultCountersignatureId = (decisionId: string): string => `${decisionId}.CS`;

/** The sealed countersignature's file name. */
export const countersignatureFileName = (id: string): string => `${id}.sealed`;

/** `destination` is a folder (the CLI's --out) or the app's file door's choice. */
export async function answerCountersignRequest(session: Session, decisionId: string, args: CountersignAnswerArgs, destination: string | BundleDestination): Promise<CountersignAnswerExport> {
  const { request, id, requester, colleague } = checkCountersignAnswer(session, decisionId, args);
  const signer = reviewerSigner(session);
  const now = session.runtime.clock.now();
  const reasons = args.reasons?.trim();
  const document: CountersignatureDocument = {
    schema: COUNTERSIGNATURE_SCHEMA,
    id,
    decision: { id: decisionId, digest: request.decisionSha256 },
    reviewer: signer.signer,
    verdict: args.verdict,
    ...(reasons !== undefined && reasons !== "" && { reasons }),
    at: now.toISOString(),
  };
  const signed = signDocument("countersignature", document, signer.key);
  const sealed = await sealDocumentBundle({
    bundleType: "countersignature",
    documentBytes: signed.bytes,
    identifier: { authority: requester.authorityId, id, revision: 1 },
    office: signer.signer.office,
    attachments: [{ name: copyFileNames(id).signature, bytes: utf8(signed.signature) }],
    signer: signer.key,
    recipient: colleague.recipient,
    now,
  });
  const file = await writeBundleWith(session, typeof destination === "string" ? { folder: destination } : destination, countersignatureFileName(id), sealed, () => {
    session.store.countersign.recordAnswer(
      session.actor,
      decisionId,
      { id, verdict: args.verdict, bytes: signed.bytes, signature: signed.signature, sha256: signed.digest, answeredAt: now },
      requester.authorityId,
    );
  });
  return { file, id, decisionId, verdict: args.verdict, sha256: signed.digest, sealedTo: requester.authorityId };
}

/** Everything that can refuse an answer, checked before anything is signed or a file chosen. */
export function checkCountersignAnswer(session: Session, decisionId: string, args: CountersignAnswerArgs) {
  const request = findCountersignRequest(session, decisionId);
  if (request.answer !== null) throw new CountersignAnsweredError(`decision ${decisionId} was answered by ${request.answer.id} (${request.answer.verdict}); an answer is never replaced`);
  const id = args.id ?? defaultCountersignatureId(decisionId);
  if (!DOCUMENT_IDENTIFIER.test(id)) throw new DecisionInvalidError(`the countersignature id ${id} is not 1 to 128 of A-Z a-z 0-9 . _ : -; give one with --id`);
  if (args.verdict === "declined" && (args.reasons === undefined || args.reasons.trim() === "")) {
    throw new DecisionInvalidError("a decline gives its reasons: --reason TEXT");
  }
  const requester = session.store.keyring.findKeyById(request.fromKeyId);
  if (requester === undefined) throw new Error(`the requesting key ${formatKeyId(request.fromKeyId)} left the keyring`);
  const colleague = colleagueRecipient(session, requester.authorityId);
  return { request, id, requester, colleague };
}
