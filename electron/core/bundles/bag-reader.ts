// Reads the tar layer of a bundle into what the BagIt check needs: tag files and the document
// buffered (they are small and bounded), every payload file hashed as it passes and located in
// the tar stream. Attachments are not copied anywhere: the store keeps the sealed bundle itself
// and reads them back from their place in it.
import { createHash } from "node:crypto";
import { createSha256, sha256Hex } from "../crypto/digest.js";
import { BUNDLE_TYPES } from "./bagit-tags.js";
import type { BagFile, BagInventory } from "./bag-check.js";
import type { DigestAlgorithm } from "./bagit-manifest.js";
import type { BundleLimits } from "./limits.js";
import { refuse } from "./refusal.js";
import { readTarEntries } from "./tar-reader.js";

/** Where a payload file's bytes are in the decrypted tar stream, which the store keeps. */
export interface PayloadLocation {
  offset: number;
  size: number;
  /** SHA-256 (hex) of its bytes, computed as they passed. */
  sha256: string;
}

export interface PayloadStore {
  /** A payload file's digest (hex) under another algorithm than SHA-256, read back from what the store keeps. */
  digest(location: PayloadLocation, algorithm: DigestAlgorithm): string;
}

export interface ReadBag {
  inventory: BagInventory;
  /** Payload files kept in memory: the candidates for data/<Bundle-Type>.json. */
  buffered: ReadonlyMap<string, Uint8Array>;
  /** Every payload file, by where it lies in the tar stream. */
  located: ReadonlyMap<string, PayloadLocation>;
}

const DOCUMENT_PATHS = new Set(BUNDLE_TYPES.map((type) => `data/${type}.json`));

export async function readBag(plaintext: AsyncIterable<Uint8Array>, limits: BundleLimits, payloads: PayloadStore): Promise<ReadBag> {
  const files = new Map<string, BagFile>();
  const tagFiles = new Map<string, Uint8Array>();
  const buffered = new Map<string, Uint8Array>();
  const located = new Map<string, PayloadLocation>();
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
      // that it is only hashed like any attachment (the limit is checked once Bundle-Type is known).
      const limit = DOCUMENT_PATHS.has(path) ? limits.documentBytes : 0;
      const read = await hashAndHold(entry.body, limit);
      if (read.bytes) buffered.set(path, read.bytes);
      located.set(path, { offset: entry.dataOffset, size: read.size, sha256: read.sha256 });
      files.set(path, { size: read.size, sha256: read.sha256 });
    }
  }

  const digestOf = (path: string, algorithm: DigestAlgorithm): string => {
    const inMemory = tagFiles.get(path) ?? buffered.get(path);
    if (inMemory) return createHash(algorithm).update(inMemory).digest("hex");
    const location = located.get(path);
    if (location === undefined) throw new Error(`no file ${path} in the bag to digest`);
    return payloads.digest(location, algorithm);
  };
  return { inventory: { files, tagFiles, digestOf }, buffered, located };
}

/** Hashes a payload file as it passes, holding it in memory only while it fits `limit` (a document candidate). */
async function hashAndHold(body: AsyncIterable<Uint8Array>, limit: number): Promise<{ size: number; sha256: string; bytes?: Uint8Array }> {
  const hash = createSha256();
  let held: Uint8Array[] | undefined = limit > 0 ? [] : undefined;
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.byteLength;
    if (held && size <= limit) held.push(chunk);
    else held = undefined;
  }
  const sha256 = hash.digest("hex");
  return held ? { size, sha256, bytes: Buffer.concat(held, size) } : { size, sha256 };
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
