// The one API contract shared by the preload, the IPC handlers and the e2e test host.
// Each method takes one argument object (parsed with zod on the trusted side) and answers ApiResult.
// The schemas and their inferred types live in the capability files (store.ts, keyring.ts, …).
import type { z } from "zod";
import { auditMethods } from "./audit.js";
import { auditorMethods } from "./auditor.js";
import { decisionMethods } from "./decisions.js";
import { countersignMethods } from "./countersign.js";
import { executionMethods } from "./executions.js";
import type { ApiResult } from "./result.js";
import { grievanceMethods } from "./grievances.js";
import { keyringMethods } from "./keyring.js";
import { mergeCapabilities } from "./method.js";
import { requestMethods } from "./requests.js";
import { retentionMethods } from "./retention.js";
import { reviewMethods } from "./review.js";
import { statisticsMethods } from "./statistics.js";
import { storeMethods } from "./store.js";

// One capability per file, each owning its methods and schemas; adding one is an import and an
// argument here. Method names are the contract: renaming one breaks every caller.
export const apiContract = mergeCapabilities(
  storeMethods,
  keyringMethods,
  requestMethods,
  auditMethods,
  reviewMethods,
  grievanceMethods,
  decisionMethods,
  retentionMethods,
  countersignMethods,
  executionMethods,
  statisticsMethods,
  auditorMethods,
);

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiArgs<M extends ApiMethod> = z.input<ApiContract[M]["args"]>;
export type ApiValue<M extends ApiMethod> = z.output<ApiContract[M]["result"]>;

/** What `window.counterseal` offers the renderer: one async function per contract method. */
export type CountersealApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>> };

export const apiMethods = Object.keys(apiContract) as ApiMethod[];
