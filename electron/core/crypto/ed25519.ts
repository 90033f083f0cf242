// Ed25519 through libsodium (sodium-native): the implementation minisign itself uses, so a
// signature verifies here exactly when `minisign -V` accepts it (libsodium refuses
// non-canonical encodings and small-order points that some other verifiers let through).
import sodium from "sodium-native";

export const ED25519_SEED_LENGTH = 32;
export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;
/** libsodium's secret key: the seed followed by the public key. */
const SECRET_KEY_LENGTH = 64;

function keyPairFromSeed(seed: Uint8Array): { publicKey: Uint8Array; secretKey: Uint8Array } {
  if (seed.length !== ED25519_SEED_LENGTH) throw new RangeError("an Ed25519 seed is 32 bytes");
  const publicKey = new Uint8Array(ED25519_PUBLIC_KEY_LENGTH);
  const secretKey = new Uint8Array(SECRET_KEY_LENGTH);
  sodium.crypto_sign_seed_keypair(publicKey, secretKey, seed);
  return { publicKey, secretKey };
}

export function ed25519PublicKeyFromSeed(seed: Uint8Array): Uint8Array {
  const { publicKey, secretKey } = keyPairFromSeed(seed);
  secretKey.fill(0);
  return publicKey;
}

export function ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  const { secretKey } = keyPairFromSeed(seed);
  try {
    const signature = new Uint8Array(ED25519_SIGNATURE_LENGTH);
    sodium.crypto_sign_detached(signature, message, secretKey);
    return signature;
  } finally {
    secretKey.fill(0);
  }
}

/** False for a bad signature and also for a public key that is not a valid point. */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== ED25519_SIGNATURE_LENGTH || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false;
  return sodium.crypto_sign_verify_detached(signature, message, publicKey);
}
