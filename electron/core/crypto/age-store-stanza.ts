// The store's own age recipient: a kept bundle's file key is re-wrapped to a 32-byte key that
// lives only inside the encrypted database, so a kept file is no weaker at rest than the
// database (the office's age identity, which other machines may hold, no longer opens it).
//
//   -> counterseal-store-v1 base64(16-byte salt)
//   base64(ChaCha20-Poly1305(HKDF-SHA256(store key, salt, label), zero nonce, file key))
//
// A symmetric wrap, not X25519: the store wraps and unwraps for itself, so an ephemeral key
// agreement (two scalar multiplications per bundle) would buy nothing. The per-stanza salt
// gives every wrap its own key, as age's X25519 stanza does with its ephemeral share. Only the
// header changes; the payload (nonce and chunks) is kept byte for byte, so the header the
// bundle arrived with is all it takes to rebuild the original.
import { encodeAgeHeader, deriveKey, type AgeHeader, type Stanza } from "./age-header.js";
import { FILE_KEY_LENGTH } from "./age-x25519.js";
import { decodeBase64UnpaddedStrict, encodeBase64Unpadded } from "./base64.js";
import { concatBytes, utf8 } from "./bytes.js";
import { CHACHA_NONCE_LENGTH, POLY1305_TAG_LENGTH, chaCha20Poly1305Open, chaCha20Poly1305Seal } from "./chacha20-poly1305.js";
import { randomExactly, type RandomSource } from "./random.js";
import { wipe } from "./x25519.js";

export const STORE_STANZA_TYPE = "counterseal-store-v1";
const LABEL = "counterseal.org/store/v1/file-key";
export const STORE_KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const ZERO_NONCE = new Uint8Array(CHACHA_NONCE_LENGTH);

function checkStoreKey(storeKey: Uint8Array): void {
  if (storeKey.length !== STORE_KEY_LENGTH) throw new RangeError("a store key is 32 bytes");
}

export function wrapStoreStanza(storeKey: Uint8Array, fileKey: Uint8Array, random: RandomSource): Stanza {
  checkStoreKey(storeKey);
  const salt = randomExactly(random, SALT_LENGTH);
  const wrapKey = deriveKey(storeKey, salt, LABEL);
  const body = chaCha20Poly1305Seal(wrapKey, ZERO_NONCE, fileKey);
  wipe(wrapKey);
  return { type: STORE_STANZA_TYPE, args: [encodeBase64Unpadded(salt)], body };
}

/** The file key, or null when the stanza is not the store's or does not open with this key. */
export function unwrapStoreStanza(storeKey: Uint8Array, stanza: Stanza): Uint8Array | null {
  checkStoreKey(storeKey);
  if (stanza.type !== STORE_STANZA_TYPE || stanza.args.length !== 1) return null;
  const salt = decodeBase64UnpaddedStrict(stanza.args[0] ?? "");
  if (salt === null || salt.length !== SALT_LENGTH || stanza.body.length !== FILE_KEY_LENGTH + POLY1305_TAG_LENGTH) return null;
  const wrapKey = deriveKey(storeKey, salt, LABEL);
  const fileKey = chaCha20Poly1305Open(wrapKey, ZERO_NONCE, stanza.body);
  wipe(wrapKey);
  return fileKey;
}

/** The header the store keeps in front of a bundle's payload: one store stanza, MAC'd with the same file key. */
export function storeHeaderFor(storeKey: Uint8Array, fileKey: Uint8Array, random: RandomSource): Uint8Array {
  return encodeAgeHeader([wrapStoreStanza(storeKey, fileKey, random)], fileKey);
}

/**
 * The header exactly as it was read. Parsing is strict (canonical base64, one MAC line form),
 * so the MAC input and the MAC give back every byte of it.
 */
export function encodeParsedHeader(header: AgeHeader): Uint8Array {
  return concatBytes(header.macInput, utf8(` ${encodeBase64Unpadded(header.mac)}\n`));
}
