// Ed25519 through node:crypto (present in Electron's BoringSSL too).
import { sign, verify } from "node:crypto";
import { okpPrivateKey, okpPublicKey, okpRawPublicKey } from "./okp-keys.js";

export const ED25519_SEED_LENGTH = 32;
export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

export function ed25519PublicKeyFromSeed(seed: Uint8Array): Uint8Array {
  return okpRawPublicKey(okpPrivateKey("Ed25519", seed));
}

export function ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, okpPrivateKey("Ed25519", seed)));
}

/** False for a bad signature and also for a public key that is not a valid point. */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_LENGTH || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false;
  try {
    return verify(null, message, okpPublicKey("Ed25519", publicKey), signature);
  } catch {
    return false;
  }
}
