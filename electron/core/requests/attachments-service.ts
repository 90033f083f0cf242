// Attachments leave the store two ways: inline for the app to show (PDF, text, images; bounded),
// or streamed to a file the reviewer chose in main's save dialog (the page names no path).
import { randomBytes } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { copyFile, link, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import type { AttachmentContent, AttachmentRef } from "../../../shared/api/requests.js";
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
  session.store.audit.appendAudit({
    actor: session.actor,
    action: "attachment.viewed",
    objectId: attachment.id,
    details: { path: attachment.path, sha256: attachment.sha256, bytes: bytes.byteLength },
  });
  return { mediaType: attachment.mediaType, size: attachment.size, base64: bytes.toString("base64") };
}

/**
 * Where main's file door says to save: a path it chose (its save dialog, or the test host's
 * downloads folder), and whether the reviewer confirmed replacing a file already there. Only
 * that confirmation lets a save replace anything.
 */
export interface SaveTarget {
  path: string;
  replaceExisting: boolean;
}

/** The file name an attachment is offered under: the last segment of its path in the bundle. */
export const suggestedSaveName = (attachmentPath: string): string => attachmentPath.split("/").pop() || "attachment";

/** A file appeared at the target that the reviewer did not agree to replace. */
export class SaveTargetExistsError extends CoreError {
  override readonly name = "SaveTargetExistsError";
  override readonly code = "save-target-exists";
}

/** Checks the reference before a dialog opens, so a bad one is refused without asking where. */
export function checkAttachment(session: Session, ref: AttachmentRef): void {
  findAttachment(session, ref);
}

/**
 * Streams the attachment to a temporary file in the target's folder, then moves it into place:
 * replacing what is there only when `target.replaceExisting`, otherwise never (a hard link fails
 * on an existing name, atomically; where a file system has no hard links, an exclusive copy).
 */
export async function saveAttachment(session: Session, ref: AttachmentRef, target: SaveTarget): Promise<{ bytes: number; name: string }> {
  const attachment = findAttachment(session, ref);
  const destination = target.path;
  const partial = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString("hex")}.partial`);
  const out = createWriteStream(partial, { flags: "wx", mode: 0o600 });
  try {
    let bytes = 0;
    for (const chunk of session.store.blobs.readBlob(attachment.blobId)) {
      bytes += chunk.byteLength;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    if (target.replaceExisting) await rename(partial, destination);
    else await moveWithoutReplacing(partial, destination);
    session.store.audit.appendAudit({
      actor: session.actor,
      action: "attachment.saved",
      objectId: attachment.id,
      details: { path: attachment.path, sha256: attachment.sha256, bytes },
    });
    return { bytes, name: path.basename(destination) };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

async function moveWithoutReplacing(partial: string, destination: string): Promise<void> {
  try {
    await link(partial, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new SaveTargetExistsError(`${path.basename(destination)} already exists there; it was left as it was. Save again to choose another name.`);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    try {
      await copyFile(partial, destination, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === "EEXIST") {
        throw new SaveTargetExistsError(`${path.basename(destination)} already exists there; it was left as it was. Save again to choose another name.`);
      }
      // Exclusive: whatever is at the destination now is this copy's own unfinished file.
      await rm(destination, { force: true });
      throw copyError;
    }
  }
  await rm(partial, { force: true });
}
