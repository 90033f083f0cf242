// The typed client over window.counterseal: each contract method returns its value or throws an
// ApiCallError. The bridge is looked up at call time so a missing preload fails loudly but calmly.
import type { CountersealBridge, MenuAction, PickedFile } from "../../../shared/api/bridge.js";
import type { ApiArgs, ApiMethod, ApiValue } from "../../../shared/api/contract.js";
import type { PickedImportFile } from "../../../shared/api/requests.js";
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

/** A door function's ApiResult as its value, or a thrown ApiCallError, as for the API methods. */
async function callDoor<T>(name: string, run: (door: CountersealBridge) => Promise<ApiResult<T>>): Promise<T> {
  const door = bridge();
  let result: ApiResult<T>;
  try {
    result = await run(door);
  } catch {
    throw new ApiCallError(name, "bridge-failed", "Counterseal's core did not answer. Try again; if this keeps happening, restart the application.");
  }
  return unwrapResult(name, result);
}

/** Main's open dialog (the test host: a file input): the picked files as tokens, [] when cancelled. */
export const chooseImportFiles = (): Promise<PickedImportFile[]> => callDoor("chooseImportFiles", (door) => door.chooseImportFiles());

/** A dropped file as a token main issued for it. */
export const tokenForDroppedFile = (file: PickedFile): Promise<PickedImportFile> => callDoor("tokenForDroppedFile", (door) => door.tokenForDroppedFile(file));

export function onMenuAction(listener: (action: MenuAction) => void): () => void {
  const value = window.counterseal;
  return value ? value.onMenuAction(listener) : () => undefined;
}
