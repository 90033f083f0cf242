// The one API contract shared by the preload, the IPC handlers and the e2e test host.
// Each method takes one argument object (parsed with zod on the trusted side) and answers ApiResult.
import { z } from "zod";
import type { ApiResult } from "./result.js";
import { importOutcome, keyringEntry, reviewerIdentity, storeStatus } from "./schemas.js";

const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });
const none = z.strictObject({});
const passphrase = z.string().min(1, "the passphrase is empty");

export const apiContract = {
  getStoreStatus: method(none, storeStatus),
  createStore: method(
    z.strictObject({ reviewerName: z.string().min(1), office: z.string().min(1), passphrase }),
    reviewerIdentity,
  ),
  unlock: method(z.strictObject({ passphrase }), reviewerIdentity),
  lock: method(none, z.null()),
  getIdentity: method(none, reviewerIdentity),
  listKeyring: method(none, z.array(keyringEntry)),
  revokeKey: method(z.strictObject({ keyId: z.string().min(1) }), keyringEntry),
  importBundles: method(z.strictObject({ paths: z.array(z.string().min(1)).min(1) }), z.array(importOutcome)),
} as const;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]["args"]>;
export type ApiValue<M extends ApiMethod> = z.output<ApiContract[M]["result"]>;

/** What `window.counterseal` offers the renderer: one async function per contract method. */
export type CountersealApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>> };

export const apiMethods = Object.keys(apiContract) as ApiMethod[];
