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

/** addAuthorityKey to an entry id that the keyring holds with another kind (an authority's id for a reviewer's key, …). */
export class KeyringKindConflictError extends StoreError {
  override name = "KeyringKindConflictError";
  override readonly code = "invalid-keyring-entry";
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

/**
 * A development store (schema 2) that holds requests in the layout before kept evidence: its
 * attachments were decrypted into the database and no sealed original is left to keep, so it
 * cannot be moved. It is left untouched.
 */
export class StoreLayoutTooOldError extends StoreError {
  override name = "StoreLayoutTooOldError";
  override readonly code = "store-layout-too-old";
  constructor(readonly requestCount: number) {
    super(
      `This store was made by a development build that kept attachments inside the database (schema 4 or older) and holds ${requestCount} ` +
        "request(s). That layout cannot become the evidence layout, since the sealed originals were not kept; no release used it. " +
        "The store was left unchanged: create a new store (counterseal init) and import the sealed bundles again.",
    );
  }
}

/**
 * The store's kept evidence does not match its rows: a file a row names is missing, or a kept
 * file fails authentication. Never silent: the message names what is damaged.
 */
export class EvidenceDamagedError extends StoreError {
  override name = "EvidenceDamagedError";
  override readonly code = "store-damaged";
}
