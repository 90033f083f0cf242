// age's payload: STREAM over ChaCha20-Poly1305. The plaintext is cut into 64 KiB chunks; chunk
// i is sealed with nonce = 11-byte big-endian i || (1 if last else 0). Only the last chunk may
// be short, and it may be empty only when the whole payload is.
import { ageCorrupt } from "./age-errors.js";
import type { ByteReader } from "./byte-reader.js";
import { CHACHA_NONCE_LENGTH, ChaCha20Poly1305Session, POLY1305_TAG_LENGTH } from "./chacha20-poly1305.js";

export const CHUNK_SIZE = 64 * 1024;
export const PAYLOAD_NONCE_LENGTH = 16;
const SEALED_CHUNK_SIZE = CHUNK_SIZE + POLY1305_TAG_LENGTH;

function setChunkNonce(nonce: Uint8Array, counter: number, last: boolean): Uint8Array {
  const view = new DataView(nonce.buffer, nonce.byteOffset, nonce.byteLength);
  view.setUint32(3, Math.floor(counter / 2 ** 32));
  view.setUint32(7, counter >>> 0);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * Releases each chunk's plaintext only once that chunk has authenticated. A failure after
 * some chunks were released means the file is damaged: callers must discard what they got.
 */
export async function* decryptPayload(
  payloadKey: Uint8Array,
  reader: ByteReader,
  keep?: (sealedPiece: Uint8Array) => void,
): AsyncGenerator<Uint8Array> {
  const session = new ChaCha20Poly1305Session(payloadKey);
  const nonce = new Uint8Array(CHACHA_NONCE_LENGTH);
  try {
    for (let counter = 0; ; counter++) {
      // Pieces, not one buffer: a chunk that straddles two reads is joined once, in the session.
      const sealed = await reader.readPieces(SEALED_CHUNK_SIZE);
      let sealedLength = 0;
      for (const piece of sealed) {
        sealedLength += piece.length;
        keep?.(piece);
      }
      if (sealedLength === 0) {
        throw ageCorrupt(counter === 0 ? "the age file has no payload: it was cut after the header" : "the age payload is truncated: its final chunk is missing");
      }
      if (sealedLength < POLY1305_TAG_LENGTH) throw ageCorrupt(`the age payload is truncated inside chunk ${counter + 1}`);
      // A full-size chunk is the last one only if nothing follows it.
      const last = sealedLength < SEALED_CHUNK_SIZE || (await reader.atEnd());
      if (last && sealedLength === POLY1305_TAG_LENGTH && counter > 0) {
        throw ageCorrupt("the age payload ends with an empty chunk, which age never writes");
      }
      const plaintext = session.open(setChunkNonce(nonce, counter, last), sealed);
      if (plaintext !== null) {
        yield plaintext;
        if (last) return;
        continue;
      }
      // A full-size chunk that authenticates with the other flag: release it, as age does, then
      // report what is wrong (a final chunk with bytes after it, or a file cut after a chunk).
      if (sealedLength === SEALED_CHUNK_SIZE) {
        const other = session.open(setChunkNonce(nonce, counter, !last), sealed);
        if (other !== null) {
          yield other;
          throw ageCorrupt(
            last ? "the age payload is truncated: its final chunk is missing" : "the age file has data after its final chunk",
          );
        }
      }
      throw ageCorrupt(`age payload chunk ${counter + 1} failed authentication: the file is damaged or was altered`);
    }
  } finally {
    session.dispose();
  }
}

export async function* encryptPayload(payloadKey: Uint8Array, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const session = new ChaCha20Poly1305Session(payloadKey);
  const nonce = new Uint8Array(CHACHA_NONCE_LENGTH);
  const pending = new Uint8Array(CHUNK_SIZE);
  let filled = 0;
  let counter = 0;
  try {
    for await (const input of source) {
      let offset = 0;
      while (offset < input.length) {
        // A full chunk is sealed only once more data shows it is not the last one.
        if (filled === CHUNK_SIZE) {
          yield session.seal(setChunkNonce(nonce, counter++, false), pending);
          filled = 0;
        }
        const take = Math.min(CHUNK_SIZE - filled, input.length - offset);
        pending.set(input.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
      }
    }
    yield session.seal(setChunkNonce(nonce, counter, true), pending.subarray(0, filled));
  } finally {
    pending.fill(0);
    session.dispose();
  }
}
