// The reviewer's identity, the office's age identities and the keyring: issuing authorities,
// colleague reviewers and committees, each entry of its kind.
import { z } from "zod";
import { isoTime, method, none } from "./method.js";
import { KEYRING_KINDS } from "../vocabulary/keyring-kinds.js";

export const reviewerIdentity = z.strictObject({
  reviewer: z.strictObject({
    name: z.string(),
    office: z.string(),
    keyId: z.string(),
    minisignPublicKey: z.string(),
  }),
  ageRecipients: z.array(z.string()),
});

export const keyringEntry = z.strictObject({
  /** An authority's own id, or the id the office gave a reviewer or committee entry. */
  authorityId: z.string(),
  kind: z.enum(KEYRING_KINDS),
  name: z.string(),
  country: z.string(),
  keyId: z.string(),
  minisignPublicKey: z.string(),
  ageRecipient: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  addedAt: z.string(),
});

export const ageIdentitiesAdded = z.strictObject({ added: z.array(z.string()), known: z.array(z.string()) });

export const keyringMethods = {
  getIdentity: method(none, reviewerIdentity),
  addAgeIdentities: method(z.strictObject({ text: z.string().min(1) }), ageIdentitiesAdded),
  listKeyring: method(none, z.array(keyringEntry)),
  addAuthorityKey: method(
    z.strictObject({
      authorityId: z.string().min(1),
      /** `authority` when omitted: an issuer whose request bundles are imported. */
      kind: z.enum(KEYRING_KINDS).optional(),
      name: z.string().min(1),
      country: z.string().length(2),
      minisignPublicKey: z.string().min(1),
      ageRecipient: z.string().optional(),
      validFrom: isoTime.optional(),
      validUntil: isoTime.optional(),
    }),
    keyringEntry,
  ),
  revokeKey: method(z.strictObject({ keyId: z.string().min(1) }), keyringEntry),
} as const;

export type ReviewerIdentity = z.output<typeof reviewerIdentity>;
export type KeyringEntry = z.output<typeof keyringEntry>;
export type AgeIdentitiesAdded = z.output<typeof ageIdentitiesAdded>;
