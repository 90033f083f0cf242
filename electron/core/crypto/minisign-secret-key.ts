// minisign's secret key file: "untrusted comment: ..." then base64 of this 158-byte struct:
//   sig_alg "Ed" | kdf_alg "Sc" or 00 00 | chk_alg "B2" | kdf_salt[32] | opslimit LE64 |
//   memlimit LE64 | keynum[8] | sk[64] (seed || pk) | chk[32]
// chk = BLAKE2b-256(sig_alg || keynum || sk). With a password, keynum||sk||chk is XORed with
// scrypt output (see minisign-scrypt.ts), so a wrong password shows up as a checksum mismatch.
import { concatBytes, constantTimeEqual, isAllZero } from "./bytes.js";
import { decodeBase64Strict, encodeBase64 } from "./base64.js";
import { blake2bDigest } from "./digest.js";
import { ed25519PublicKeyFromSeed } from "./ed25519.js";
import { MinisignFormatError, MinisignPasswordError } from "./minisign-errors.js";
import { KEY_ALGORITHM, KEY_ID_LENGTH } from "./minisign-keys.js";
import type { MinisignKeyPair } from "./minisign-keys.js";
import { MINISIGN_MEMLIMIT, MINISIGN_OPSLIMIT, scryptSalsa208Sha256 } from "./minisign-scrypt.js";
import { UNTRUSTED_COMMENT_PREFIX, splitMinisignLines, stripCommentPrefix } from "./minisign-text.js";
import { randomExactly } from "./random.js";
import type { RandomSource } from "./random.js";

const KDF_SCRYPT = Uint8Array.of(0x53, 0x63); // "Sc"
const KDF_NONE = Uint8Array.of(0, 0);
const CHECKSUM_ALGORITHM = Uint8Array.of(0x42, 0x32); // "B2"
const SALT_LENGTH = 32;
const SECRET_KEY_LENGTH = 64;
const CHECKSUM_LENGTH = 32;
/** keynum || sk || chk: the part that a password encrypts. */
const ENCRYPTED_PART_OFFSET = 2 + 2 + 2 + SALT_LENGTH + 8 + 8;
const ENCRYPTED_PART_LENGTH = KEY_ID_LENGTH + SECRET_KEY_LENGTH + CHECKSUM_LENGTH;
const SECRET_KEY_FILE_BYTES = ENCRYPTED_PART_OFFSET + ENCRYPTED_PART_LENGTH;
/** minisign writes this comment whether or not the key is encrypted; we do the same. */
const DEFAULT_COMMENT = "minisign encrypted secret key";

export type SecretKeyFileOptions = {
  /** Override minisign's KDF cost (for tests and low-memory machines); minisign reads it back from the file. */
  opslimit?: bigint;
  memlimit?: bigint;
  untrustedComment?: string;
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function checksum(keyId: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return blake2bDigest(concatBytes(KEY_ALGORITHM, keyId, secretKey), CHECKSUM_LENGTH);
}

function xorInPlace(target: Uint8Array, stream: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) ^ (stream[i] ?? 0);
}

/**
 * The secret key file exactly as minisign writes it: unencrypted like `minisign -G -W` (kdf
 * bytes zero) when `password` is undefined, otherwise scrypt-encrypted like `minisign -G`.
 */
export function encodeSecretKeyFile(
  kp: MinisignKeyPair,
  password: string | undefined,
  random: RandomSource,
  options: SecretKeyFileOptions = {},
): string {
  if (kp.keyId.length !== KEY_ID_LENGTH || kp.secretKey.length !== SECRET_KEY_LENGTH) {
    throw new RangeError("a minisign key pair has an 8-byte key id and a 64-byte secret key");
  }
  const comment = options.untrustedComment ?? DEFAULT_COMMENT;
  if (/[\r\n]/.test(comment)) throw new RangeError("the untrusted comment must be one line");
  const blob = new Uint8Array(SECRET_KEY_FILE_BYTES);
  const view = new DataView(blob.buffer);
  blob.set(KEY_ALGORITHM, 0);
  blob.set(password === undefined ? KDF_NONE : KDF_SCRYPT, 2);
  blob.set(CHECKSUM_ALGORITHM, 4);
  const secretPart = concatBytes(kp.keyId, kp.secretKey, checksum(kp.keyId, kp.secretKey));
  if (password !== undefined) {
    const salt = randomExactly(random, SALT_LENGTH);
    const opslimit = options.opslimit ?? MINISIGN_OPSLIMIT;
    const memlimit = options.memlimit ?? MINISIGN_MEMLIMIT;
    blob.set(salt, 6);
    view.setBigUint64(6 + SALT_LENGTH, opslimit, true);
    view.setBigUint64(6 + SALT_LENGTH + 8, memlimit, true);
    const stream = scryptSalsa208Sha256(password, salt, opslimit, memlimit, ENCRYPTED_PART_LENGTH);
    xorInPlace(secretPart, stream);
    stream.fill(0);
  }
  blob.set(secretPart, ENCRYPTED_PART_OFFSET);
  secretPart.fill(0);
  const text = `${UNTRUSTED_COMMENT_PREFIX}${comment}\n${encodeBase64(blob)}\n`;
  blob.fill(0);
  return text;
}

type SecretKeyBlob = { blob: Uint8Array; encrypted: boolean };

function decodeSecretKeyBlob(text: string): SecretKeyBlob {
  const what = "minisign secret key file";
  const [commentLine = "", base64Line = ""] = splitMinisignLines(text, what, 2);
  stripCommentPrefix(commentLine, UNTRUSTED_COMMENT_PREFIX, what, 1);
  const blob = decodeBase64Strict(base64Line.trim());
  if (blob === null) throw new MinisignFormatError(`${what}: line 2 is not valid base64`);
  if (blob.length !== SECRET_KEY_FILE_BYTES) {
    throw new MinisignFormatError(`${what}: the key decodes to ${blob.length} bytes, expected ${SECRET_KEY_FILE_BYTES}`);
  }
  if (!sameBytes(blob.subarray(0, 2), KEY_ALGORITHM)) {
    throw new MinisignFormatError(`${what}: unsupported signature algorithm (expected "Ed")`);
  }
  if (!sameBytes(blob.subarray(4, 6), CHECKSUM_ALGORITHM)) {
    throw new MinisignFormatError(`${what}: unsupported checksum algorithm (expected "B2")`);
  }
  const kdf = blob.subarray(2, 4);
  if (sameBytes(kdf, KDF_SCRYPT)) return { blob, encrypted: true };
  if (sameBytes(kdf, KDF_NONE)) return { blob, encrypted: false };
  throw new MinisignFormatError(`${what}: unsupported key derivation (expected "Sc" or none)`);
}

/** True when the secret key file is encrypted, so a password must be asked for first. */
export function secretKeyNeedsPassword(text: string): boolean {
  return decodeSecretKeyBlob(text).encrypted;
}

export function parseSecretKeyFile(text: string, password?: string): MinisignKeyPair {
  const { blob, encrypted } = decodeSecretKeyBlob(text);
  const secretPart = blob.slice(ENCRYPTED_PART_OFFSET);
  blob.fill(0, ENCRYPTED_PART_OFFSET);
  const keyId = secretPart.slice(0, KEY_ID_LENGTH);
  if (encrypted) {
    if (password === undefined) {
      throw new MinisignPasswordError("password-required", "this minisign secret key is encrypted: a password is needed");
    }
    const view = new DataView(blob.buffer, blob.byteOffset);
    const salt = blob.subarray(6, 6 + SALT_LENGTH);
    const opslimit = view.getBigUint64(6 + SALT_LENGTH, true);
    const memlimit = view.getBigUint64(6 + SALT_LENGTH + 8, true);
    const stream = scryptSalsa208Sha256(password, salt, opslimit, memlimit, ENCRYPTED_PART_LENGTH);
    xorInPlace(secretPart, stream);
    stream.fill(0);
    keyId.set(secretPart.subarray(0, KEY_ID_LENGTH));
  }
  const secretKey = secretPart.slice(KEY_ID_LENGTH, KEY_ID_LENGTH + SECRET_KEY_LENGTH);
  const storedChecksum = secretPart.subarray(KEY_ID_LENGTH + SECRET_KEY_LENGTH);
  // `minisign -G -W` leaves the checksum of an unencrypted key zero; any other value is checked.
  const checksumToVerify = encrypted || !isAllZero(storedChecksum);
  if (checksumToVerify && !constantTimeEqual(storedChecksum, checksum(keyId, secretKey))) {
    secretPart.fill(0);
    secretKey.fill(0);
    if (encrypted) {
      throw new MinisignPasswordError("wrong-password", "wrong password for this minisign secret key (checksum mismatch)");
    }
    throw new MinisignFormatError("minisign secret key file: checksum mismatch, the key is damaged");
  }
  secretPart.fill(0);
  const publicKey = secretKey.slice(32);
  if (!constantTimeEqual(ed25519PublicKeyFromSeed(secretKey.subarray(0, 32)), publicKey)) {
    throw new MinisignFormatError("minisign secret key file: the public half does not match the secret seed");
  }
  return { keyId, publicKey, secretKey };
}
