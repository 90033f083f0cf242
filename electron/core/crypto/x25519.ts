// X25519 through node:crypto (present in Electron's BoringSSL too). OpenSSL and BoringSSL
// clamp the scalar themselves, as age expects.
import { diffieHellman } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { isAllZero } from "./bytes.js";
import { okpPrivateKey, okpPublicKey, okpRawPublicKey } from "./okp-keys.js";

export const X25519_KEY_LENGTH = 32;

/** An X25519 secret scalar, parsed once so that many stanzas can be tried with it cheaply. */
export interface X25519PrivateKey {
  readonly keyObject: KeyObject;
  readonly publicKey: Uint8Array;
}

export function x25519PrivateKey(scalar: Uint8Array): X25519PrivateKey {
  const keyObject = okpPrivateKey("X25519", scalar);
  return { keyObject, publicKey: okpRawPublicKey(keyObject) };
}

/**
 * The shared secret, or null when the peer's point is of low order (the result would be all
 * zeros, which age forbids). OpenSSL refuses to derive in that case; other builds return zeros.
 */
export function x25519SharedSecret(privateKey: X25519PrivateKey, peerPublicKey: Uint8Array): Uint8Array | null {
  const peer = okpPublicKey("X25519", peerPublicKey);
  let shared: Uint8Array;
  try {
    shared = new Uint8Array(diffieHellman({ privateKey: privateKey.keyObject, publicKey: peer }));
  } catch {
    return null;
  }
  return isAllZero(shared) ? null : shared;
}
