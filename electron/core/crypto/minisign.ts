// minisign signatures, hand-written: Ed25519 (libsodium, as minisign itself) over BLAKE2b-512 (@noble/hashes).
// A .minisig file is four lines:
//   untrusted comment: <text>
//   base64("ED" || key id || Ed25519(BLAKE2b-512(message)))        ("Ed": legacy, over the message)
//   trusted comment: <text>
//   base64(Ed25519(signature || trusted comment bytes))            (the "global" signature)
import { concatBytes, utf8 } from "./bytes.js";
import { decodeBase64Strict, encodeBase64 } from "./base64.js";
import { blake2b512 } from "./digest.js";
import { ED25519_SIGNATURE_LENGTH, ed25519Sign, ed25519Verify } from "./ed25519.js";
import { MinisignFormatError, MinisignVerifyError } from "./minisign-errors.js";
import { KEY_ID_LENGTH, formatKeyId, keyIdsEqual } from "./minisign-keys.js";
import type { MinisignKeyPair, MinisignPublicKey } from "./minisign-keys.js";
import {
  TRUSTED_COMMENT_PREFIX,
  UNTRUSTED_COMMENT_PREFIX,
  splitMinisignLines,
  stripCommentPrefix,
} from "./minisign-text.js";

export * from "./minisign-errors.js";
export * from "./minisign-keys.js";
export { encodeSecretKeyFile, parseSecretKeyFile, secretKeyNeedsPassword } from "./minisign-secret-key.js";
export type { SecretKeyFileOptions } from "./minisign-secret-key.js";

export type MinisignAlgorithm = "ED" | "Ed";

export type MinisignSignature = {
  /** "ED": prehashed (BLAKE2b-512), the only kind we accept; "Ed": legacy, over the raw message. */
  algorithm: MinisignAlgorithm;
  keyId: Uint8Array;
  signature: Uint8Array;
  trustedComment: string;
  globalSignature: Uint8Array;
};

export type MinisignVerified = { keyId: Uint8Array; trustedComment: string };

export const PREHASH_LENGTH = 64;
const DEFAULT_UNTRUSTED_COMMENT = "signature from minisign secret key";
/** minisign's TRUSTEDCOMMENTMAXBYTES (8192) includes the prefix and the line end. */
const MAX_TRUSTED_COMMENT_BYTES = 8192 - TRUSTED_COMMENT_PREFIX.length - 2;
const SIGNATURE_BLOB_LENGTH = 2 + KEY_ID_LENGTH + ED25519_SIGNATURE_LENGTH;

/** BLAKE2b-512 of the message: what an "ED" signature signs. Hash while streaming with blake2b512(). */
export function minisignPrehash(message: Uint8Array): Uint8Array {
  return blake2b512().update(message).digest();
}

function assertOneLine(text: string, what: string): void {
  if (/[\r\n]/.test(text)) throw new RangeError(`the ${what} must be a single line`);
}

/** The .minisig text for a prehash (BLAKE2b-512 of the message), for callers that hash while streaming. */
export function signPrehash(
  prehash: Uint8Array,
  kp: MinisignKeyPair,
  trustedComment: string,
  untrustedComment: string = DEFAULT_UNTRUSTED_COMMENT,
): string {
  if (prehash.length !== PREHASH_LENGTH) throw new RangeError("the prehash is a 64-byte BLAKE2b-512 digest");
  assertOneLine(trustedComment, "trusted comment");
  assertOneLine(untrustedComment, "untrusted comment");
  const commentBytes = utf8(trustedComment);
  if (commentBytes.length > MAX_TRUSTED_COMMENT_BYTES) throw new RangeError("the trusted comment is too long for minisign");
  const seed = kp.secretKey.subarray(0, 32);
  const signature = ed25519Sign(seed, prehash);
  const globalSignature = ed25519Sign(seed, concatBytes(signature, commentBytes));
  const blob = concatBytes(utf8("ED"), kp.keyId, signature);
  return (
    `${UNTRUSTED_COMMENT_PREFIX}${untrustedComment}\n${encodeBase64(blob)}\n` +
    `${TRUSTED_COMMENT_PREFIX}${trustedComment}\n${encodeBase64(globalSignature)}\n`
  );
}

/** The .minisig text of a prehashed ("ED") signature of `message`, as `minisign -S` writes it. */
export function signPrehashed(
  message: Uint8Array,
  kp: MinisignKeyPair,
  trustedComment: string,
  untrustedComment?: string,
): string {
  return signPrehash(minisignPrehash(message), kp, trustedComment, untrustedComment);
}

/** Strict parse of a .minisig file; anything malformed is a MinisignFormatError. */
export function parseSignature(text: string): MinisignSignature {
  const what = "minisign signature file";
  const [untrustedLine = "", signatureLine = "", trustedLine = "", globalLine = ""] = splitMinisignLines(text, what, 4);
  stripCommentPrefix(untrustedLine, UNTRUSTED_COMMENT_PREFIX, what, 1);
  const blob = decodeBase64Strict(signatureLine);
  if (blob === null) throw new MinisignFormatError(`${what}: line 2 (the signature) is not valid base64`);
  if (blob.length !== SIGNATURE_BLOB_LENGTH) {
    throw new MinisignFormatError(`${what}: the signature decodes to ${blob.length} bytes, expected ${SIGNATURE_BLOB_LENGTH}`);
  }
  const algorithm = String.fromCharCode(blob[0] ?? 0, blob[1] ?? 0);
  if (algorithm !== "ED" && algorithm !== "Ed") {
    throw new MinisignFormatError(`${what}: unsupported signature algorithm ${JSON.stringify(algorithm)}`);
  }
  const trustedComment = stripCommentPrefix(trustedLine, TRUSTED_COMMENT_PREFIX, what, 3);
  const globalSignature = decodeBase64Strict(globalLine);
  if (globalSignature === null) throw new MinisignFormatError(`${what}: line 4 (the trusted comment signature) is not valid base64`);
  if (globalSignature.length !== ED25519_SIGNATURE_LENGTH) {
    throw new MinisignFormatError(
      `${what}: the trusted comment signature decodes to ${globalSignature.length} bytes, expected ${ED25519_SIGNATURE_LENGTH}`,
    );
  }
  return {
    algorithm,
    keyId: blob.slice(2, 2 + KEY_ID_LENGTH),
    signature: blob.slice(2 + KEY_ID_LENGTH),
    trustedComment,
    globalSignature,
  };
}

/**
 * Verifies a signature given the BLAKE2b-512 prehash of the message, in minisign -V -H's order:
 * legacy "Ed" refused, key id, signature, then the trusted comment's signature.
 */
export function verifyPrehashed(
  prehash: Uint8Array,
  sig: MinisignSignature | string,
  pk: MinisignPublicKey,
): MinisignVerified {
  if (prehash.length !== PREHASH_LENGTH) throw new RangeError("the prehash is a 64-byte BLAKE2b-512 digest");
  const parsed = typeof sig === "string" ? parseSignature(sig) : sig;
  if (parsed.algorithm !== "ED") {
    throw new MinisignVerifyError(
      "legacy-algorithm",
      "legacy (non-prehashed \"Ed\") minisign signature: refused, sign with a current minisign",
    );
  }
  if (!keyIdsEqual(parsed.keyId, pk.keyId)) {
    throw new MinisignVerifyError(
      "key-id-mismatch",
      `the signature was made by key ${formatKeyId(parsed.keyId)}, not by key ${formatKeyId(pk.keyId)}`,
    );
  }
  if (!ed25519Verify(pk.publicKey, prehash, parsed.signature)) {
    throw new MinisignVerifyError("signature-invalid", "the signature does not match the file");
  }
  const signedComment = concatBytes(parsed.signature, utf8(parsed.trustedComment));
  if (!ed25519Verify(pk.publicKey, signedComment, parsed.globalSignature)) {
    throw new MinisignVerifyError("trusted-comment-signature-invalid", "the trusted comment's signature does not verify");
  }
  return { keyId: parsed.keyId, trustedComment: parsed.trustedComment };
}

/** Verifies a whole message held in memory; see verifyPrehashed for large, streamed files. */
export function verifySignature(
  message: Uint8Array,
  sig: MinisignSignature | string,
  pk: MinisignPublicKey,
): MinisignVerified {
  const parsed = typeof sig === "string" ? parseSignature(sig) : sig;
  // Refuse legacy before hashing, so the reason is the same as verifyPrehashed's.
  return verifyPrehashed(minisignPrehash(message), parsed, pk);
}
