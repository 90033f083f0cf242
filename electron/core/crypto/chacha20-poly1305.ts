// ChaCha20-Poly1305 AEAD (RFC 8439, 96-bit nonce, no associated data), as age uses it, on the
// WebAssembly module of chacha20-poly1305-wasm.ts. Runs unchanged in Node and in Electron,
// whose BoringSSL has no chacha20-poly1305 cipher.
import { LAYOUT, chaChaPolyModule } from "./chacha20-poly1305-wasm.js";
import type { ChaChaPolyExports } from "./chacha20-poly1305-wasm.js";

export const CHACHA_KEY_LENGTH = 32;
export const CHACHA_NONCE_LENGTH = 12;
export const POLY1305_TAG_LENGTH = 16;
/** The longest message the module's buffer takes: one age STREAM chunk. */
export const MAX_MESSAGE_LENGTH = 64 * 1024;

const pad16 = (length: number): number => (length + 15) & ~15;

/**
 * A copy of `length` bytes at `offset`, as a plain Uint8Array that owns its whole ArrayBuffer.
 * Buffer.allocUnsafeSlow skips the zero-filling that `slice` does before every byte is
 * overwritten anyway, and unlike allocUnsafe never hands out a slice of a shared pool.
 */
function copyOut(memory: Uint8Array, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length);
  out.set(memory.subarray(offset, offset + length));
  return out;
}

/**
 * One key, used for many messages. Every call copies the key, nonce and message into the
 * shared module memory, works in place, copies the result out and wipes the key material,
 * all synchronously: interleaved streams cannot see each other's state.
 */
export class ChaCha20Poly1305Session {
  readonly #module: ChaChaPolyExports;
  readonly #memory: Uint8Array;
  readonly #key: Uint8Array;
  #disposed = false;

  constructor(key: Uint8Array) {
    if (key.length !== CHACHA_KEY_LENGTH) throw new RangeError("a ChaCha20-Poly1305 key is 32 bytes");
    this.#module = chaChaPolyModule();
    this.#memory = new Uint8Array(this.#module.memory.buffer);
    this.#key = Uint8Array.from(key);
  }

  #load(nonce: Uint8Array, pieces: readonly Uint8Array[]): number {
    if (this.#disposed) throw new Error("the ChaCha20-Poly1305 session was disposed");
    if (nonce.length !== CHACHA_NONCE_LENGTH) throw new RangeError("a ChaCha20-Poly1305 nonce is 12 bytes");
    let length = 0;
    for (const piece of pieces) length += piece.length;
    if (length > MAX_MESSAGE_LENGTH + POLY1305_TAG_LENGTH) throw new RangeError("message longer than 64 KiB");
    const memory = this.#memory;
    memory.set(this.#key, LAYOUT.key);
    memory.set(nonce, LAYOUT.nonce);
    let offset = LAYOUT.data;
    for (const piece of pieces) {
      memory.set(piece, offset);
      offset += piece.length;
    }
    return length;
  }

  /** Writes the tag of the `length`-byte ciphertext at LAYOUT.data to LAYOUT.tagOut. */
  #tag(length: number): void {
    const memory = this.#memory;
    const padded = LAYOUT.data + pad16(length);
    // MAC input: ciphertext, zero padding to 16, then le64(AD length = 0) || le64(length).
    memory.fill(0, LAYOUT.data + length, padded + 16);
    new DataView(memory.buffer).setUint32(padded + 8, length, true);
    // The one-time key is the first 32 bytes of keystream block 0.
    memory.fill(0, LAYOUT.polyKeyBlock, LAYOUT.polyKeyBlock + 256);
    this.#module.chacha20_xor(LAYOUT.polyKeyBlock, 1, 0);
    this.#module.poly1305(LAYOUT.data, pad16(length) / 16 + 1, LAYOUT.polyKeyBlock, LAYOUT.tagOut);
  }

  #crypt(length: number): void {
    this.#module.chacha20_xor(LAYOUT.data, Math.ceil(length / 256), 1);
  }

  #wipeKeys(): void {
    this.#memory.fill(0, 0, LAYOUT.data);
  }

  /** Authenticates and decrypts ciphertext||tag, given whole or in pieces; null when authentication fails. */
  open(nonce: Uint8Array, sealed: Uint8Array | readonly Uint8Array[]): Uint8Array | null {
    const sealedLength = this.#load(nonce, sealed instanceof Uint8Array ? [sealed] : sealed);
    if (sealedLength < POLY1305_TAG_LENGTH) {
      this.#wipeKeys();
      return null;
    }
    const length = sealedLength - POLY1305_TAG_LENGTH;
    const memory = this.#memory;
    try {
      memory.copyWithin(LAYOUT.tagIn, LAYOUT.data + length, LAYOUT.data + sealedLength);
      this.#tag(length);
      let difference = 0;
      for (let i = 0; i < POLY1305_TAG_LENGTH; i++) difference |= (memory[LAYOUT.tagIn + i] ?? 0) ^ (memory[LAYOUT.tagOut + i] ?? 0);
      if (difference !== 0) return null;
      this.#crypt(length);
      return copyOut(memory, LAYOUT.data, length);
    } finally {
      this.#wipeKeys();
    }
  }

  /** Encrypts and returns ciphertext||tag. */
  seal(nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
    if (plaintext.length > MAX_MESSAGE_LENGTH) throw new RangeError("message longer than 64 KiB");
    const length = this.#load(nonce, [plaintext]);
    const memory = this.#memory;
    try {
      this.#crypt(length);
      const out = copyOut(memory, LAYOUT.data, length + POLY1305_TAG_LENGTH);
      this.#tag(length);
      out.set(memory.subarray(LAYOUT.tagOut, LAYOUT.tagOut + POLY1305_TAG_LENGTH), length);
      return out;
    } finally {
      this.#wipeKeys();
    }
  }

  /** Forgets the key. Idempotent. */
  dispose(): void {
    this.#key.fill(0);
    this.#disposed = true;
  }
}

/** One-shot open, for small messages such as wrapped file keys. */
export function chaCha20Poly1305Open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  const session = new ChaCha20Poly1305Session(key);
  try {
    return session.open(nonce, sealed);
  } finally {
    session.dispose();
  }
}

/** One-shot seal, for small messages such as wrapped file keys. */
export function chaCha20Poly1305Seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const session = new ChaCha20Poly1305Session(key);
  try {
    return session.seal(nonce, plaintext);
  } finally {
    session.dispose();
  }
}
