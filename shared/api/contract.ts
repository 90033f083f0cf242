// The one API contract shared by the preload, the IPC handlers and the e2e test host.
// Each method takes one argument object (parsed with zod on the trusted side) and answers ApiResult.
import { z } from "zod";
import { auditApi } from "./audit.js";
import type { ApiResult } from "./result.js";
import {
  attachmentContent,
  attachmentRef,
  importOutcome,
  importProgress,
  inboxPage,
  inboxQuery,
  keyringEntry,
  requestDetail,
  requestRef,
  reviewerIdentity,
  settings,
  storeStatus,
} from "./schemas.js";

const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });
const none = z.strictObject({});
const passphrase = z.string().min(1, "the passphrase is empty");
const isoTime = z.iso.datetime({ offset: true });

export const apiContract = {
  // The store and the session
  getStoreStatus: method(none, storeStatus),
  createStore: method(z.strictObject({ reviewerName: z.string().trim().min(1), office: z.string().trim().min(1), passphrase }), reviewerIdentity),
  unlock: method(z.strictObject({ passphrase }), reviewerIdentity),
  lock: method(none, z.null()),
  changePassphrase: method(z.strictObject({ current: passphrase, next: passphrase }), z.null()),
  getSettings: method(none, settings),
  updateSettings: method(settings.partial().strict(), settings),

  // Identity and keyring
  getIdentity: method(none, reviewerIdentity),
  addAgeIdentities: method(z.strictObject({ text: z.string().min(1) }), z.strictObject({ added: z.array(z.string()), known: z.array(z.string()) })),
  listKeyring: method(none, z.array(keyringEntry)),
  addAuthorityKey: method(
    z.strictObject({
      authorityId: z.string().min(1),
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

  // Import
  importBundles: method(z.strictObject({ paths: z.array(z.string().min(1)).min(1) }), z.array(importOutcome)),
  getImportProgress: method(none, importProgress),

  // Inbox and requests
  queryInbox: method(inboxQuery, inboxPage),
  getRequest: method(requestRef, requestDetail),
  readAttachment: method(attachmentRef, attachmentContent),
  saveAttachment: method(attachmentRef.extend({ destination: z.string().min(1) }), z.strictObject({ bytes: z.number() })),

  // Audit log
  ...auditApi,
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]["args"]>;
export type ApiValue<M extends ApiMethod> = z.output<ApiContract[M]["result"]>;

/** What `window.counterseal` offers the renderer: one async function per contract method. */
export type CountersealApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>> };

export const apiMethods = Object.keys(apiContract) as ApiMethod[];
