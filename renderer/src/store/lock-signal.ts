// Feature stores report "the store is locked" errors here; the session store listens and locks
// the UI. A signal instead of an import keeps the dependency one way (session -> features).
import { isLockedError } from "../api/errors.js";

let listener: (() => void) | null = null;

export function onStoreLocked(callback: () => void): void {
  listener = callback;
}

/** Call with any caught error; returns true when it meant the store is locked. */
export function checkLocked(error: unknown): boolean {
  if (!isLockedError(error)) return false;
  listener?.();
  return true;
}
