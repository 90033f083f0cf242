// Reads a tar archive with tar-stream 3 (which fails closed on bad checksums, unknown header
// formats and truncation) and checks every entry itself: type, name, limits and duplicates,
// plus the bytes tar-stream skips (tar-framing.ts). The single-root layout of a bag is checked
// one level up, in tar-reader.ts; this level is what any archive must pass.
import tarStream from "tar-stream";
import type { BundleLimits } from "./limits.js";
import { BundleRefusal, refuse } from "./refusal.js";
import { TarFramingCheck } from "./tar-framing.js";
import {
  checkEntryLimits,
  checkEntryPath,
  decodeEntryName,
  displayName,
  DuplicateEntryCheck,
  entryTypeOf,
  type TarEntryType,
} from "./tar-entry-rules.js";

export interface TarArchiveEntry {
  /** Full archive path, checked and without the trailing "/" of a directory. */
  path: string;
  type: TarEntryType;
  /** Bytes of data; 0 for a directory. */
  size: number;
  /** Where the data starts in the archive (just after its header block): kept attachments are read from there. */
  dataOffset: number;
  /**
   * The entry's data, streamed. Read it (or not) before asking for the next entry: the reader
   * drains whatever is left when the next entry is requested. Breaking out of a loop over the
   * body is fine; it does not stop the archive.
   */
  body: AsyncIterable<Uint8Array>;
}

/** Input chunks are cut to this size so that only a bounded amount runs ahead of the entries. */
const SLICE_BYTES = 64 * 1024;

export async function* readTarArchive(input: AsyncIterable<Uint8Array>, limits: BundleLimits): AsyncGenerator<TarArchiveEntry, void, undefined> {
  // latin1 keeps every byte of a header name, so that decodeEntryName can check it is UTF-8.
  const extract = tarStream.extract({ filenameEncoding: "latin1" } as Parameters<typeof tarStream.extract>[0]);
  // Created before any byte is written, so that no error or entry event is missed.
  const entries = extract[Symbol.asyncIterator]();
  const framing = new TarFramingCheck();
  const pump = new InputPump(input, extract, framing);
  const duplicates = new DuplicateEntryCheck();
  let count = 0;
  try {
    for (;;) {
      const next = await pump.guard(entries.next());
      if (next.done === true) break;
      const stream = next.value;
      const header = stream.header as unknown as TarStreamHeader;
      const fromPax = (header.pax?.["path"] ?? "") !== "";
      const shown = displayName(header.name, fromPax);
      // tar-stream reads no data after a directory header, whatever its size field says.
      const size = header.type === "directory" ? 0 : header.size;
      framing.entry({ dataOffset: header.byteOffset, dataSize: size, displayName: shown });
      const type = entryTypeOf(header.type, shown);
      if (type === "directory" && header.size !== 0) {
        refuse("tar-invalid", `tar entry ${shown} is a directory with ${header.size} bytes of data, which tar readers treat differently`);
      }
      const path = checkEntryPath(decodeEntryName(header.name, fromPax), type);
      checkEntryLimits(path, type, size, ++count, limits);
      duplicates.add(path, type);
      const body = new EntryBody(stream as AsyncIterable<Uint8Array>, pump);
      yield { path, type, size, dataOffset: header.byteOffset, body };
      await body.drain();
    }
    await pump.finished();
    framing.end();
  } finally {
    // Stops the pump and tar-stream when the caller stops early or a refusal was thrown.
    if (!extract.destroyed) extract.destroy();
    pump.stop();
  }
}

/** Feeds the input to tar-stream with back-pressure, through the framing check. */
class InputPump {
  private failure: unknown = undefined;
  private stopped = false;
  private readonly done: Promise<void>;

  constructor(
    private readonly input: AsyncIterable<Uint8Array>,
    private readonly extract: tarStream.Extract,
    private readonly framing: TarFramingCheck,
  ) {
    this.done = this.run();
    // The failure is reported through guard() and finished(); this only avoids an unhandled rejection.
    this.done.catch(() => undefined);
  }

  /** Awaits a tar-stream promise and reports the real cause when it fails. */
  async guard<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } catch (error) {
      throw this.refusalFor(error);
    }
  }

  async finished(): Promise<void> {
    await this.guard(this.done);
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<void> {
    try {
      for await (const chunk of this.input) {
        for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
          if (this.stopped || this.extract.destroyed) return;
          const slice = chunk.subarray(offset, offset + SLICE_BYTES);
          this.framing.append(slice);
          if (!this.extract.write(slice)) await drainedOrClosed(this.extract);
        }
        if (this.stopped || this.extract.destroyed) return;
      }
      if (!this.extract.destroyed) this.extract.end(null);
    } catch (error) {
      // An input failure (e.g. age authentication) or a framing refusal ends the archive.
      this.failure = error;
      this.extract.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  /** The input's or framing check's own error wins over tar-stream's report of it. */
  private refusalFor(error: unknown): unknown {
    if (this.failure !== undefined) return this.failure;
    if (error instanceof BundleRefusal) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new BundleRefusal("tar-invalid", this.framing.explain(reason));
  }
}

function drainedOrClosed(extract: tarStream.Extract): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      extract.off("drain", done);
      extract.off("close", done);
      resolve();
    };
    extract.on("drain", done);
    extract.on("close", done);
  });
}

/** tar-stream 3's header at run time (its type declarations lack byteOffset and pax). */
interface TarStreamHeader {
  name: string;
  type: string | null;
  size: number;
  /** Offset of the entry's data in the archive, just after its header block. */
  byteOffset: number;
  /** The entry's pax records (merged with global ones), when it has a pax header. */
  pax: Record<string, string> | null;
}

/**
 * The caller's view of an entry's data. A `return()` from the caller's loop must not reach
 * tar-stream: destroying an entry stream destroys the whole extract, which would end the
 * archive silently. So the underlying iterator is only ever advanced, and drained at the end.
 */
class EntryBody implements AsyncIterable<Uint8Array> {
  private readonly chunks: AsyncIterator<Uint8Array>;
  private ended = false;

  constructor(
    stream: AsyncIterable<Uint8Array>,
    private readonly pump: InputPump,
  ) {
    this.chunks = stream[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: () => this.next(),
      return: () => Promise.resolve({ done: true, value: undefined }),
    };
  }

  async drain(): Promise<void> {
    while (!(await this.next()).done);
  }

  private async next(): Promise<IteratorResult<Uint8Array>> {
    if (this.ended) return { done: true, value: undefined };
    const result = await this.pump.guard(this.chunks.next());
    if (result.done === true) this.ended = true;
    return result;
  }
}
