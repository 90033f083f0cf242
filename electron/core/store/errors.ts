// Errors the store raises on purpose. Callers branch on the class, never on message text;
// anything else that escapes (SqliteError from a CHECK constraint, I/O errors) is a bug or a
// damaged disk, and should surface as it is.
import type { ErrorCode } from "../../../shared/api/errors.js";
import { CoreError } from "../errors.js";

/** A broken store invariant (code "internal"); the subclasses are the failures a caller can meet. */
export class StoreError extends CoreError {
  override name = "StoreError";
  override readonly code: ErrorCode = "internal";
}

/** `openStore` found no `counterseal.db` in the directory; nothing was created. */
export class StoreNotFoundError extends StoreError {
  override name = "StoreNotFoundError";
  override readonly code = "store-missing";
}

/** `createStore` found a store (or any file by that name) already there; it was not touched. */
export class StoreExistsError extends StoreError {
  override name = "StoreExistsError";
  override readonly code = "store-exists";
}

/**
 * The passphrase does not decrypt the file. SQLite cannot tell this apart from a file that is
 * not an encrypted SQLite database at all, so the message says both.
 */
export class WrongPassphraseError extends StoreError {
  override name = "WrongPassphraseError";
  override readonly code = "wrong-passphrase";
}

/** A newer Counterseal wrote this store (its user_version is past our last migration). */
export class StoreTooNewError extends StoreError {
  override name = "StoreTooNewError";
  override readonly code = "store-too-new";
  constructor(
    readonly storeVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The store was written by a newer version of Counterseal (schema ${storeVersion}; this version knows up to ${supportedVersion}). ` +
        "Update Counterseal to open it; the store was left unchanged.",
    );
  }
}

/** The passphrase opens the file, but it is not a (completely created) Counterseal store. */
export class NotAStoreError extends StoreError {
  override name = "NotAStoreError";
  override readonly code = "not-a-store";
}

/** An async transaction is running, and this write or this operation came from outside it. */
export class TransactionBusyError extends StoreError {
  override name = "TransactionBusyError";
  override readonly code = "store-busy";
}

/** A transaction was started inside another one where that cannot work. */
export class NestedTransactionError extends StoreError {
  override name = "NestedTransactionError";
}

/** addAuthorityKey: the key id (or the same public key) is already in the keyring. */
export class DuplicateKeyError extends StoreError {
  override name = "DuplicateKeyError";
  override readonly code = "duplicate-key";
}

/** revokeKey on a key id the keyring does not hold. */
export class UnknownKeyError extends StoreError {
  override name = "UnknownKeyError";
  override readonly code = "unknown-key";
}

/** revokeKey on a key that is already revoked: the first revocation time is evidence, kept as is. */
export class KeyAlreadyRevokedError extends StoreError {
  override name = "KeyAlreadyRevokedError";
  override readonly code = "key-already-revoked";
}

/** insertRequestRevision with a bundle digest that is already stored (the import reports `duplicate`). */
export class DuplicateBundleError extends StoreError {
  override name = "DuplicateBundleError";
}

/** insertRequestRevision for an (authority, document, revision) stored under another digest (`bundle-conflict`). */
export class RevisionConflictError extends StoreError {
  override name = "RevisionConflictError";

  constructor(
    message: string,
    /** The digest of the bundle that holds that revision already. */
    readonly storedBundleDigest: string,
  ) {
    super(message);
  }
}

/** readBlob on a blob id that does not exist. */
export class BlobNotFoundError extends StoreError {
  override name = "BlobNotFoundError";
}

/** A blob's chunks do not add up to its recorded size or digest. */
export class BlobCorruptError extends StoreError {
  override name = "BlobCorruptError";
}
