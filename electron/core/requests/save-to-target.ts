// Writing what leaves the store (an attachment, a sealed original) to a file main's door chose:
// streamed to a temporary file in the target's folder, flushed, then moved into place, replacing
// what is there only when the reviewer confirmed it (a hard link fails on an existing name,
// atomically; where a file system has no hard links, an exclusive copy).
import { randomBytes } from "node:crypto";
import { constants, createWriteStream } from "node:fs";
import { copyFile, link, open, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { CoreError } from "../errors.js";

/**
 * Where main's file door says to save: a path it chose (its save dialog, or the test host's
 * downloads folder), and whether the reviewer confirmed replacing a file already there. Only
 * that confirmation lets a save replace anything.
 */
export interface SaveTarget {
  path: string;
  replaceExisting: boolean;
}

/** A file appeared at the target that the reviewer did not agree to replace. */
export class SaveTargetExistsError extends CoreError {
  override readonly name = "SaveTargetExistsError";
  override readonly code = "save-target-exists";
}

/**
 * Writes `pieces` to `target`. The pieces' iterator may throw (a damaged kept bundle): then the
 * partial file is removed and nothing appears at the target.
 */
export async function saveToTarget(pieces: Iterable<Uint8Array>, target: SaveTarget): Promise<{ bytes: number; name: string }> {
  const destination = target.path;
  const partial = path.join(path.dirname(destination), `.${path.basename(destination)}.${randomBytes(6).toString("hex")}.partial`);
  const out = createWriteStream(partial, { flags: "wx", mode: 0o600 });
  try {
    let bytes = 0;
    for (const chunk of pieces) {
      bytes += chunk.byteLength;
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    const handle = await open(partial, "r");
    await handle.sync();
    await handle.close();
    if (target.replaceExisting) await rename(partial, destination);
    else await moveWithoutReplacing(partial, destination);
    return { bytes, name: path.basename(destination) };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);

const existsError = (destination: string): SaveTargetExistsError =>
  new SaveTargetExistsError(`${path.basename(destination)} already exists there; it was left as it was. Save again to choose another name.`);

async function moveWithoutReplacing(partial: string, destination: string): Promise<void> {
  try {
    await link(partial, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw existsError(destination);
    if (code === undefined || !NO_HARD_LINKS.has(code)) throw error;
    try {
      await copyFile(partial, destination, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === "EEXIST") throw existsError(destination);
      // Exclusive: whatever is at the destination now is this copy's own unfinished file.
      await rm(destination, { force: true });
      throw copyError;
    }
  }
  await rm(partial, { force: true });
}
