// Errors of the minisign layer. Callers map them to refusal codes (signature-invalid, ...); only a
// malformed key can also reach the API directly (adding a keyring entry), so it carries a code.
import { CoreError } from "../errors.js";

/** A key or signature file that is not in minisign's format; the message names what is wrong. */
export class MinisignFormatError extends CoreError {
  override readonly name = "MinisignFormatError";
  override readonly code = "invalid-minisign-key";
}

export type MinisignVerifyReason =
  | "legacy-algorithm"
  | "key-id-mismatch"
  | "signature-invalid"
  | "trusted-comment-signature-invalid";

/** A well-formed signature that does not verify; `reason` says which check failed. */
export class MinisignVerifyError extends Error {
  override readonly name = "MinisignVerifyError";
  constructor(
    readonly reason: MinisignVerifyReason,
    message: string,
  ) {
    super(message);
  }
}

export type MinisignPasswordReason = "password-required" | "wrong-password";

/** An encrypted secret key opened without its password, or with a wrong one. */
export class MinisignPasswordError extends Error {
  override readonly name = "MinisignPasswordError";
  constructor(
    readonly reason: MinisignPasswordReason,
    message: string,
  ) {
    super(message);
  }
}
