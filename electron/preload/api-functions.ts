// Builds one async function per contract method from `apiMethods`, so a method added to the
// contract reaches the renderer with no edit here. `invoke` is injected so tests can drive it.
import { apiMethods, type ApiMethod, type CountersealApi } from "../../shared/api/contract.js";
import { apiChannel } from "../../shared/api/bridge.js";

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;

function apiFunction<M extends ApiMethod>(method: M, invoke: Invoke): CountersealApi[M] {
  const channel = apiChannel(method);
  // Main answers every call with an ApiResult it has checked against the contract's result schema.
  return ((args: unknown) => invoke(channel, args)) as CountersealApi[M];
}

export function createApiFunctions(invoke: Invoke): CountersealApi {
  const entries = apiMethods.map((method) => [method, apiFunction(method, invoke)] as const);
  // Object.fromEntries loses the key-to-type link; every key of CountersealApi is in apiMethods,
  // which is Object.keys(apiContract), so the object is complete by construction.
  return Object.freeze(Object.fromEntries(entries)) as CountersealApi;
}
