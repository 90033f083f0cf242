// age X25519 keys: identities "AGE-SECRET-KEY-1…" and recipients "age1…" (Bech32 of 32 bytes).
import { CoreError } from "../errors.js";
import { bech32Decode, bech32Encode } from "./bech32.js";
import { randomExactly, systemRandom } from "./random.js";
import type { RandomSource } from "./random.js";
import { wipe, X25519_KEY_LENGTH, x25519PrivateKey } from "./x25519.js";

const IDENTITY_HRP = "AGE-SECRET-KEY-";
const HYBRID_IDENTITY_HRP = "AGE-SECRET-KEY-PQ-";
const RECIPIENT_HRP = "age";

/** A malformed age identity or recipient, or an identity file with a bad line. */
export class AgeKeyError extends CoreError {
  override readonly name = "AgeKeyError";
  override readonly code = "invalid-age-identity";
}

/** The 32-byte X25519 scalar of an identity; throws AgeKeyError for anything else. */
export function decodeAgeIdentity(identity: string): Uint8Array {
  const decoded = bech32Decode(identity);
  if (decoded?.hrp === HYBRID_IDENTITY_HRP) {
    throw new AgeKeyError("post-quantum hybrid age identities (AGE-SECRET-KEY-PQ-1…) are not supported");
  }
  if (decoded === null || decoded.hrp !== IDENTITY_HRP || decoded.data.length !== X25519_KEY_LENGTH) {
    throw new AgeKeyError("not an age X25519 identity (AGE-SECRET-KEY-1…)");
  }
  return decoded.data;
}

/** The 32-byte X25519 public key of a recipient; throws AgeKeyError for anything else. */
export function decodeAgeRecipient(recipient: string): Uint8Array {
  const decoded = bech32Decode(recipient);
  if (decoded === null || decoded.hrp !== RECIPIENT_HRP || decoded.data.length !== X25519_KEY_LENGTH) {
    throw new AgeKeyError(`"${recipient}" is not an age X25519 recipient (age1…)`);
  }
  return decoded.data;
}

export function isAgeRecipient(text: string): boolean {
  try {
    decodeAgeRecipient(text);
    return true;
  } catch {
    return false;
  }
}

export function encodeAgeRecipient(publicKey: Uint8Array): string {
  return bech32Encode(RECIPIENT_HRP, publicKey, false);
}

/** A new identity, upper-case as age-keygen writes it. */
export function generateAgeIdentity(random: RandomSource = systemRandom): string {
  return bech32Encode(IDENTITY_HRP, randomExactly(random, X25519_KEY_LENGTH), true);
}

/** The recipient (public key) that encrypts to `identity`, as `age-keygen -y` prints it. */
export function ageRecipientOf(identity: string): string {
  const scalar = decodeAgeIdentity(identity);
  const key = x25519PrivateKey(scalar);
  wipe(scalar, key.scalar);
  return encodeAgeRecipient(key.publicKey);
}

/**
 * The identities in an age identity file (age-keygen's output): one per line, `#` comments
 * and blank lines skipped. A bad line is an error naming its number; a file without any
 * identity is an error too.
 */
export function parseAgeIdentityFile(text: string): string[] {
  const identities: string[] = [];
  text.split("\n").forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) return;
    try {
      decodeAgeIdentity(line);
    } catch (error) {
      const reason = error instanceof AgeKeyError ? error.message : String(error);
      throw new AgeKeyError(`age identity file, line ${index + 1}: ${reason}`);
    }
    identities.push(line);
  });
  if (identities.length === 0) throw new AgeKeyError("the age identity file contains no identity");
  return identities;
}
