// Creating a store (the reviewer's signing key and a first office age identity) and changing its
// passphrase: the two operations that make or re-key the store a session opens.
import { existsSync } from "node:fs";
import { passphraseRefusal } from "../../../shared/passphrase/passphrase-rule.js";
import { ageRecipientOf, generateAgeIdentity } from "../crypto/age.js";
import { generateMinisignKeyPair } from "../crypto/minisign.js";
import type { Runtime } from "../runtime.js";
import { createStore, openKeyedConnection, openStore, StoreExistsError, storeFile, WrongPassphraseError } from "../store/index.js";
import { WeakPassphraseError } from "./session-errors.js";
import { reviewerActor, sessionFor, type Session } from "./session.js";

export interface NewStoreInput {
  reviewerName: string;
  office: string;
  /** An auditor's store (docs/audit-sampling.md, "Auditor mode"): fixed when created, never changed. */
  auditor?: boolean;
}

/**
 * Creates the store with the reviewer's signing key and a fresh office age identity.
 * Refuses an existing store. A store whose creation was interrupted before the reviewer was
 * saved (it has no reviewer) is completed instead, so `init` can simply be run again. A new
 * store refuses a weak passphrase (WeakPassphraseError) before anything is written.
 */
export function initializeStore(dir: string, passphrase: string, input: NewStoreInput, runtime: Runtime): Session {
  const exists = (): StoreExistsError => new StoreExistsError(`A store already exists in ${dir}; it was left unchanged.`);
  const unfinished = existsSync(storeFile(dir));
  if (!unfinished) assertStrongPassphrase(passphrase, [input.reviewerName, input.office]);
  const store = unfinished ? openUnfinished(dir, passphrase, runtime, exists) : createStore(dir, passphrase, runtime);
  if (store.reviewer.getReviewer()) {
    store.close();
    throw exists();
  }
  const keys = generateMinisignKeyPair(runtime.ids.randomBytes);
  const actor = reviewerActor(keys.keyId);
  const identity = generateAgeIdentity(runtime.ids.randomBytes);
  store.transaction(() => {
    store.reviewer.saveReviewer(actor, { name: input.reviewerName, office: input.office, ...keys });
    store.ageIdentities.addAgeIdentity(actor, { identity, recipient: ageRecipientOf(identity), label: `${input.office} (generated)` });
    if (input.auditor === true) store.settings.update(actor, { storeMode: "auditor" });
  });
  return sessionFor(store, runtime);
}

/** An existing file is only ours to finish if this passphrase opens it; otherwise it simply exists. */
function openUnfinished(dir: string, passphrase: string, runtime: Runtime, exists: () => StoreExistsError) {
  try {
    return openStore(dir, passphrase, runtime);
  } catch (error) {
    if (error instanceof WrongPassphraseError) throw exists();
    throw error;
  }
}

/**
 * Changes the store's passphrase (a rekey of every page), after proving the current one on a
 * second connection: an unlocked window is not enough to take the store away from its owner.
 * The new passphrase must pass the passphrase rule; the new key is derived with the current
 * recommended cost, and the store's record updated with it (store/rekey.ts).
 */
export function changePassphrase(session: Session, storeDir: string, current: string, next: string): void {
  const reviewer = session.store.reviewer.getReviewer();
  assertStrongPassphrase(next, reviewer ? [reviewer.name, reviewer.office] : []);
  openKeyedConnection(storeFile(storeDir), current).close();
  session.store.rekey(next, session.actor);
}

/** Refuses a passphrase the shared rule calls weak, saying why in plain words. */
export function assertStrongPassphrase(passphrase: string, personalWords: readonly string[]): void {
  const refusal = passphraseRefusal(passphrase, personalWords);
  if (refusal !== null) throw new WeakPassphraseError(refusal);
}
