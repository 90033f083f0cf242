// A colleague as the keyring knows them: an entry of kind `reviewer`, and the key of it that a
// countersignature bundle is sealed to (usable now, with an age recipient, the newest first).
import { KeyringInputError } from "../keyring/keyring-service.js";
import { NoReplyRecipientError } from "../grievances/grievance-errors.js";
import type { Session } from "../session/session.js";
import type { AuthorityKey } from "../store/index.js";

const usableAt = (key: AuthorityKey, now: number): boolean =>
  key.revokedAt === null && (key.validFrom === null || key.validFrom.getTime() <= now) && (key.validUntil === null || now < key.validUntil.getTime());

/** The reviewer entry `entryId`'s key to seal to; refuses an unknown entry, another kind, or no usable age recipient. */
export function colleagueRecipient(session: Session, entryId: string): { key: AuthorityKey; recipient: string } {
  const keys = session.store.keyring.listKeyring().filter((key) => key.authorityId === entryId);
  const first = keys[0];
  if (first === undefined) throw new KeyringInputError(`--to ${entryId}: the keyring has no entry ${entryId}; add the colleague first (counterseal keyring add --kind reviewer …)`);
  if (first.kind !== "reviewer") throw new KeyringInputError(`--to ${entryId}: that keyring entry is ${first.kind === "authority" ? "an authority" : "a committee"}, not a reviewer; a countersignature goes between reviewers`);
  const now = session.runtime.clock.now().getTime();
  const usable = keys.filter((key) => key.ageRecipient !== null && usableAt(key, now)).sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime())[0];
  if (usable?.ageRecipient == null) {
    throw new NoReplyRecipientError(`--to ${entryId}: the reviewer has no usable key with an age recipient in the keyring, so nothing can be sealed to them; add one (counterseal keyring add --kind reviewer --id ${entryId} … --age-recipient)`);
  }
  return { key: usable, recipient: usable.ageRecipient };
}
