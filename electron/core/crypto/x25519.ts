// X25519 through libsodium (sodium-native). libsodium clamps the scalar itself, as age expects,
// and refuses a peer point of low order, whose shared secret would be all zeros.
import sodium from "sodium-native";

export const X25519_KEY_LENGTH = 32;

/** An X25519 secret scalar with its public key, computed once so that many stanzas can be tried with it. */
export interface X25519PrivateKey {
  readonly scalar: Uint8Array;
  readonly publicKey: Uint8Array;
}

export function x25519PrivateKey(scalar: Uint8Array): X25519PrivateKey {
  if (scalar.length !== X25519_KEY_LENGTH) throw new RangeError("an X25519 secret key is 32 bytes");
  const publicKey = new Uint8Array(X25519_KEY_LENGTH);
  sodium.crypto_scalarmult_base(publicKey, scalar);
  return { scalar: Uint8Array.from(scalar), publicKey };
}

/**
 * Overwrites secret key material with zeros (libsodium's sodium_memzero) once it is no longer
 * needed. JavaScript strings that held a key (an AGE-SECRET-KEY-1… line) cannot be wiped.
 */
export function wipe(...secrets: Uint8Array[]): void {
  for (const secret of secrets) sodium.sodium_memzero(secret);
}

/** The shared secret, or null when the peer's point is of low order (the result would be all zeros, which age forbids). */
export function x25519SharedSecret(privateKey: X25519PrivateKey, peerPublicKey: Uint8Array): Uint8Array | null {
  if (peerPublicKey.length !== X25519_KEY_LENGTH) throw new RangeError("an X25519 public key is 32 bytes");
  const shared = new Uint8Array(X25519_KEY_LENGTH);
  try {
    sodium.crypto_scalarmult(shared, privateKey.scalar, peerPublicKey);
  } catch {
    return null;
  }
  return shared;
}
