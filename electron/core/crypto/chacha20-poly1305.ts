// ChaCha20-Poly1305 AEAD (RFC 8439, 96-bit nonce, no associated data), as age uses it, from
// libsodium's native build (sodium-native: a prebuilt N-API addon, so the same binary loads in
// Node and in Electron, whose BoringSSL has no chacha20-poly1305 cipher). It runs at about
// 1.2 GB/s here, against 0.33 GB/s for libsodium's WebAssembly build: docs/performance.md.
import sodium from "sodium-native";

export const CHACHA_KEY_LENGTH = 32;
export const CHACHA_NONCE_LENGTH = 12;
export const POLY1305_TAG_LENGTH = 16;
/** The longest message a session takes: one age STREAM chunk. */
export const MAX_MESSAGE_LENGTH = 64 * 1024;

/** One key, used for many messages (the chunks of an age payload). */
export class ChaCha20Poly1305Session {
  readonly #key: Buffer;
  /** Where a message given in pieces is joined: made on first need, reused, wiped on dispose. */
  #joined: Buffer | undefined;
  #disposed = false;

  constructor(key: Uint8Array) {
    if (key.length !== CHACHA_KEY_LENGTH) throw new RangeError("a ChaCha20-Poly1305 key is 32 bytes");
    this.#key = Buffer.from(key);
  }

  #check(nonce: Uint8Array, length: number): void {
    if (this.#disposed) throw new Error("the ChaCha20-Poly1305 session was disposed");
    if (nonce.length !== CHACHA_NONCE_LENGTH) throw new RangeError("a ChaCha20-Poly1305 nonce is 12 bytes");
    if (length > MAX_MESSAGE_LENGTH + POLY1305_TAG_LENGTH) throw new RangeError("message longer than 64 KiB");
  }

  #join(pieces: readonly Uint8Array[]): Uint8Array {
    if (pieces.length === 1 && pieces[0] !== undefined) return pieces[0];
    let length = 0;
    for (const piece of pieces) length += piece.length;
    if (length > MAX_MESSAGE_LENGTH + POLY1305_TAG_LENGTH) throw new RangeError("message longer than 64 KiB");
    const joined = (this.#joined ??= Buffer.alloc(MAX_MESSAGE_LENGTH + POLY1305_TAG_LENGTH));
    let offset = 0;
    for (const piece of pieces) {
      joined.set(piece, offset);
      offset += piece.length;
    }
    return joined.subarray(0, length);
  }

  /** Authenticates and decrypts ciphertext||tag, given whole or in pieces; null when authentication fails. */
  open(nonce: Uint8Array, sealed: Uint8Array | readonly Uint8Array[]): Uint8Array | null {
    const whole = sealed instanceof Uint8Array ? sealed : this.#join(sealed);
    this.#check(nonce, whole.length);
    if (whole.length < POLY1305_TAG_LENGTH) return null;
    // A buffer of its own per message (never a slice of Node's shared pool): the caller may keep
    // it while later chunks are opened, and hand its .buffer on.
    const plaintext = unpooled(whole.length - POLY1305_TAG_LENGTH);
    try {
      sodium.crypto_aead_chacha20poly1305_ietf_decrypt(plaintext, null, whole, null, nonce, this.#key);
    } catch {
      // libsodium checks the tag before it decrypts, so nothing of the message was written.
      return null;
    }
    return plaintext;
  }

  /** Encrypts and returns ciphertext||tag. */
  seal(nonce: Uint8Array, plaintext: Uint8Array): Uint8Array {
    if (plaintext.length > MAX_MESSAGE_LENGTH) throw new RangeError("message longer than 64 KiB");
    this.#check(nonce, plaintext.length);
    const sealed = unpooled(plaintext.length + POLY1305_TAG_LENGTH);
    sodium.crypto_aead_chacha20poly1305_ietf_encrypt(sealed, plaintext, null, null, nonce, this.#key);
    return sealed;
  }

  /** Forgets the key. Idempotent. */
  dispose(): void {
    this.#key.fill(0);
    this.#joined?.fill(0);
    this.#disposed = true;
  }
}

/** Uninitialised memory is fine: libsodium overwrites all of it, or the buffer is dropped. */
function unpooled(length: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(length);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
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
