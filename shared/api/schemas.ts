// Values that cross the API boundary. Schemas first; types are inferred from them.
import { z } from "zod";
import { DATA_CATEGORIES, INSTRUMENTS, URGENCY_LEVELS } from "../formats/request.js";
import { REFUSAL_CODES } from "../formats/refusal-codes.js";

export const storeStatus = z.strictObject({
  state: z.enum(["missing", "locked", "unlocked"]),
  location: z.string(),
  /** Present only when there is something to fix: the store folder or files other users can read. */
  warnings: z.array(z.string()).optional(),
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
  code: z.enum(REFUSAL_CODES).optional(),
  message: z.string().optional(),
  authority: z.string().optional(),
  id: z.string().optional(),
  revision: z.number().int().optional(),
});

export const importProgress = z.strictObject({
  active: z.boolean(),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
});

export const INBOX_SORT_FIELDS = ["receivedAt", "submittedAt", "respondBy", "authority", "instrument", "urgency", "status"] as const;

export const inboxQuery = z.strictObject({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
  sort: z.strictObject({ field: z.enum(INBOX_SORT_FIELDS), direction: z.enum(["asc", "desc"]) }),
  filter: z
    .strictObject({
      instrument: z.enum(INSTRUMENTS).optional(),
      urgency: z.enum(URGENCY_LEVELS).optional(),
      category: z.enum(DATA_CATEGORIES).optional(),
      authority: z.string().optional(),
      country: z.string().optional(),
      status: z.string().optional(),
    })
    .default({}),
  /** Full-text search over the request's text (facts, necessity, targets, offences, …). */
  search: z.string().max(200).optional(),
});

export const inboxRow = z.strictObject({
  authority: z.string(),
  authorityName: z.string(),
  country: z.string(),
  id: z.string(),
  revision: z.number().int(),
  revisionCount: z.number().int(),
  instrument: z.enum(INSTRUMENTS),
  urgency: z.enum(URGENCY_LEVELS),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  receivedAt: z.string(),
  submittedAt: z.string(),
  respondBy: z.string().nullable(),
  status: z.string(),
});

export const inboxPage = z.strictObject({ total: z.number().int(), rows: z.array(inboxRow) });

export const requestRef = z.strictObject({
  authority: z.string().min(1),
  id: z.string().min(1),
  revision: z.number().int().min(1).optional(),
});

export const attachmentRef = z.strictObject({
  authority: z.string().min(1),
  id: z.string().min(1),
  revision: z.number().int().min(1),
  path: z.string().min(1),
});

/** One field that differs from the previous revision, by JSON path (`$.period.to`). */
export const revisionChange = z.strictObject({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const requestDetail = z.strictObject({
  authority: z.string(),
  authorityName: z.string(),
  country: z.string(),
  id: z.string(),
  revision: z.number().int(),
  instrument: z.string(),
  urgency: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  submittedAt: z.string(),
  respondBy: z.string().nullable(),
  /** The verified request document (shared/formats/request.ts). */
  document: z.unknown(),
  provenance: z.strictObject({
    signerKeyId: z.string(),
    trustedComment: z.string(),
    sourceOrganization: z.string(),
    baggingDate: z.string(),
    bundleDigest: z.string(),
    sealedSha256: z.string(),
    receivedAt: z.string(),
  }),
  attachments: z.array(
    z.strictObject({ path: z.string(), title: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }),
  ),
  revisions: z.array(
    z.strictObject({
      revision: z.number().int(),
      receivedAt: z.string(),
      bundleDigest: z.string(),
      /** Changes against the revision before it; empty for the first. */
      changes: z.array(revisionChange),
    }),
  ),
});

export const attachmentContent = z.strictObject({
  mediaType: z.string(),
  size: z.number(),
  /** The bytes, base64: only for what the app shows inline (PDF, text, images). */
  base64: z.string(),
});

export const settings = z.strictObject({
  idleLockMinutes: z.number().int().min(1).max(240),
  locale: z.string().min(2).max(35),
});

export type StoreStatus = z.infer<typeof storeStatus>;
export type ReviewerIdentity = z.infer<typeof reviewerIdentity>;
export type KeyringEntry = z.infer<typeof keyringEntry>;
export type ImportOutcome = z.infer<typeof importOutcome>;
export type ImportProgress = z.infer<typeof importProgress>;
export type InboxQuery = z.input<typeof inboxQuery>;
export type InboxRow = z.infer<typeof inboxRow>;
export type InboxPage = z.infer<typeof inboxPage>;
export type InboxSortField = (typeof INBOX_SORT_FIELDS)[number];
export type RequestRef = z.infer<typeof requestRef>;
export type AttachmentRef = z.infer<typeof attachmentRef>;
export type RequestDetail = z.infer<typeof requestDetail>;
export type RevisionChange = z.infer<typeof revisionChange>;
export type AttachmentContent = z.infer<typeof attachmentContent>;
export type Settings = z.infer<typeof settings>;
