// The X25519 recipient stanza of age v1:
//   -> X25519 base64(ephemeral share)
//   base64(ChaCha20-Poly1305(HKDF-SHA256(shared secret, share || recipient, label), file key))
import { ageInvalid } from "./age-errors.js";
import { deriveKey } from "./age-header.js";
import type { Stanza } from "./age-header.js";
import { decodeBase64UnpaddedStrict, encodeBase64Unpadded } from "./base64.js";
import { concatBytes } from "./bytes.js";
import { CHACHA_NONCE_LENGTH, POLY1305_TAG_LENGTH, chaCha20Poly1305Open, chaCha20Poly1305Seal } from "./chacha20-poly1305.js";
import { randomExactly } from "./random.js";
import type { RandomSource } from "./random.js";
import { wipe, X25519_KEY_LENGTH, x25519PrivateKey, x25519SharedSecret } from "./x25519.js";
import type { X25519PrivateKey } from "./x25519.js";

export const FILE_KEY_LENGTH = 16;
const STANZA_TYPE = "X25519";
const LABEL = "age-encryption.org/v1/X25519";
const ZERO_NONCE = new Uint8Array(CHACHA_NONCE_LENGTH);

/**
 * The file key, or null when the stanza is not ours (another type, or another recipient).
 * A malformed X25519 stanza is an error, as in the reference implementation, not a mismatch.
 */
export function unwrapX25519Stanza(identity: X25519PrivateKey, stanza: Stanza): Uint8Array | null {
  if (stanza.type !== STANZA_TYPE) return null;
  if (stanza.args.length !== 1) throw ageInvalid("malformed X25519 stanza: it must have exactly one argument");
  const share = decodeBase64UnpaddedStrict(stanza.args[0] ?? "");
  if (share === null || share.length !== X25519_KEY_LENGTH) {
    throw ageInvalid("malformed X25519 stanza: the share is not 32 bytes of canonical base64");
  }
  if (stanza.body.length !== FILE_KEY_LENGTH + POLY1305_TAG_LENGTH) {
    throw ageInvalid("malformed X25519 stanza: the wrapped file key is not 32 bytes");
  }
  const shared = x25519SharedSecret(identity, share);
  if (shared === null) throw ageInvalid("malformed X25519 stanza: the share is a low-order point");
  const wrapKey = deriveKey(shared, concatBytes(share, identity.publicKey), LABEL);
  wipe(shared);
  const fileKey = chaCha20Poly1305Open(wrapKey, ZERO_NONCE, stanza.body);
  wipe(wrapKey);
  return fileKey;
}

/** Wraps the file key for one recipient; the ephemeral scalar (and the randomness it came from) is wiped after. */
export function wrapX25519Stanza(recipientPublicKey: Uint8Array, fileKey: Uint8Array, random: RandomSource): Stanza {
  const seed = randomExactly(random, X25519_KEY_LENGTH);
  const ephemeral = x25519PrivateKey(seed);
  wipe(seed);
  const share = ephemeral.publicKey;
  const shared = x25519SharedSecret(ephemeral, recipientPublicKey);
  wipe(ephemeral.scalar);
  if (shared === null) throw new Error("the age recipient is a low-order point: refusing to encrypt to it");
  const wrapKey = deriveKey(shared, concatBytes(share, recipientPublicKey), LABEL);
  wipe(shared);
  const body = chaCha20Poly1305Seal(wrapKey, ZERO_NONCE, fileKey);
  wipe(wrapKey);
  return { type: STANZA_TYPE, args: [encodeBase64Unpadded(share)], body };
}
