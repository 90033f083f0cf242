// Builds tar archives byte by byte for tests, including the hostile ones no packer writes,
// and reads them back through the reader under test into plain results.
import tarStream from "tar-stream";
import { BundleRefusal } from "../../../electron/core/bundles/refusal.js";
import type { BundleLimits } from "../../../electron/core/bundles/limits.js";
import { DEFAULT_LIMITS } from "../../../electron/core/bundles/limits.js";
import { readTarArchive } from "../../../electron/core/bundles/tar-archive.js";
import { readTarEntries } from "../../../electron/core/bundles/tar-reader.js";

const BLOCK = 512;
const encoder = new TextEncoder();
const bytesOf = (value: string | Uint8Array): Uint8Array => (typeof value === "string" ? encoder.encode(value) : value);

export interface RawEntry {
  /** The name field (or pax/GNU long name), as text or raw bytes. */
  name: string | Uint8Array;
  /** The typeflag character: "0" file (default), "5" directory, "2" symlink, … */
  type?: string;
  data?: string | Uint8Array;
  /** Size written in the header, when it must differ from the data's length. */
  size?: number;
  /** Written verbatim into the size field instead of the octal size. */
  sizeField?: string;
  linkname?: string;
  /** Local pax records written in an "x" header before the entry. */
  pax?: Record<string, string | Uint8Array>;
  /** Global pax records written in a "g" header before the entry. */
  globalPax?: Record<string, string | Uint8Array>;
  /** Put the name in a GNU "L" long-name header instead of the name field. */
  gnuLongName?: boolean;
  /** Split the name over the ustar prefix and name fields at this byte. */
  prefixAt?: number;
  /** Break the header checksum. */
  badChecksum?: boolean;
  /** Write no ustar magic (a V7 header). */
  noMagic?: boolean;
}

export interface HeaderFields {
  name: Uint8Array;
  prefix?: Uint8Array;
  type: string;
  size: number;
  sizeField?: string;
  linkname?: string;
  badChecksum?: boolean;
  noMagic?: boolean;
}

export function headerBlock(fields: HeaderFields): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, value: Uint8Array | string) => block.set(bytesOf(value), offset);
  put(0, fields.name.subarray(0, 100));
  put(100, "0000644\0");
  put(108, "0000000\0");
  put(116, "0000000\0");
  put(124, fields.sizeField ?? fields.size.toString(8).padStart(11, "0") + "\0");
  put(136, "14500000000\0");
  put(156, fields.type);
  if (fields.linkname !== undefined) put(157, fields.linkname);
  if (fields.noMagic !== true) put(257, "ustar\x0000");
  if (fields.prefix !== undefined) put(345, fields.prefix.subarray(0, 155));
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  if (fields.badChecksum === true) sum += 1;
  put(148, sum.toString(8).padStart(6, "0") + "\0 ");
  return block;
}

export function paxData(records: Record<string, string | Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [key, value] of Object.entries(records)) {
    const body = Buffer.concat([encoder.encode(` ${key}=`), bytesOf(value), encoder.encode("\n")]);
    let length = body.length + 1;
    while (String(length).length + body.length !== length) length = String(length).length + body.length;
    parts.push(Buffer.concat([encoder.encode(String(length)), body]));
  }
  return Buffer.concat(parts);
}

const padded = (data: Uint8Array): Uint8Array => Buffer.concat([data, new Uint8Array((BLOCK - (data.length % BLOCK)) % BLOCK)]);

export function entryBlocks(entry: RawEntry): Uint8Array {
  const name = bytesOf(entry.name);
  const data = bytesOf(entry.data ?? "");
  const type = entry.type ?? "0";
  const parts: Uint8Array[] = [];
  if (entry.globalPax !== undefined) {
    const pax = paxData(entry.globalPax);
    parts.push(headerBlock({ name: encoder.encode("pax_global_header"), type: "g", size: pax.length }), padded(pax));
  }
  if (entry.pax !== undefined) {
    const pax = paxData(entry.pax);
    parts.push(headerBlock({ name: encoder.encode("PaxHeader/x"), type: "x", size: pax.length }), padded(pax));
  }
  if (entry.gnuLongName === true) {
    const long = Buffer.concat([name, new Uint8Array(1)]);
    parts.push(headerBlock({ name: encoder.encode("././@LongLink"), type: "L", size: long.length }), padded(long));
  }
  const fields: HeaderFields = { name: entry.gnuLongName === true ? name.subarray(0, 99) : name, type, size: entry.size ?? data.length };
  if (entry.prefixAt !== undefined) {
    fields.prefix = name.subarray(0, entry.prefixAt);
    fields.name = name.subarray(entry.prefixAt + 1);
  }
  if (entry.sizeField !== undefined) fields.sizeField = entry.sizeField;
  if (entry.linkname !== undefined) fields.linkname = entry.linkname;
  if (entry.badChecksum !== undefined) fields.badChecksum = entry.badChecksum;
  if (entry.noMagic !== undefined) fields.noMagic = entry.noMagic;
  parts.push(headerBlock(fields), padded(data));
  return Buffer.concat(parts);
}

export const END_OF_ARCHIVE = new Uint8Array(2 * BLOCK);

/** An archive of the entries followed by `trailer` (by default the two zero blocks). */
export function buildTar(entries: readonly RawEntry[], trailer: Uint8Array = END_OF_ARCHIVE): Uint8Array {
  return Buffer.concat([...entries.map(entryBlocks), trailer]);
}

export async function* chunked(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export interface ReadResult {
  entries: Array<{ path: string; bagPath?: string; type: string; size: number; data: Buffer }>;
  refusal?: { code: string; message: string };
}

async function collect(iterable: AsyncIterable<{ path: string; type: string; size: number; body: AsyncIterable<Uint8Array>; bagPath?: string }>): Promise<ReadResult> {
  const result: ReadResult = { entries: [] };
  try {
    for await (const entry of iterable) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of entry.body) chunks.push(chunk);
      const read = { path: entry.path, type: entry.type, size: entry.size, data: Buffer.concat(chunks) };
      result.entries.push(entry.bagPath === undefined ? read : { ...read, bagPath: entry.bagPath });
    }
  } catch (error) {
    if (!(error instanceof BundleRefusal)) throw error;
    result.refusal = { code: error.refusal, message: error.message };
  }
  return result;
}

/** Reads a whole archive with readTarEntries (bag layout included). */
export const readBundleTar = (bytes: Uint8Array, limits: BundleLimits = DEFAULT_LIMITS, chunk = 4096): Promise<ReadResult> =>
  collect(readTarEntries(chunked(bytes, chunk), limits));

/** Reads a whole archive with readTarArchive (no layout rule). */
export const readAnyTar = (bytes: Uint8Array, limits: BundleLimits = DEFAULT_LIMITS, chunk = 4096): Promise<ReadResult> =>
  collect(readTarArchive(chunked(bytes, chunk), limits));

export type PackEntry = Parameters<tarStream.Pack["entry"]>[0] & { content?: Uint8Array | string };

/** Packs entries with tar-stream's own packer: ustar headers, pax for long or non-ASCII names. */
export async function packWithTarStream(entries: readonly PackEntry[]): Promise<Uint8Array> {
  const packer = tarStream.pack();
  const chunks: Uint8Array[] = [];
  const done = (async () => {
    for await (const chunk of packer as AsyncIterable<Uint8Array>) chunks.push(chunk);
  })();
  for (const { content, ...header } of entries) {
    if (content === undefined) packer.entry(header);
    else packer.entry({ ...header, size: bytesOf(content).length }, bytesOf(content));
  }
  packer.finalize();
  await done;
  return Buffer.concat(chunks);
}
