// Opens a sealed bundle file for import: one descriptor, measured once, read exactly that far.
// A name can stand for things that are not files (a folder, /dev/zero, a FIFO, a socket): those
// are refused before a byte is read, since reading them would never end or would block. The size
// measured on the open descriptor bounds the read, so a file swapped or grown after the check
// gives at most the bytes that were measured.
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { BundleRefusal } from "./refusal.js";

/** Files up to this size are read in one call; larger ones are streamed in chunks of it. */
export const READ_CHUNK = 1024 * 1024;

// Opening a FIFO for reading blocks until a writer comes; non-blocking, the open returns and the
// descriptor is checked (a regular file ignores the flag). Windows has no such flag, nor FIFOs.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Refused before reading: not a regular file. A BundleRefusal, so an import reports it as that
 * file's outcome (age-invalid: it is not an age file) and goes on with the others.
 */
export class NotARegularFileError extends BundleRefusal {
  constructor(
    file: string,
    readonly kind: string,
  ) {
    super("age-invalid", `${file} is ${kind}, not a regular file: nothing was read from it`);
  }
}

export interface BundleFile {
  /** The size measured on the open descriptor; exactly this many bytes are read. */
  readonly size: number;
  /** The bytes, once: the whole file for a small one, else a stream that closes the descriptor. */
  readonly chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
}

/** What a non-regular file is, in words for the refusal. */
export function describeFileKind(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

/** A limit-exceeded refusal measured before anything was read: it keeps the size it measured. */
export class SealedFileTooLargeError extends BundleRefusal {
  constructor(
    readonly size: number,
    maxBytes: number,
  ) {
    super("limit-exceeded", `the sealed file is ${size} bytes; the limit is ${maxBytes}`);
  }
}

/**
 * Opens `file`, refuses what is not a regular file or is over `maxBytes` (closing it), and
 * answers its measured size and bytes. A small file is read whole now, synchronously (a few
 * syscalls, where a stream waits for the thread pool several times: most of a small import's
 * time, measured); a large one streams through the same descriptor, which the stream closes.
 */
export function openBundleFile(file: string, maxBytes: number): BundleFile {
  let fd: number | undefined = openSync(file, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotARegularFileError(file, describeFileKind(stats));
    const size = stats.size;
    if (size > maxBytes) throw new SealedFileTooLargeError(size, maxBytes);
    if (size <= READ_CHUNK) return { size, chunks: [readExactly(fd, size)] };
    const chunks = createReadStream("", { fd, start: 0, end: size - 1, highWaterMark: READ_CHUNK, autoClose: true });
    fd = undefined;
    return { size, chunks };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads up to `size` bytes from the start; a file that shrank since it was measured gives fewer. */
function readExactly(fd: number, size: number): Uint8Array {
  const bytes = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return bytes.subarray(0, filled);
}
