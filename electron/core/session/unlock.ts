// The app's unlock (the desktop shell and the test host): opens the session and records it in the
// audit log, with the failed attempts since the last unlock. A failed attempt cannot be written
// when it happens (without the passphrase there is no store to write to), so this process counts
// them and the next unlock records how many there were; attempts made before a restart of the
// app are not counted. The CLI opens the store per command and records nothing of it.
import { WrongPassphraseError } from "../store/index.js";
import type { Runtime } from "../runtime.js";
import { openSession, type Session } from "./session.js";

/** The failed unlocks of this process since its last unlock. */
export interface UnlockAttempts {
  failed: number;
}

export function unlockSession(storeDir: string, passphrase: string, runtime: Runtime, attempts: UnlockAttempts): Session {
  let session: Session;
  try {
    session = openSession(storeDir, passphrase, runtime);
  } catch (error) {
    if (error instanceof WrongPassphraseError) attempts.failed += 1;
    throw error;
  }
  session.store.audit.appendAudit({ actor: session.actor, action: "store.unlocked", objectId: "store", details: { failedAttempts: attempts.failed } });
  attempts.failed = 0;
  return session;
}
