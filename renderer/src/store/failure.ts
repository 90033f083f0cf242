// The one place a failed call is handled. Every store action and every component that calls the
// core passes its caught error to `failureFrom`: a "locked" failure locks the UI (the session store
// listens) and answers null; anything else becomes the Failure the screen shows with ErrorNote.
// A signal instead of an import keeps the dependency one way (session -> features).
import { isLockedError, toFailure, type Failure } from "../api/errors.js";

export type { Failure } from "../api/errors.js";

let listener: (() => void) | null = null;

export function onStoreLocked(callback: () => void): void {
  listener = callback;
}

/**
 * The Failure to show for `error`, or null when it meant the store is locked (the UI then locks).
 * `describe` words the sentence for the screen, e.g. message => t("keyring.addFailed", { message }).
 */
export function failureFrom(error: unknown, describe: (message: string) => string = (message) => message): Failure | null {
  if (isLockedError(error)) {
    listener?.();
    return null;
  }
  const failure = toFailure(error);
  return { ...failure, message: describe(failure.message) };
}
