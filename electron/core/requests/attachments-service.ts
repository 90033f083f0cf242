// Attachments leave the store two ways: inline for the app to show (PDF, text, images; bounded),
// or streamed to a file the reviewer chose.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import type { AttachmentContent, AttachmentRef, AttachmentSaved } from "../../../shared/api/requests.js";
import { CoreError } from "../errors.js";
import type { Session } from "../session/session.js";
import type { StoredAttachment } from "../store/index.js";
import { RequestNotFoundError } from "./requests-service.js";

/** Larger files are saved, not shown: the renderer holds what it shows in memory. */
export const INLINE_LIMIT_BYTES = 64 * 1024 * 1024;

export class AttachmentTooLargeError extends CoreError {
  override readonly name = "AttachmentTooLargeError";
  override readonly code = "attachment-too-large";
}

function findAttachment(session: Session, ref: AttachmentRef): StoredAttachment {
  const request = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  const attachment = request?.attachments.find((candidate) => candidate.path === ref.path);
  if (!attachment) throw new RequestNotFoundError(`no attachment ${ref.path} in ${ref.authority}/${ref.id}/${ref.revision}`);
  return attachment;
}

export function readAttachmentInline(session: Session, ref: AttachmentRef): AttachmentContent {
  const attachment = findAttachment(session, ref);
  if (attachment.size > INLINE_LIMIT_BYTES) {
    throw new AttachmentTooLargeError(`${attachment.path} is ${attachment.size} bytes: save it to a file to open it`);
  }
  const bytes = Buffer.concat([...session.store.blobs.readBlob(attachment.blobId)]);
  return { mediaType: attachment.mediaType, size: attachment.size, base64: bytes.toString("base64") };
}

/** Streams the attachment to `destination` (written beside it, then renamed into place). */
export async function saveAttachment(session: Session, ref: AttachmentRef, destination: string): Promise<AttachmentSaved> {
  const attachment = findAttachment(session, ref);
  const partial = `${destination}.partial`;
  const out = createWriteStream(partial, { flags: "wx", mode: 0o600 });
  try {
    let bytes = 0;
    for (const chunk of session.store.blobs.readBlob(attachment.blobId)) {
      bytes += chunk.byteLength;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    await rename(partial, destination);
    session.store.audit.appendAudit({
      actor: session.actor,
      action: "attachment.saved",
      objectId: attachment.id,
      details: { path: attachment.path, sha256: attachment.sha256, bytes },
    });
    return { bytes };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
