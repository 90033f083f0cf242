// The typed client over window.counterseal: each contract method returns its value or throws an
// ApiCallError. The bridge is looked up at call time so a missing preload fails loudly but calmly.
import type { CountersealBridge, MenuAction, PickedFile } from "../../../shared/api/bridge.js";
import type { ApiArgs, ApiMethod, ApiValue } from "../../../shared/api/contract.js";
import type { ApiResult } from "../../../shared/api/result.js";
import { ApiCallError, unwrapResult } from "./errors.js";

export type Api = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiValue<M>> };

export function bridge(): CountersealBridge {
  const value = window.counterseal;
  if (!value) throw new ApiCallError("bridge", "bridge-missing", "Counterseal's core is not connected to this window. Restart the application.");
  return value;
}

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  // The bridge's methods are one union the compiler cannot correlate with M; the contract types them.
  const fn = bridge()[method] as unknown as (a: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>;
  let result: ApiResult<ApiValue<M>>;
  try {
    result = await fn(args);
  } catch {
    throw new ApiCallError(method, "bridge-failed", "Counterseal's core did not answer. Try again; if this keeps happening, restart the application.");
  }
  return unwrapResult(method, result);
}

export const api = new Proxy({} as Api, {
  get: (_target, method) => (args: never) => call(method as ApiMethod, args),
});

export const pathForFile = (file: PickedFile): Promise<string> => bridge().pathForFile(file);
export const chooseSavePath = (name: string): Promise<string | null> => bridge().chooseSavePath(name);

export function onMenuAction(listener: (action: MenuAction) => void): () => void {
  const value = window.counterseal;
  return value ? value.onMenuAction(listener) : () => undefined;
}
