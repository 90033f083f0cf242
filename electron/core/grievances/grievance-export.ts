// Exporting a grievance's signed response where the reviewer points: the verification copy
// (<id>.json, <id>.json.minisig, <id>.pdf) and, asked to seal, the sealed reply to the
// complainant's keyring entry (<id>.sealed). Everything is prepared before anything is
// written, then written all or nothing, never over an existing file; an audit row records it.
import { join } from "node:path";
import { grievanceResponseDocumentSchema } from "../../../shared/formats/grievance-response.js";
import { utf8 } from "../crypto/bytes.js";
import { formatKeyId, parseSignature } from "../crypto/minisign.js";
import { copyFileNames, renderCopyPdf } from "../decisions/export-copy.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { sealedReplyName, sealReply } from "../decisions/seal-reply.js";
import { trustedCommentFor, type SignedDocument } from "../decisions/sign-document.js";
import { writeNewFiles, type NewFile } from "../decisions/write-files.js";
import { replyRecipientOf } from "../keyring/reply-recipient.js";
import type { Session } from "../session/session.js";
import type { StoredGrievance, StoredGrievanceResponse } from "../store/index.js";
import { GrievanceInvalidError, GrievanceUnansweredError, NoReplyRecipientError } from "./grievance-errors.js";
import { findGrievance } from "./grievance-register.js";

export interface GrievanceExport {
  /** The files written, in order: JSON, signature, PDF, and the sealed reply when sealed. */
  files: string[];
  /** The keyring authority the reply was sealed to, or null. */
  sealedTo: string | null;
  sha256: string;
}

export async function exportGrievanceResponse(session: Session, grievanceId: string, folder: string, options: { seal: boolean }): Promise<GrievanceExport> {
  const stored = findGrievance(session, grievanceId);
  if (stored.response === null) throw new GrievanceUnansweredError(`grievance ${grievanceId} has no signed response yet: respond to it first`);
  const signed = signedResponseOf(stored.response);
  const signer = reviewerSigner(session);
  const signingKeyId = formatKeyId(parseSignature(signed.signature).keyId);
  if (signingKeyId !== signer.signer.keyId) {
    throw new GrievanceInvalidError(`the response was signed with key ${signingKeyId}, which is no longer this store's reviewer key (${signer.signer.keyId})`);
  }
  const recipient = options.seal ? sealTarget(session, stored) : null;
  const pdf = await renderCopyPdf(signed, { publicKeyLine: signer.publicKeyLine });
  const names = copyFileNames(signed.document.id);
  const files: NewFile[] = [
    { name: names.json, bytes: signed.bytes },
    { name: names.signature, bytes: utf8(signed.signature) },
    { name: names.pdf, bytes: pdf },
  ];
  if (recipient !== null) {
    const now = session.runtime.clock.now();
    const sealed = await sealReply(signed, { addressee: recipient.authority, recipient: recipient.ageRecipient, signer: signer.key, office: signer.signer.office, pdf, now });
    files.push({ name: sealedReplyName(signed.document.id), bytes: sealed });
  }
  writeNewFiles(folder, files);
  session.store.audit.appendAudit({
    actor: session.actor,
    action: "document.exported",
    objectId: signed.document.id,
    details: { kind: "grievance-response", id: signed.document.id, sha256: signed.digest, sealedTo: recipient?.authority ?? null },
  });
  return { files: files.map((file) => join(folder, file.name)), sealedTo: recipient?.authority ?? null, sha256: signed.digest };
}

/** The stored response as the signed document it is: the exact bytes, their digest and signature. */
function signedResponseOf(response: StoredGrievanceResponse): SignedDocument<"grievance-response"> {
  const document = grievanceResponseDocumentSchema.parse(JSON.parse(new TextDecoder().decode(response.bytes)));
  return {
    kind: "grievance-response",
    document,
    bytes: response.bytes,
    digest: response.sha256,
    signature: response.signature,
    trustedComment: trustedCommentFor("grievance-response", document.id, response.sha256),
  };
}

function sealTarget(session: Session, stored: StoredGrievance): { authority: string; ageRecipient: string } {
  const authority = stored.replyAuthorityId;
  if (authority === null) {
    throw new NoReplyRecipientError(
      `grievance ${stored.id} names no keyring entry to reply to, so its response can go only as a verification copy; export it without sealing`,
    );
  }
  const ageRecipient = replyRecipientOf(session, authority);
  if (ageRecipient === undefined) {
    throw new NoReplyRecipientError(`${authority} has no usable key with an age recipient in the keyring; add one (counterseal keyring add … --age-recipient) or export without sealing`);
  }
  return { authority, ageRecipient };
}
