// The part of sodium-native (libsodium's native N-API binding) that Counterseal calls. The
// published @types/sodium-native predates the IETF ChaCha20-Poly1305 functions, so the few
// signatures we use are declared here, as sodium-native 5 documents them.
declare module "sodium-native" {
  /** Writes ciphertext||tag into `ciphertext` (message length + 16); returns the bytes written. */
  export function crypto_aead_chacha20poly1305_ietf_encrypt(
    ciphertext: Uint8Array,
    message: Uint8Array,
    additionalData: Uint8Array | null,
    nsec: null,
    nonce: Uint8Array,
    key: Uint8Array,
  ): number;
  /** Verifies the tag, then writes the plaintext into `message` (ciphertext length − 16); throws when verification fails, leaving `message` untouched. */
  export function crypto_aead_chacha20poly1305_ietf_decrypt(
    message: Uint8Array,
    nsec: null,
    ciphertext: Uint8Array,
    additionalData: Uint8Array | null,
    nonce: Uint8Array,
    key: Uint8Array,
  ): number;
  /** X25519 public key of a (clamped) scalar. */
  export function crypto_scalarmult_base(publicKey: Uint8Array, secretKey: Uint8Array): void;
  /** X25519 shared secret; throws when the result is all zeros (a low-order peer point). */
  export function crypto_scalarmult(shared: Uint8Array, secretKey: Uint8Array, peerPublicKey: Uint8Array): void;
  /** Ed25519 key pair from a 32-byte seed; the secret key is seed || public key (64 bytes). */
  export function crypto_sign_seed_keypair(publicKey: Uint8Array, secretKey: Uint8Array, seed: Uint8Array): void;
  export function crypto_sign_detached(signature: Uint8Array, message: Uint8Array, secretKey: Uint8Array): void;
  /** False for a bad signature, a malformed or small-order key, or a non-canonical signature. */
  export function crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  /** One-shot BLAKE2b with the output's length (16 to 64 bytes) and an optional key. */
  export function crypto_generichash(output: Uint8Array, input: Uint8Array, key?: Uint8Array | null): void;
  /** The size of a BLAKE2b state for crypto_generichash_init/update/final. */
  export const crypto_generichash_STATEBYTES: number;
  export function crypto_generichash_init(state: Uint8Array, key: Uint8Array | null, outputLength: number): void;
  export function crypto_generichash_update(state: Uint8Array, input: Uint8Array): void;
  export function crypto_generichash_final(state: Uint8Array, output: Uint8Array): void;
  /** Overwrites the buffer with zeros in a way the compiler cannot optimise away. */
  export function sodium_memzero(buffer: Uint8Array): void;
}
