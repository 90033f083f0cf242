// Refusals of the session state itself (nothing is unlocked, or an import still holds the store)
// and of a passphrase too weak to guard one.
export class LockedError extends Error {
  override readonly name = "LockedError";
  constructor(
    message: string,
    readonly code: "locked" | "import-busy" = "locked",
  ) {
    super(message);
  }
}

/** A new passphrase fails the passphrase rule (shared/passphrase/passphrase-rule.ts); the message says why. */
export class WeakPassphraseError extends Error {
  override readonly name = "WeakPassphraseError";
  readonly code = "weak-passphrase";
}
