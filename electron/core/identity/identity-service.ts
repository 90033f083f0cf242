// The reviewer's identity: their minisign signing key and the office's age identities.
import { ageRecipientOf, parseAgeIdentityFile } from "../crypto/age.js";
import { encodePublicKey, formatKeyId } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import type { AgeIdentitiesAdded, ReviewerIdentity } from "../../../shared/api/keyring.js";

/** The reviewer's public identity, as `identity --json` prints it and the API returns it. */
export function describeIdentity(session: Session): ReviewerIdentity {
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
export function addAgeIdentities(session: Session, fileText: string, label: string): AgeIdentitiesAdded {
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
