// Importing sealed bundles, the inbox, a request's detail and its attachments.
import { z } from "zod";
import { method, none } from "./method.js";
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";
import { INSTRUMENTS } from "../vocabulary/instruments.js";
import { REFUSAL_CODES } from "../vocabulary/refusal-codes.js";
import { BUNDLE_TYPES } from "../vocabulary/bundle-types.js";
import { URGENCY_LEVELS } from "../vocabulary/urgencies.js";
import { CLOCK_KINDS, CLOCK_STATES } from "../vocabulary/clock-kinds.js";
import { GRIEVANCE_OUTCOMES } from "../vocabulary/grievance-outcomes.js";

/**
 * A file's outcome: stored (or already stored) under a reference, or refused with a spec code.
 * `file` names the file as the reviewer picked it (over the API its name; in the CLI its path).
 */
export const importOutcome = z.discriminatedUnion("status", [
  z.strictObject({
    file: z.string(),
    status: z.enum(["imported", "duplicate"]),
    /** The sender: a request's authority, or the keyring entry that signed a bundle of another type. */
    authority: z.string(),
    id: z.string(),
    revision: z.number().int(),
    /** Present for a bundle that is not a request (a grievance, a countersignature…): its Bundle-Type. */
    bundleType: z.enum(BUNDLE_TYPES).exclude(["request"]).optional(),
  }),
  z.strictObject({ file: z.string(), status: z.literal("refused"), code: z.enum(REFUSAL_CODES), message: z.string() }),
]);

/** The import under way: which file of how many, and how far into it. */
export const importProgress = z.strictObject({
  active: z.boolean(),
  fileIndex: z.number().int(),
  fileCount: z.number().int(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
});

export const INBOX_SORT_FIELDS = ["receivedAt", "submittedAt", "respondBy", "authority", "instrument", "urgency", "status", "nextDeadline"] as const;

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

/** One stored revision as the inbox lists it (and `counterseal requests --json` prints it). */
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
  /** One of REQUEST_STATUSES (shared/vocabulary) for what this version writes; kept as text. */
  status: z.string(),
  /**
   * The soonest clock not yet met (overdue ones included); null when none runs. No state: a row
   * stays on screen while time passes, so the page judges overdue and due-soon (DUE_SOON_MS of
   * shared/review/clocks.ts) against its own clock when it draws the row.
   */
  nextDeadline: z.strictObject({ kind: z.enum(CLOCK_KINDS), due: z.string() }).nullable(),
});

export const inboxPage = z.strictObject({ total: z.number().int(), rows: z.array(inboxRow) });

export const requestRef = z.strictObject({
  authority: z.string().min(1),
  id: z.string().min(1),
  revision: z.number().int().min(1).optional(),
});

/** One stored revision, named exactly (its sealed original is one file). */
export const revisionRef = z.strictObject({
  authority: z.string().min(1),
  id: z.string().min(1),
  revision: z.number().int().min(1),
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

/** A request revision in full (getRequest, and `counterseal show --json`). */
export const requestDetail = z.strictObject({
  authority: z.string(),
  authorityName: z.string(),
  country: z.string(),
  id: z.string(),
  revision: z.number().int(),
  instrument: z.enum(INSTRUMENTS),
  urgency: z.enum(URGENCY_LEVELS),
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
  /** The grievances about this case (the register's link back), oldest first. */
  grievances: z.array(
    z.strictObject({
      id: z.string(),
      received: z.string(),
      respondBy: z.string(),
      clock: z.enum(CLOCK_STATES),
      /** The signed response's outcome; null while unanswered. */
      outcome: z.enum(GRIEVANCE_OUTCOMES).nullable(),
    }),
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

/**
 * A bundle file main picked (its open dialog) or took from a drop, as the page may know it: a
 * one-shot token standing for the path, which the page never sees, and what to show of it.
 */
export const pickedImportFile = z.strictObject({ token: z.string().min(1), name: z.string(), size: z.number().int().min(0) });

/** Import tokens are 32 random bytes, base64url: anything else is not one. */
export const importToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not an import token");

/** Saved (under `name`, in the folder the reviewer chose), or cancelled in the dialog. */
export const attachmentSaved = z.discriminatedUnion("saved", [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), bytes: z.number().int().min(0), name: z.string().min(1) }),
]);

export const requestMethods = {
  // Only tokens: a path from the page is refused by the strict schema (main issues paths).
  importBundles: method(z.strictObject({ tokens: z.array(importToken).min(1) }), z.array(importOutcome)),
  getImportProgress: method(none, importProgress),
  queryInbox: method(inboxQuery, inboxPage),
  getRequest: method(requestRef, requestDetail),
  readAttachment: method(attachmentRef, attachmentContent),
  // No destination: main asks the reviewer where (its save dialog) and writes in the same call.
  saveAttachment: method(attachmentRef, attachmentSaved),
  // The sealed bundle exactly as it arrived, saved the same way (main's dialog, no path from the page).
  saveOriginal: method(revisionRef, attachmentSaved),
} as const;

export type ImportOutcome = z.output<typeof importOutcome>;
export type ImportProgress = z.output<typeof importProgress>;
export type InboxQuery = z.input<typeof inboxQuery>;
export type InboxRow = z.output<typeof inboxRow>;
export type InboxPage = z.output<typeof inboxPage>;
export type InboxSortField = (typeof INBOX_SORT_FIELDS)[number];
export type RequestRef = z.output<typeof requestRef>;
export type AttachmentRef = z.output<typeof attachmentRef>;
export type RevisionRef = z.output<typeof revisionRef>;
export type RequestDetail = z.output<typeof requestDetail>;
export type RevisionChange = z.output<typeof revisionChange>;
export type AttachmentContent = z.output<typeof attachmentContent>;
export type AttachmentSaved = z.output<typeof attachmentSaved>;
export type PickedImportFile = z.output<typeof pickedImportFile>;
