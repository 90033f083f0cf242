// Exporting a signed decision where the reviewer points: the verification copy (<id>.json,
// <id>.json.minisig, <id>.pdf; the PDF says "awaiting countersignature" while the four-eyes rule
// is not met) and, asked to seal, the sealed reply to the issuing authority's registered age
// recipient (<id>.sealed). Everything is prepared before anything is written, then written all
// or nothing, never over an existing file; an audit row records it.
import { join } from "node:path";
import { utf8 } from "../crypto/bytes.js";
import { encodePublicKey, formatKeyId, parseSignature } from "../crypto/minisign.js";
import { NoReplyRecipientError } from "../grievances/grievance-errors.js";
import { replyRecipientOf } from "../keyring/reply-recipient.js";
import type { Session } from "../session/session.js";
import { DecisionInvalidError } from "./decision-errors.js";
import { findDecision, signedDecisionOf, storedCountersignaturesOf } from "./decision-views.js";
import { copyFileNames, renderCopyPdf } from "./export-copy.js";
import { reviewerSigner } from "./reviewer-key.js";
import { sealedReplyName, sealReply } from "./seal-reply.js";
import { writeNewFiles, type NewFile } from "./write-files.js";

export interface DecisionExport {
  /** The files written, in order: JSON, signature, PDF, each countersignature's three, and the sealed reply when sealed. */
  files: string[];
  /** The keyring authority the reply was sealed to, or null. */
  sealedTo: string | null;
  sha256: string;
}

export async function exportDecision(session: Session, id: string, folder: string, options: { seal: boolean }): Promise<DecisionExport> {
  const signed = signedDecisionOf(findDecision(session, id));
  const signer = reviewerSigner(session);
  const signingKeyId = formatKeyId(parseSignature(signed.signature).keyId);
  if (signingKeyId !== signer.signer.keyId) {
    throw new DecisionInvalidError(`decision ${id} was signed with key ${signingKeyId}, which is no longer this store's reviewer key (${signer.signer.keyId})`);
  }
  const authority = signed.document.request.authority;
  let recipient: string | null = null;
  if (options.seal) {
    recipient = replyRecipientOf(session, authority) ?? null;
    if (recipient === null) {
      throw new NoReplyRecipientError(`${authority} has no usable key with an age recipient in the keyring, so the reply cannot be sealed to it; add one (counterseal keyring add … --age-recipient) or export without --seal`);
    }
  }
  // The countersignatures that came back are printed in the decision's PDF (until a signed one
  // names this text it prints "awaiting countersignature"), and each goes beside it as its own
  // verification copy, so `counterseal verify` finds and checks them.
  const countersignatures = storedCountersignaturesOf(session, id);
  const pdf = await renderCopyPdf(signed, { publicKeyLine: signer.publicKeyLine, countersignatures: countersignatures.map((each) => each.document) });
  const names = copyFileNames(signed.document.id);
  const files: NewFile[] = [
    { name: names.json, bytes: signed.bytes },
    { name: names.signature, bytes: utf8(signed.signature) },
    { name: names.pdf, bytes: pdf },
  ];
  for (const countersignature of countersignatures) {
    const csNames = copyFileNames(countersignature.document.id);
    const publicKeyLine = countersignerKeyLine(session, countersignature.signature);
    files.push(
      { name: csNames.json, bytes: countersignature.bytes },
      { name: csNames.signature, bytes: utf8(countersignature.signature) },
      { name: csNames.pdf, bytes: await renderCopyPdf(countersignature, { publicKeyLine }) },
    );
  }
  if (recipient !== null) {
    const now = session.runtime.clock.now();
    const sealed = await sealReply(signed, { addressee: authority, recipient, signer: signer.key, office: signer.signer.office, pdf, now });
    files.push({ name: sealedReplyName(signed.document.id), bytes: sealed });
  }
  writeNewFiles(folder, files);
  const sealedTo = recipient === null ? null : authority;
  session.store.audit.appendAudit({ actor: session.actor, action: "document.exported", objectId: signed.document.id, details: { kind: "decision", id: signed.document.id, sha256: signed.digest, sealedTo } });
  return { files: files.map((file) => join(folder, file.name)), sealedTo, sha256: signed.digest };
}

/** The countersigner's public key line, from the keyring entry whose key signed it (checked at import). */
function countersignerKeyLine(session: Session, signature: string): string {
  const keyId = parseSignature(signature).keyId;
  const key = session.store.keyring.findKeyById(keyId);
  if (key === undefined) throw new Error(`the countersigner's key ${formatKeyId(keyId)} left the keyring`);
  return encodePublicKey(key);
}
