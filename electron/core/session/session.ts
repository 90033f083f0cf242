// An unlocked store and what every service needs with it: the injected runtime, the acting
// reviewer (for the audit log) and the import limits.
import { type Actor, reviewerActorOf } from "../../../shared/formats/audit.js";
import { DEFAULT_LIMITS, type BundleLimits } from "../bundles/limits.js";
import { formatKeyId } from "../crypto/minisign.js";
import type { Runtime } from "../runtime.js";
import { NotAStoreError, openStore, type Store } from "../store/index.js";

export interface Session {
  store: Store;
  runtime: Runtime;
  /** Who the audit log names for changes made in this session (stored as `reviewer:<KEYID>`). */
  actor: Actor;
  limits: BundleLimits;
}

export const reviewerActor = (keyId: Uint8Array): Actor => reviewerActorOf(formatKeyId(keyId));

export function sessionFor(store: Store, runtime: Runtime, limits: BundleLimits = DEFAULT_LIMITS): Session {
  const reviewer = store.reviewer.getReviewer();
  if (!reviewer) {
    store.close();
    throw new NotAStoreError("The store has no reviewer: it was not completely created. Run `counterseal init` again.");
  }
  return { store, runtime, actor: reviewerActor(reviewer.keyId), limits };
}

/** Opens and unlocks the store in `dir`; the caller closes `session.store`. */
export function openSession(dir: string, passphrase: string, runtime: Runtime, limits?: BundleLimits): Session {
  return sessionFor(openStore(dir, passphrase, runtime), runtime, limits);
}
