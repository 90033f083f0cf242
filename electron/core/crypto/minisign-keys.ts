// minisign key material: key ids and public keys (base64 of "Ed" || key id || Ed25519 key).
import { constantTimeEqual, concatBytes } from "./bytes.js";
import { decodeBase64Strict, encodeBase64 } from "./base64.js";
import { ED25519_PUBLIC_KEY_LENGTH, ed25519PublicKeyFromSeed } from "./ed25519.js";
import { MinisignFormatError } from "./minisign-errors.js";
import { UNTRUSTED_COMMENT_PREFIX, stripCommentPrefix } from "./minisign-text.js";
import { randomExactly } from "./random.js";
import type { RandomSource } from "./random.js";

export const KEY_ID_LENGTH = 8;
/** minisign's signature algorithm tag for keys: "Ed". */
export const KEY_ALGORITHM = Uint8Array.of(0x45, 0x64);
const PUBLIC_KEY_BLOB_LENGTH = 2 + KEY_ID_LENGTH + ED25519_PUBLIC_KEY_LENGTH;

export type MinisignPublicKey = {
  /** The 8 key id bytes exactly as stored in key and signature files (little-endian number). */
  keyId: Uint8Array;
  /** The 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
};

export type MinisignKeyPair = MinisignPublicKey & {
  /** 64 bytes, seed || public key, as minisign stores its secret key. */
  secretKey: Uint8Array;
};

export function generateMinisignKeyPair(random: RandomSource): MinisignKeyPair {
  const keyId = randomExactly(random, KEY_ID_LENGTH);
  const seed = randomExactly(random, 32);
  const publicKey = ed25519PublicKeyFromSeed(seed);
  return { keyId, publicKey, secretKey: concatBytes(seed, publicKey) };
}

function keyIdNumber(keyId: Uint8Array): bigint {
  if (keyId.length !== KEY_ID_LENGTH) throw new RangeError("a minisign key id is 8 bytes");
  return new DataView(keyId.buffer, keyId.byteOffset, keyId.byteLength).getBigUint64(0, true);
}

/**
 * The key id as `minisign` (0.11, as packaged in Debian) prints it: upper-case hex of the
 * little-endian 64-bit number, without leading zeros ("%lX"). Newer upstream builds pad to 16
 * digits; parseKeyId accepts both forms.
 */
export function formatKeyId(keyId: Uint8Array): string {
  return keyIdNumber(keyId).toString(16).toUpperCase();
}

/** Parses a printed key id: 1 to 16 hex digits, either case, leading zeros optional. */
export function parseKeyId(text: string): Uint8Array {
  const trimmed = text.trim();
  if (!/^[0-9A-Fa-f]{1,16}$/.test(trimmed)) {
    throw new MinisignFormatError(`"${text}" is not a minisign key id (1 to 16 hexadecimal digits)`);
  }
  const keyId = new Uint8Array(KEY_ID_LENGTH);
  new DataView(keyId.buffer).setBigUint64(0, BigInt(`0x${trimmed}`), true);
  return keyId;
}

export function keyIdsEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === KEY_ID_LENGTH && constantTimeEqual(a, b);
}

/** The base64 line that `minisign -P` takes and that is the second line of a .pub file. */
export function encodePublicKey(pk: MinisignPublicKey): string {
  if (pk.keyId.length !== KEY_ID_LENGTH || pk.publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) {
    throw new RangeError("a minisign public key has an 8-byte key id and a 32-byte Ed25519 key");
  }
  return encodeBase64(concatBytes(KEY_ALGORITHM, pk.keyId, pk.publicKey));
}

/** The two-line .pub file that `minisign -G` writes. */
export function encodePublicKeyFile(pk: MinisignPublicKey): string {
  return `${UNTRUSTED_COMMENT_PREFIX}minisign public key ${formatKeyId(pk.keyId)}\n${encodePublicKey(pk)}\n`;
}

/** Accepts a whole .pub file or just its base64 line. */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/);
  let base64Line: string;
  if (lines.length === 1) {
    base64Line = (lines[0] ?? "").trim();
  } else if (lines.length === 2) {
    stripCommentPrefix(lines[0] ?? "", UNTRUSTED_COMMENT_PREFIX, "minisign public key file", 1);
    base64Line = (lines[1] ?? "").trim();
  } else {
    throw new MinisignFormatError(
      `a minisign public key is one base64 line, or a .pub file of two lines; found ${lines.length} lines`,
    );
  }
  const blob = decodeBase64Strict(base64Line);
  if (blob === null) throw new MinisignFormatError("the minisign public key is not valid base64");
  if (blob.length !== PUBLIC_KEY_BLOB_LENGTH) {
    throw new MinisignFormatError(
      `the minisign public key decodes to ${blob.length} bytes, expected ${PUBLIC_KEY_BLOB_LENGTH}`,
    );
  }
  if (blob[0] !== KEY_ALGORITHM[0] || blob[1] !== KEY_ALGORITHM[1]) {
    throw new MinisignFormatError("the minisign public key is not an Ed25519 (\"Ed\") key");
  }
  return { keyId: blob.slice(2, 2 + KEY_ID_LENGTH), publicKey: blob.slice(2 + KEY_ID_LENGTH) };
}
