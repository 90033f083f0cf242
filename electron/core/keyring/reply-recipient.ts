// Where a reply to an authority is sealed: the age recipient registered with one of its keys
// that may be trusted now (not revoked, inside its window), the newest such key first.
import type { Session } from "../session/session.js";

export function replyRecipientOf(session: Session, authorityId: string): string | undefined {
  const now = session.runtime.clock.now().getTime();
  const usable = session.store.keyring
    .listKeyring()
    .filter(
      (key) =>
        key.authorityId === authorityId &&
        key.ageRecipient !== null &&
        key.revokedAt === null &&
        (key.validFrom === null || key.validFrom.getTime() <= now) &&
        (key.validUntil === null || now < key.validUntil.getTime()),
    )
    .sort((a, b) => b.addedAt.getTime() - a.addedAt.getTime());
  return usable[0]?.ageRecipient ?? undefined;
}

/** Whether the keyring names this authority at all (with any key, usable or not). */
export const isKeyringAuthority = (session: Session, authorityId: string): boolean =>
  session.store.keyring.listKeyring().some((key) => key.authorityId === authorityId);
