// Keeps a bundle while the import decrypts it (the age layer's AgeKeeper): the store's header in
// place of the original one, then the payload bytes exactly as they arrived. A small bundle is
// gathered in memory for its row; a large one goes to a partial file in evidence/, so memory
// stays bounded whatever the size. Nothing is decrypted or encrypted again to be kept.
import { armorLayoutOf, armorWithLayout, formatArmorLayout } from "../crypto/age-armor-layout.js";
import { openKeptAgeFile, type RandomAccessBytes } from "../crypto/age-chunk-reader.js";
import { storeHeaderFor } from "../crypto/age-store-stanza.js";
import { CHUNK_SIZE, PAYLOAD_NONCE_LENGTH } from "../crypto/age-stream.js";
import { POLY1305_TAG_LENGTH } from "../crypto/chacha20-poly1305.js";
import type { AgeKeeper } from "../crypto/age.js";
import { createSha256 } from "../crypto/digest.js";
import { EvidenceDamagedError, StoreError } from "./errors.js";
import type { PartialEvidenceFile } from "./evidence-files.js";

/** What the import knows of the sealed file once it has read all of it. */
export interface SealedFacts {
  sha256: string;
  size: number;
  /** Its first and last bytes (2 KiB each, or the whole file): where an armor's layout is. */
  head: Uint8Array;
  tail: Uint8Array;
}

/** A kept bundle ready for its row: RequestRepository stores it with the request. */
export interface PendingEvidence {
  readonly sealed: { sha256: string; size: number };
  readonly originalHeader: Uint8Array;
  /** The armor layout as stored JSON, or null for a binary original. */
  readonly armor: string | null;
  readonly keptSize: number;
  readonly plaintextSize: number;
  /** Exactly one of the two: the kept file's bytes (small), or its partial file (large). */
  readonly content: Buffer | null;
  readonly partial: PartialEvidenceFile | null;
}

const SEALED_CHUNK_SIZE = CHUNK_SIZE + POLY1305_TAG_LENGTH;

export class EvidenceWriter implements AgeKeeper {
  #original: Uint8Array | undefined;
  #keptHeaderLength = 0;
  #armored = false;
  readonly #pieces: Uint8Array[] = [];
  #size = 0;
  readonly #partial: PartialEvidenceFile | null;
  #done = false;

  constructor(
    private readonly storeKey: Uint8Array,
    private readonly random: (length: number) => Uint8Array,
    /** Where a large one goes; null keeps it in memory for its row. */
    partial: PartialEvidenceFile | null,
  ) {
    this.#partial = partial;
  }

  header(original: Uint8Array, fileKey: Uint8Array, armored: boolean): void {
    if (this.#original !== undefined) throw new StoreError("an evidence writer keeps one bundle");
    this.#original = Uint8Array.from(original);
    this.#armored = armored;
    const kept = storeHeaderFor(this.storeKey, fileKey, this.random);
    this.#keptHeaderLength = kept.length;
    this.#write(kept);
  }

  payload(bytes: Uint8Array): void {
    this.#write(bytes);
  }

  #write(bytes: Uint8Array): void {
    if (this.#done) throw new StoreError("this evidence writer is finished");
    this.#size += bytes.length;
    if (this.#partial) this.#partial.write(bytes);
    else this.#pieces.push(bytes);
  }

  /** The kept file so far, to read back (a manifest's other digests are taken from it during the import). */
  #source(): RandomAccessBytes {
    if (this.#partial) return this.#partial.reader();
    const whole = Buffer.concat(this.#pieces, this.#size);
    this.#pieces.splice(0, this.#pieces.length, whole);
    return { size: whole.length, read: (position, length) => whole.subarray(position, position + length) };
  }

  /** The plaintext range `offset`+`length`, read back from what was kept. */
  *readPlaintext(offset: number, length: number): Generator<Uint8Array, void, undefined> {
    const kept = openKeptAgeFile(this.#source(), this.storeKey);
    try {
      yield* kept.range(offset, length);
    } finally {
      kept.close();
    }
  }

  /**
   * Ends the writing. Checks that the original is rebuilt byte for byte from what is kept (its
   * size; for an armored one its digest, since only a consistent line end has a layout), and
   * answers what the row needs. Throws EvidenceDamagedError when it cannot be rebuilt.
   */
  finish(sealed: SealedFacts): PendingEvidence {
    const original = this.#original;
    if (original === undefined) throw new StoreError("the evidence writer saw no age header");
    const source = this.#source();
    const plaintextSize = keptPlaintextSize(source.size, this.#keptHeaderLength);
    this.#done = true;
    let armor: string | null = null;
    if (this.#armored) armor = this.#armorOf(sealed, original, source);
    else if (original.length + this.#size - this.#keptHeaderLength !== sealed.size) {
      throw new EvidenceDamagedError(`the kept bundle (${this.#size} bytes) does not add up to the sealed file's ${sealed.size} bytes`);
    }
    return {
      sealed: { sha256: sealed.sha256, size: sealed.size },
      originalHeader: original,
      armor,
      keptSize: this.#size,
      plaintextSize,
      content: this.#partial ? null : (this.#pieces[0] as Buffer | undefined) ?? Buffer.alloc(0),
      partial: this.#partial,
    };
  }

  #armorOf(sealed: SealedFacts, original: Uint8Array, source: RandomAccessBytes): string {
    const layout = armorLayoutOf(sealed.head, sealed.tail);
    if (layout === null) throw new EvidenceDamagedError("the armored bundle's markers were not found where the armor allows them");
    const hash = createSha256();
    for (const piece of armorWithLayout(originalPieces(original, source, this.#keptHeaderLength), layout)) hash.update(piece);
    if (hash.digest("hex") !== sealed.sha256) {
      throw new EvidenceDamagedError(
        "the armored bundle cannot be kept byte for byte: its lines do not all end alike (LF or CRLF); send it binary or re-armored with age -a",
      );
    }
    return formatArmorLayout(layout);
  }

  /** Removes what was written (the import rolled back before the row was stored). */
  discard(): void {
    this.#done = true;
    this.#pieces.length = 0;
    this.#partial?.discard();
  }
}

/** Bytes of plaintext in a kept file of `size` bytes: its payload less the nonce and a tag per 64 KiB chunk. */
export function keptPlaintextSize(size: number, headerLength: number): number {
  const sealedBytes = size - headerLength - PAYLOAD_NONCE_LENGTH;
  return sealedBytes - Math.max(1, Math.ceil(sealedBytes / SEALED_CHUNK_SIZE)) * POLY1305_TAG_LENGTH;
}

/** The original binary age file: its own header, then the kept payload. */
export function* originalPieces(originalHeader: Uint8Array, kept: RandomAccessBytes, keptHeaderLength: number): Generator<Uint8Array> {
  yield originalHeader;
  const step = 1024 * 1024;
  for (let at = keptHeaderLength; at < kept.size; at += step) yield kept.read(at, Math.min(step, kept.size - at));
}
