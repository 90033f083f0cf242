// ChaCha20-Poly1305 AEAD (RFC 8439, 96-bit nonce, no associated data), as age uses it, from
// libsodium compiled to WebAssembly (libsodium-wrappers). It runs unchanged in Node and in
// Electron, whose BoringSSL has no chacha20-poly1305 cipher; node:crypto is faster in Node but
// would pass the tests and fail in the app.
import sodium from "libsodium-wrappers";

// libsodium instantiates its WebAssembly once; every module that encrypts imports this one.
await sodium.ready;

export const CHACHA_KEY_LENGTH = 32;
export const CHACHA_NONCE_LENGTH = 12;
export const POLY1305_TAG_LENGTH = 16;
/** The longest message a session takes: one age STREAM chunk. */
export const MAX_MESSAGE_LENGTH = 64 * 1024;

/** One key, used for many messages (the chunks of an age payload). */
export class ChaCha20Poly1305Session {
  readonly #key: Uint8Array;
  #disposed = false;

  constructor(key: Uint8Array) {
    if (key.length !== CHACHA_KEY_LENGTH) throw new RangeError("a ChaCha20-Poly1305 key is 32 bytes");
    this.#key = Uint8Array.from(key);
  }

  #check(nonce: Uint8Array, length: number): void {
    if (this.#disposed) throw new Error("the ChaCha20-Poly1305 session was disposed");
    if (nonce.length !== CHACHA_NONCE_LENGTH) throw new RangeError("a ChaCha20-Poly1305 nonce is 12 bytes");
    if (length > MAX_MESSAGE_LENGTH + POLY1305_TAG_LENGTH) throw new RangeError("message longer than 64 KiB");
  }

  /** Authenticates and decrypts ciphertext||tag, given whole or in pieces; null when authentication fails. */
  open(nonce: Uint8Array, sealed: Uint8Array | readonly Uint8Array[]): Uint8Array | null {
    const whole = sealed instanceof Uint8Array ? sealed : Buffer.concat(sealed);
    this.#check(nonce, whole.length);
    if (whole.length < POLY1305_TAG_LENGTH) return null;
    try {
      return sodium.crypto_aead_chacha20poly1305_ietf_decrypt(null, whole, null, nonce, this.#key);
    } catch {
      // libsodium signals a failed authentication by throwing; nothing of the message is released.
      return null;
    }
  }

  /** Encrypts and returns ciphertext||tag. */
  seal(nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
    if (plaintext.length > MAX_MESSAGE_LENGTH) throw new RangeError("message longer than 64 KiB");
    this.#check(nonce, plaintext.length);
    return sodium.crypto_aead_chacha20poly1305_ietf_encrypt(plaintext, null, null, nonce, this.#key);
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
