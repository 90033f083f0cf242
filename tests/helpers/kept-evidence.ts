// A kept bundle for store tests that insert requests without importing one: an age file over
// the given plaintext (the "tar stream"), made synchronously and kept through the store's own
// evidence writer, exactly as an import keeps what it decrypts.
import { createHash } from "node:crypto";
import { deriveKey, encodeAgeHeader } from "../../electron/core/crypto/age-header.js";
import { CHUNK_SIZE } from "../../electron/core/crypto/age-stream.js";
import { wrapX25519Stanza } from "../../electron/core/crypto/age-x25519.js";
import { ChaCha20Poly1305Session } from "../../electron/core/crypto/chacha20-poly1305.js";
import type { PendingEvidence, Store } from "../../electron/core/store/index.js";

let made = 0;

const seeded = (label: string, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let at = 0, block = 0; at < length; block += 1) {
    const digest = createHash("sha256").update(`${label}/${block}`).digest();
    out.set(digest.subarray(0, Math.min(digest.length, length - at)), at);
    at += digest.length;
  }
  return out;
};

/** A binary age file of `plaintext` (to an arbitrary recipient) and the file key it was sealed with. */
export function sealForTest(plaintext: Uint8Array, label: string): { sealed: Buffer; header: Uint8Array; fileKey: Uint8Array } {
  const fileKey = seeded(`${label}/file-key`, 16);
  const header = encodeAgeHeader([wrapX25519Stanza(seeded(`${label}/recipient`, 32), fileKey, (n) => seeded(`${label}/ephemeral`, n))], fileKey);
  const nonce = seeded(`${label}/nonce`, 16);
  const session = new ChaCha20Poly1305Session(deriveKey(fileKey, nonce, "payload"));
  const chunks: Uint8Array[] = [header, nonce];
  const chunkNonce = new Uint8Array(12);
  const count = Math.max(1, Math.ceil(plaintext.length / CHUNK_SIZE));
  for (let i = 0; i < count; i++) {
    new DataView(chunkNonce.buffer).setUint32(7, i);
    chunkNonce[11] = i === count - 1 ? 1 : 0;
    chunks.push(session.seal(chunkNonce, plaintext.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)));
  }
  session.dispose();
  return { sealed: Buffer.concat(chunks), header, fileKey };
}

/** Keeps `plaintext` as a bundle would be kept; pass the result as a revision's `evidence`. */
export function keptEvidence(store: Store, plaintext: Uint8Array = seeded(`plaintext-${made}`, 3000)): PendingEvidence {
  made += 1;
  const { sealed, header, fileKey } = sealForTest(plaintext, `kept-${made}`);
  const writer = store.evidence.createWriter(sealed.length);
  writer.header(header, fileKey, false);
  writer.payload(sealed.subarray(header.length));
  const sha256 = createHash("sha256").update(sealed).digest("hex");
  return writer.finish({ sha256, size: sealed.length, head: sealed.subarray(0, 2048), tail: sealed.subarray(-2048) });
}

/** An attachment input over `plaintext[offset, offset + size)`. */
export function attachmentIn(plaintext: Uint8Array, path: string, offset: number, size: number) {
  const sha256 = createHash("sha256").update(plaintext.subarray(offset, offset + size)).digest("hex");
  return { path, title: path, mediaType: "application/octet-stream", offset, size, sha256 };
}
