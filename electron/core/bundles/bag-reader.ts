// Reads the tar layer of a bundle into what the BagIt check needs: tag files and the document
// buffered (they are small and bounded), every other payload file streamed into a payload sink
// (towards the store's blob writer, inside the import's transaction), each file hashed as it passes.
import { createHash } from "node:crypto";
import { createSha256, sha256Hex } from "../crypto/digest.js";
import { BUNDLE_TYPES } from "./bagit-tags.js";
import type { BagFile, BagInventory } from "./bag-check.js";
import type { DigestAlgorithm } from "./bagit-manifest.js";
import type { BundleLimits } from "./limits.js";
import { refuse } from "./refusal.js";
import { readTarEntries } from "./tar-reader.js";

/**
 * Where a streamed payload file goes. `finish` takes the SHA-256 (hex) of everything written,
 * which the reader computes anyway, and returns the file's handle.
 */
export interface PayloadSink {
  write(chunk: Uint8Array): void;
  finish(sha256: string): string;
}

export interface PayloadStore {
  createSink(): PayloadSink;
  /** A finished sink's digest (hex) under another algorithm than SHA-256, read back from the store. */
  digest(handle: string, algorithm: DigestAlgorithm): string;
}

export interface ReadBag {
  inventory: BagInventory;
  /** Payload files kept in memory: the candidates for data/<Bundle-Type>.json. */
  buffered: ReadonlyMap<string, Uint8Array>;
  /** Payload files streamed into the payload store, with their handles. */
  streamed: ReadonlyMap<string, string>;
}

const DOCUMENT_PATHS = new Set(BUNDLE_TYPES.map((type) => `data/${type}.json`));

export async function readBag(plaintext: AsyncIterable<Uint8Array>, limits: BundleLimits, payloads: PayloadStore): Promise<ReadBag> {
  const files = new Map<string, BagFile>();
  const tagFiles = new Map<string, Uint8Array>();
  const buffered = new Map<string, Uint8Array>();
  const streamed = new Map<string, string>();
  // Tag files are manifests and short declarations, buffered and hashed before the signature
  // can be checked: each file and all of them together are capped, so a bag from anyone holding
  // the office's recipient cannot make us buffer gigabytes.
  let tagBytes = 0;

  for await (const entry of readTarEntries(plaintext, limits)) {
    if (entry.type !== "file") continue;
    const path = entry.bagPath;
    if (!path.startsWith("data/")) {
      const bytes = await collect(entry.body, limits.tagFileBytes, `tag file ${path}`);
      tagBytes += bytes.byteLength;
      if (tagBytes > limits.tagBytes) {
        refuse("tag-files-too-large", `the tag files come to more than ${limits.tagBytes} bytes together (the limit), passed at tag file ${path}`);
      }
      tagFiles.set(path, bytes);
      files.set(path, { size: bytes.byteLength, sha256: sha256Hex(bytes) });
    } else {
      // A file named like a document is kept in memory while it fits the document limit; past
      // that it is streamed like any attachment (the limit is checked once Bundle-Type is known).
      const limit = DOCUMENT_PATHS.has(path) ? limits.documentBytes : 0;
      const read = await bufferOrStream(entry.body, limit, payloads);
      if (read.kind === "buffered") buffered.set(path, read.bytes);
      else streamed.set(path, read.handle);
      files.set(path, { size: read.size, sha256: read.sha256 });
    }
  }

  const digestOf = (path: string, algorithm: DigestAlgorithm): string => {
    const inMemory = tagFiles.get(path) ?? buffered.get(path);
    if (inMemory) return createHash(algorithm).update(inMemory).digest("hex");
    const handle = streamed.get(path);
    if (handle === undefined) throw new Error(`no file ${path} in the bag to digest`);
    return payloads.digest(handle, algorithm);
  };
  return { inventory: { files, tagFiles, digestOf }, buffered, streamed };
}

type ReadFile = { size: number; sha256: string } & ({ kind: "buffered"; bytes: Uint8Array } | { kind: "streamed"; handle: string });

/** Keeps up to `limit` bytes in memory; a larger file goes to the payload store as it arrives. */
async function bufferOrStream(body: AsyncIterable<Uint8Array>, limit: number, payloads: PayloadStore): Promise<ReadFile> {
  const hash = createSha256();
  const held: Uint8Array[] = [];
  let sink: PayloadSink | undefined;
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.byteLength;
    if (!sink && size <= limit) {
      held.push(chunk);
      continue;
    }
    if (!sink) {
      sink = payloads.createSink();
      for (const earlier of held.splice(0)) sink.write(earlier);
    }
    sink.write(chunk);
  }
  const sha256 = hash.digest("hex");
  if (sink) return { kind: "streamed", handle: sink.finish(sha256), size, sha256 };
  if (limit === 0 && size === 0) return { kind: "streamed", handle: payloads.createSink().finish(sha256), size, sha256 };
  return { kind: "buffered", bytes: Buffer.concat(held, size), size, sha256 };
}

async function collect(body: AsyncIterable<Uint8Array>, limit: number, what: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) refuse("limit-exceeded", `${what} is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
