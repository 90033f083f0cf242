// Values that cross the API boundary. Schemas first; types are inferred from them.
import { z } from "zod";

export const keyIdText = z.string().regex(/^[0-9A-Fa-f]{1,16}$/, "a key id is up to 16 hexadecimal digits");
export const isoTime = z.iso.datetime({ offset: true });

export const storeStatus = z.strictObject({
  state: z.enum(["missing", "locked", "unlocked"]),
  location: z.string(),
});

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
  authorityId: z.string(),
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

export const importOutcome = z.strictObject({
  file: z.string(),
  status: z.enum(["imported", "duplicate", "refused"]),
  code: z.string().optional(),
  message: z.string().optional(),
  authority: z.string().optional(),
  id: z.string().optional(),
  revision: z.number().int().optional(),
});

export type StoreStatus = z.infer<typeof storeStatus>;
export type ReviewerIdentity = z.infer<typeof reviewerIdentity>;
export type KeyringEntry = z.infer<typeof keyringEntry>;
export type ImportOutcome = z.infer<typeof importOutcome>;
