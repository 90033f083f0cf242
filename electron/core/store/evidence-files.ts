// Kept bundles too large for the database live as files in `<store>/evidence/`, one per bundle,
// named by content (evidence.ts). A file is made durable before the row that names it commits:
// written under a temporary name, flushed, renamed to its name, and the folder flushed, so after
// a crash a row never names a file that is not whole. The reverse (a file no row names, from a
// batch that never committed) is removed the next time the store opens.
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writevSync,
} from "node:fs";
import { join } from "node:path";
import type { RandomAccessBytes } from "../crypto/age-chunk-reader.js";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "./permissions.js";

export const EVIDENCE_DIR_NAME = "evidence";
/** Files being written carry this prefix until they are renamed to their name. */
const PARTIAL_PREFIX = ".partial-";
/** Pieces are gathered up to this many bytes, then written with one system call. */
const WRITE_BATCH_BYTES = 1024 * 1024;

export const evidenceDir = (storeDir: string): string => join(storeDir, EVIDENCE_DIR_NAME);

/** Flushes a folder's entries (a rename or an unlink in it) to disk. Windows cannot open folders, and needs no flush for a rename. */
export function fsyncDir(dir: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file being written under a temporary name in the evidence folder. */
export class PartialEvidenceFile {
  readonly #path: string;
  #fd: number | undefined;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #size = 0;

  constructor(
    readonly dir: string,
    uniqueSuffix: string,
  ) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    this.#path = join(dir, `${PARTIAL_PREFIX}${uniqueSuffix}`);
    this.#fd = openSync(this.#path, "wx+", PRIVATE_FILE_MODE);
  }

  get size(): number {
    return this.#size;
  }

  /** Holds `bytes` (a view the caller will not change) and writes once a batch is full. */
  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    this.#size += bytes.length;
    if (this.#pendingBytes >= WRITE_BATCH_BYTES) this.flush();
  }

  /** Writes what is held (without forcing it to disk), so the file can be read back. */
  flush(): void {
    const fd = this.#openFd();
    let pieces = this.#pending;
    while (pieces.length > 0) {
      let written = writevSync(fd, pieces);
      // A short write leaves the rest of the pieces, the first one possibly cut.
      const rest: Uint8Array[] = [];
      for (const piece of pieces) {
        if (written >= piece.length) written -= piece.length;
        else {
          rest.push(piece.subarray(written));
          written = 0;
        }
      }
      pieces = rest;
    }
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  /** A reader over what was written so far (flushed first). */
  reader(): RandomAccessBytes {
    this.flush();
    const fd = this.#openFd();
    return { size: this.#size, read: (position, length) => readAt(fd, position, length) };
  }

  /** Flushes to disk, closes, renames to `name` and flushes the folder: the file is durable under its name. */
  publish(name: string): string {
    this.flush();
    const fd = this.#openFd();
    fsyncSync(fd);
    closeSync(fd);
    this.#fd = undefined;
    const target = join(this.dir, name);
    renameSync(this.#path, target);
    fsyncDir(this.dir);
    return target;
  }

  /** Removes the partial file (nothing names it). Idempotent. */
  discard(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#pending = [];
    rmSync(this.#path, { force: true });
  }

  #openFd(): number {
    if (this.#fd === undefined) throw new Error("the evidence file was already published or discarded");
    return this.#fd;
  }
}

function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, bytes, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return bytes.subarray(0, filled);
}

/** An evidence file opened for reading at any position; close it when done. */
export interface OpenEvidenceFile extends RandomAccessBytes {
  close(): void;
}

/** Opens a kept file; null when it is missing (the caller reports the damage). */
export function openEvidenceFile(dir: string, name: string): OpenEvidenceFile | null {
  let fd: number;
  try {
    fd = openSync(join(dir, name), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const size = fstatSync(fd).size;
  return { size, read: (position, length) => readAt(fd, position, length), close: () => closeSync(fd) };
}

/** Removes a kept file whose row is gone, and flushes the folder. */
export function removeEvidenceFile(dir: string, name: string): void {
  rmSync(join(dir, name), { force: true });
  fsyncDir(dir);
}

/** The names in the evidence folder (none when it does not exist yet). */
export function listEvidenceFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Whether a name in the folder is a file still being written (or left by a crash while it was). */
export const isPartialEvidenceName = (name: string): boolean => name.startsWith(PARTIAL_PREFIX);
