// Core errors carry classes; the API carries stable codes the UI can branch on, with the
// sentence a person reads. Anything unrecognised stays an internal error in the dispatcher.
import { BundleRefusal } from "../core/bundles/refusal.js";
import { AgeKeyError } from "../core/crypto/age.js";
import { MinisignFormatError } from "../core/crypto/minisign.js";
import {
  DuplicateKeyError,
  KdfRecordError,
  KeyAlreadyRevokedError,
  NotAStoreError,
  StoreExistsError,
  StoreNotFoundError,
  StoreTooNewError,
  TransactionBusyError,
  UnknownKeyError,
  WrongPassphraseError,
} from "../core/store/index.js";
import type { ApiHandlers } from "./dispatch.js";

/** A failure with an API code and a readable message. */
export class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class LockedError extends CodedError {
  constructor(message: string, code = "locked") {
    super(code, message);
  }
}

const CODES: readonly [new (...args: never[]) => Error, string][] = [
  [WrongPassphraseError, "wrong-passphrase"],
  [StoreExistsError, "store-exists"],
  [StoreNotFoundError, "store-missing"],
  [StoreTooNewError, "store-too-new"],
  [NotAStoreError, "not-a-store"],
  [KdfRecordError, "store-damaged"],
  [DuplicateKeyError, "duplicate-key"],
  [UnknownKeyError, "unknown-key"],
  [KeyAlreadyRevokedError, "key-already-revoked"],
  [TransactionBusyError, "store-busy"],
  [AgeKeyError, "invalid-age-identity"],
  [MinisignFormatError, "invalid-minisign-key"],
  [BundleRefusal, "bundle-refused"],
];

export function toCodedError(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code === "string") return error;
  const match = CODES.find(([type]) => error instanceof type);
  return match ? new CodedError(match[1], error.message) : error;
}

/** Wraps every handler so core errors reach the dispatcher with their API code. */
export function withErrorCodes(handlers: ApiHandlers): ApiHandlers {
  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (args: never) => {
        try {
          return await (handler as (args: never) => unknown)(args);
        } catch (error) {
          throw toCodedError(error);
        }
      },
    ]),
  );
  return wrapped as unknown as ApiHandlers;
}
