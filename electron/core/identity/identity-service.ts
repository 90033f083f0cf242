// The reviewer's identity: their minisign signing key and the office's age identities.
import { ageRecipientOf, generateAgeIdentity, parseAgeIdentityFile } from "../crypto/age.js";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair } from "../crypto/minisign.js";
import type { Runtime } from "../runtime.js";
import { reviewerActor, sessionFor, type Session } from "../session.js";
import { createStore, openKeyedConnection, openStore, StoreExistsError, storeFile, WrongPassphraseError } from "../store/index.js";
import { existsSync } from "node:fs";
import type { ReviewerIdentity } from "../../../shared/api/schemas.js";

/** The reviewer's public identity, as `identity --json` prints it and the API returns it. */
export type ReviewerIdentityView = ReviewerIdentity;

export interface NewStoreInput {
  reviewerName: string;
  office: string;
}

/**
 * Creates the store with the reviewer's signing key and a fresh office age identity.
 * Refuses an existing store. A store whose creation was interrupted before the reviewer was
 * saved (it has no reviewer) is completed instead, so `init` can simply be run again.
 */
export function initializeStore(dir: string, passphrase: string, input: NewStoreInput, runtime: Runtime): Session {
  const exists = (): StoreExistsError => new StoreExistsError(`A store already exists in ${dir}; it was left unchanged.`);
  const store = existsSync(storeFile(dir)) ? openUnfinished(dir, passphrase, runtime, exists) : createStore(dir, passphrase, runtime);
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

export function describeIdentity(session: Session): ReviewerIdentityView {
  const reviewer = session.store.reviewer.getReviewer();
  if (!reviewer) throw new Error("the store has no reviewer");
  return {
    reviewer: {
      name: reviewer.name,
      office: reviewer.office,
      keyId: formatKeyId(reviewer.keyId),
      minisignPublicKey: encodePublicKey(reviewer),
    },
    ageRecipients: session.store.ageIdentities.listAgeIdentities().map((entry) => entry.recipient),
  };
}

/** Adds every identity in an age identity file (as `age-keygen` writes it); all or none. */
export function addAgeIdentities(session: Session, fileText: string, label: string): { added: string[]; known: string[] } {
  const identities = parseAgeIdentityFile(fileText);
  const added: string[] = [];
  const known: string[] = [];
  session.store.transaction(() => {
    for (const identity of identities) {
      const recipient = ageRecipientOf(identity);
      const result = session.store.ageIdentities.addAgeIdentity(session.actor, { identity, recipient, label });
      (result.added ? added : known).push(recipient);
    }
  });
  return { added, known };
}

/** The office's age identities, for opening bundles. Secret: never leaves core. */
export const officeIdentities = (session: Session): string[] =>
  session.store.ageIdentities.listAgeIdentities().map((entry) => entry.identity);

/**
 * Changes the store's passphrase (a rekey of every page), after proving the current one on a
 * second connection: an unlocked window is not enough to take the store away from its owner.
 */
export function changePassphrase(session: Session, storeDir: string, current: string, next: string): void {
  openKeyedConnection(storeFile(storeDir), current).close();
  session.store.rekey(next, session.actor);
}
