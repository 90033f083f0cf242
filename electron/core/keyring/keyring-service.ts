// The keyring: issuing authorities, colleague reviewers and committees (each entry of its kind);
// add, revoke, list. Input is checked here, with messages that name the field, before anything
// reaches the store.
import { isAgeRecipient } from "../crypto/age.js";
import { CoreError } from "../errors.js";
import { encodePublicKey, formatKeyId, parseKeyId, parsePublicKey } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import type { AuthorityKey } from "../store/index.js";
import { isCountryCode } from "../../../shared/formats/countries.js";
import type { KeyringEntry } from "../../../shared/api/keyring.js";
import { isKeyringKind, KEYRING_KINDS, type KeyringKind } from "../../../shared/vocabulary/keyring-kinds.js";

export class KeyringInputError extends CoreError {
  override readonly name = "KeyringInputError";
  override readonly code = "invalid-keyring-entry";
}

export interface NewAuthorityKey {
  /** An authority's own id; for a reviewer or committee the id the office gives the entry. */
  authorityId: string;
  /** `authority` when omitted. */
  kind?: KeyringKind;
  name: string;
  country: string;
  /** A minisign `.pub` file's text or its base64 line. */
  minisignPublicKey: string;
  ageRecipient?: string;
  validFrom?: Date;
  validUntil?: Date;
}

const AUTHORITY_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id a reviewer or committee entry gets when the office names none: its kind and its first key's id. */
export const defaultEntryId = (kind: Exclude<KeyringKind, "authority">, keyId: string): string => `${kind}:${keyId}`;

export function addAuthorityKey(session: Session, input: NewAuthorityKey): KeyringEntry {
  if (!AUTHORITY_ID.test(input.authorityId)) {
    throw new KeyringInputError(`authority id "${input.authorityId}": use 1 to 128 of A-Z a-z 0-9 . _ : -`);
  }
  if (input.kind !== undefined && !isKeyringKind(input.kind)) throw new KeyringInputError(`kind "${String(input.kind)}": use ${KEYRING_KINDS.join(", ")}`);
  if (input.name.trim() === "") throw new KeyringInputError(`the ${input.kind ?? "authority"}'s name is empty`);
  const country = input.country.toUpperCase();
  if (!isCountryCode(country)) throw new KeyringInputError(`country "${input.country}" is not an ISO 3166-1 alpha-2 code`);
  if (input.ageRecipient !== undefined && !isAgeRecipient(input.ageRecipient)) {
    throw new KeyringInputError(`age recipient "${input.ageRecipient}" is not an age1… recipient`);
  }
  if (input.validFrom && input.validUntil && input.validFrom.getTime() > input.validUntil.getTime()) {
    throw new KeyringInputError("the validity window ends before it starts");
  }
  let key;
  try {
    key = parsePublicKey(input.minisignPublicKey);
  } catch (error) {
    throw new KeyringInputError(`minisign public key: ${error instanceof Error ? error.message : String(error)}`);
  }
  const stored = session.store.keyring.addAuthorityKey(session.actor, {
    authorityId: input.authorityId,
    ...(input.kind !== undefined && { kind: input.kind }),
    name: input.name.trim(),
    country,
    keyId: key.keyId,
    publicKey: key.publicKey,
    ...(input.ageRecipient !== undefined && { ageRecipient: input.ageRecipient }),
    ...(input.validFrom && { validFrom: input.validFrom }),
    ...(input.validUntil && { validUntil: input.validUntil }),
  });
  return keyringEntryView(stored);
}

/** Revokes from now on; bundles imported earlier stay, with the key recorded as their signer. */
export function revokeAuthorityKey(session: Session, keyIdText: string): KeyringEntry {
  let keyId;
  try {
    keyId = parseKeyId(keyIdText);
  } catch (error) {
    throw new KeyringInputError(error instanceof Error ? error.message : String(error));
  }
  return keyringEntryView(session.store.keyring.revokeKey(session.actor, keyId, session.runtime.clock.now()));
}

export const listKeyring = (session: Session): KeyringEntry[] => session.store.keyring.listKeyring().map(keyringEntryView);

export function keyringEntryView(key: AuthorityKey): KeyringEntry {
  return {
    authorityId: key.authorityId,
    kind: key.kind,
    name: key.authorityName,
    country: key.country,
    keyId: formatKeyId(key.keyId),
    minisignPublicKey: encodePublicKey(key),
    ageRecipient: key.ageRecipient,
    validFrom: key.validFrom?.toISOString() ?? null,
    validUntil: key.validUntil?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    addedAt: key.addedAt.toISOString(),
  };
}
