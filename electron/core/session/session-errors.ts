// Refusals of the session state itself (nothing is unlocked, or an import still holds the store)
// and of a passphrase too weak to guard one.
import { CoreError } from "../errors.js";

export class LockedError extends CoreError {
  override readonly name = "LockedError";
  constructor(
    message: string,
    override readonly code: "locked" | "import-busy" = "locked",
  ) {
    super(message);
  }
}

/** A new passphrase fails the passphrase rule (shared/passphrase/passphrase-rule.ts); the message says why. */
export class WeakPassphraseError extends CoreError {
  override readonly name = "WeakPassphraseError";
  readonly code = "weak-passphrase";
}
