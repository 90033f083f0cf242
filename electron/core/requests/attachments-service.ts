// Attachments leave the store two ways: inline for the app to show (PDF, text, images; bounded),
// or streamed to a file the reviewer chose in main's save dialog (the page names no path).
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/record-audit.js";
import type { AttachmentContent, AttachmentRef } from "../../../shared/api/requests.js";
import { CoreError } from "../errors.js";
import type { Session } from "../session/session.js";
import { EvidenceDamagedError, type StoredAttachment } from "../store/index.js";
import { RequestNotFoundError } from "./requests-service.js";
import { saveToTarget, type SaveTarget } from "./save-to-target.js";

export { SaveTargetExistsError, type SaveTarget } from "./save-to-target.js";

/** Larger files are saved, not shown: the renderer holds what it shows in memory. */
export const INLINE_LIMIT_BYTES = 64 * 1024 * 1024;

export class AttachmentTooLargeError extends CoreError {
  override readonly name = "AttachmentTooLargeError";
  override readonly code = "attachment-too-large";
}

interface FoundAttachment extends StoredAttachment {
  requestId: string;
}

function findAttachment(session: Session, ref: AttachmentRef): FoundAttachment {
  const request = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  const attachment = request?.attachments.find((candidate) => candidate.path === ref.path);
  if (!request || !attachment) throw new RequestNotFoundError(`no attachment ${ref.path} in ${ref.authority}/${ref.id}/${ref.revision}`);
  return { ...attachment, requestId: request.id };
}

/**
 * An attachment's bytes, read from its place in the kept bundle: only the age chunks that hold
 * it are decrypted, one batch at a time. Each chunk authenticates before it is yielded; the
 * SHA-256 the manifest vouched for is checked at the end, and a mismatch is damage.
 */
export function* readAttachmentBytes(session: Session, attachment: FoundAttachment): Generator<Uint8Array, void, undefined> {
  const kept = session.store.evidence.open(attachment.requestId);
  try {
    const hash = createHash("sha256");
    for (const piece of kept.range(attachment.offset, attachment.size)) {
      hash.update(piece);
      yield piece;
    }
    if (hash.digest("hex") !== attachment.sha256) {
      throw new EvidenceDamagedError(`The store is damaged: attachment ${attachment.path} does not match the SHA-256 its bundle's manifest gave.`);
    }
  } finally {
    kept.close();
  }
}

export function readAttachmentInline(session: Session, ref: AttachmentRef): AttachmentContent {
  const attachment = findAttachment(session, ref);
  if (attachment.size > INLINE_LIMIT_BYTES) {
    throw new AttachmentTooLargeError(`${attachment.path} is ${attachment.size} bytes: save it to a file to open it`);
  }
  const bytes = Buffer.concat([...readAttachmentBytes(session, attachment)]);
  void recordAudit(session, {
    actor: session.actor,
    action: "attachment.viewed",
    objectId: attachment.id,
    details: { path: attachment.path, sha256: attachment.sha256, bytes: bytes.byteLength },
  });
  return { mediaType: attachment.mediaType, size: attachment.size, base64: bytes.toString("base64") };
}

/** The file name an attachment is offered under: the last segment of its path in the bundle. */
export const suggestedSaveName = (attachmentPath: string): string => attachmentPath.split("/").pop() || "attachment";

/** Checks the reference before a dialog opens, so a bad one is refused without asking where. */
export function checkAttachment(session: Session, ref: AttachmentRef): void {
  findAttachment(session, ref);
}

/** Saves the attachment where the reviewer chose (save-to-target.ts), then audits the save. */
export async function saveAttachment(session: Session, ref: AttachmentRef, target: SaveTarget): Promise<{ bytes: number; name: string }> {
  const attachment = findAttachment(session, ref);
  const saved = await saveToTarget(readAttachmentBytes(session, attachment), target);
  await recordAudit(session, {
    actor: session.actor,
    action: "attachment.saved",
    objectId: attachment.id,
    details: { path: attachment.path, sha256: attachment.sha256, bytes: saved.bytes },
  });
  return saved;
}
