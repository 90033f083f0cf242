// Reads a plaintext range of an age file the store keeps, decrypting only the 64 KiB STREAM
// chunks that hold it. Chunk i of the payload sits at a fixed place (after the header and the
// 16-byte nonce, i × (64 KiB + 16)) and is sealed with nonce i || last-flag, so any range can be
// opened without reading what comes before it: a 20 KB attachment of a 1 GiB bundle costs a
// chunk or two, and a large one streams out one batch of chunks at a time.
import { AgeDecryptError, ageCorrupt } from "./age-errors.js";
import { deriveKey, headerMac, AGE_VERSION_LINE } from "./age-header.js";
import { unwrapStoreStanza, STORE_STANZA_TYPE } from "./age-store-stanza.js";
import { CHUNK_SIZE, PAYLOAD_NONCE_LENGTH } from "./age-stream.js";
import { decodeBase64UnpaddedStrict } from "./base64.js";
import { constantTimeEqual } from "./bytes.js";
import { CHACHA_NONCE_LENGTH, ChaCha20Poly1305Session, POLY1305_TAG_LENGTH } from "./chacha20-poly1305.js";

const SEALED_CHUNK_SIZE = CHUNK_SIZE + POLY1305_TAG_LENGTH;
/** Chunks fetched per read of the source: 1 MiB of plaintext, one system call for a file. */
const CHUNKS_PER_READ = 16;
/** A store header is about 150 bytes; this bounds what is read to find its end. */
const HEADER_PROBE_BYTES = 1024;

/** Bytes that can be read at any position: a file descriptor, or a BLOB held in memory. */
export interface RandomAccessBytes {
  readonly size: number;
  /** Exactly `length` bytes from `position` (fewer only past the end). */
  read(position: number, length: number): Uint8Array;
}

export interface KeptAgeFile {
  /** Bytes of the store's header in front of the payload (the original's header replaces them). */
  readonly headerLength: number;
  /** Bytes of plaintext (the decrypted tar stream). */
  readonly plaintextSize: number;
  /** The plaintext from `offset`, `length` bytes, each piece authenticated before it is yielded. */
  range(offset: number, length: number): Generator<Uint8Array, void, undefined>;
  /** Forgets the payload key. */
  close(): void;
}

function setChunkNonce(nonce: Uint8Array, counter: number, last: boolean): Uint8Array {
  const view = new DataView(nonce.buffer, nonce.byteOffset, nonce.byteLength);
  view.setUint32(3, Math.floor(counter / 2 ** 32));
  view.setUint32(7, counter >>> 0);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * Parses the store's own header (one counterseal-store-v1 stanza, written by storeHeaderFor),
 * unwraps the file key with the store key, checks the header MAC and derives the payload key.
 * Anything else at the start of a kept file is damage: AgeDecryptError("age-corrupt").
 */
export function openKeptAgeFile(source: RandomAccessBytes, storeKey: Uint8Array): KeptAgeFile {
  const probe = Buffer.from(source.read(0, Math.min(source.size, HEADER_PROBE_BYTES)));
  const text = probe.toString("latin1");
  const lines = text.split("\n", 4);
  const [version, stanzaLine, bodyLine, macLine] = lines;
  if (lines.length < 4 || version !== AGE_VERSION_LINE || !stanzaLine?.startsWith(`-> ${STORE_STANZA_TYPE} `) || !macLine?.startsWith("--- ")) {
    throw ageCorrupt("the kept file does not start with the store's age header");
  }
  const macInputLength = version.length + stanzaLine.length + (bodyLine?.length ?? 0) + 3 + 3;
  const headerLength = macInputLength + macLine.length - 3 + 1;
  const body = decodeBase64UnpaddedStrict(bodyLine ?? "");
  const mac = decodeBase64UnpaddedStrict(macLine.slice(4));
  if (body === null || mac === null || headerLength > probe.length) throw ageCorrupt("the kept file's age header is malformed");
  const fileKey = unwrapStoreStanza(storeKey, { type: STORE_STANZA_TYPE, args: stanzaLine.slice(3).split(" ").slice(1), body });
  if (fileKey === null) throw ageCorrupt("the kept file's key does not open with this store's key");
  try {
    if (!constantTimeEqual(headerMac(fileKey, probe.subarray(0, macInputLength)), mac)) {
      throw ageCorrupt("the kept file's age header MAC does not match");
    }
    const payloadStart = headerLength + PAYLOAD_NONCE_LENGTH;
    if (source.size < payloadStart + POLY1305_TAG_LENGTH) throw ageCorrupt("the kept file is truncated");
    const nonce = source.read(headerLength, PAYLOAD_NONCE_LENGTH);
    return new ChunkReader(source, deriveKey(fileKey, nonce, "payload"), headerLength);
  } finally {
    fileKey.fill(0);
  }
}

class ChunkReader implements KeptAgeFile {
  readonly plaintextSize: number;
  readonly #chunkCount: number;
  readonly #session: ChaCha20Poly1305Session;

  private readonly payloadStart: number;

  constructor(
    private readonly source: RandomAccessBytes,
    payloadKey: Uint8Array,
    readonly headerLength: number,
  ) {
    this.payloadStart = headerLength + PAYLOAD_NONCE_LENGTH;
    this.#session = new ChaCha20Poly1305Session(payloadKey);
    payloadKey.fill(0);
    const sealedBytes = source.size - this.payloadStart;
    this.#chunkCount = Math.max(1, Math.ceil(sealedBytes / SEALED_CHUNK_SIZE));
    this.plaintextSize = sealedBytes - this.#chunkCount * POLY1305_TAG_LENGTH;
  }

  *range(offset: number, length: number): Generator<Uint8Array, void, undefined> {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > this.plaintextSize) {
      throw new RangeError(`bytes ${offset}+${length} lie outside the kept plaintext of ${this.plaintextSize} bytes`);
    }
    if (length === 0) return;
    const end = offset + length;
    const nonce = new Uint8Array(CHACHA_NONCE_LENGTH);
    const lastWanted = Math.floor((end - 1) / CHUNK_SIZE);
    for (let first = Math.floor(offset / CHUNK_SIZE); first <= lastWanted; first += CHUNKS_PER_READ) {
      const count = Math.min(CHUNKS_PER_READ, lastWanted - first + 1);
      const position = this.payloadStart + first * SEALED_CHUNK_SIZE;
      const sealed = this.source.read(position, Math.min(count * SEALED_CHUNK_SIZE, this.source.size - position));
      for (let i = 0; i < count; i++) {
        const counter = first + i;
        const piece = sealed.subarray(i * SEALED_CHUNK_SIZE, (i + 1) * SEALED_CHUNK_SIZE);
        const plaintext = this.#session.open(setChunkNonce(nonce, counter, counter === this.#chunkCount - 1), piece);
        if (plaintext === null) throw new AgeDecryptError("age-corrupt", `chunk ${counter + 1} of the kept file failed authentication`);
        const chunkStart = counter * CHUNK_SIZE;
        yield plaintext.subarray(Math.max(0, offset - chunkStart), Math.min(plaintext.length, end - chunkStart));
      }
    }
  }

  close(): void {
    this.#session.dispose();
  }
}
