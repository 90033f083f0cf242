// The API table driven through the dispatcher, as the page drives it: every argument parsed and
// every answer checked against the contract. `call` answers the value or throws an Error naming the
// code and message (its `code` the API's); `code` answers the error code ("ok" on success); `refusal` the code and message.
// The handlers may be given late (a function), for tests that open the store in a beforeAll.
import { createDispatcher, type ApiHandlers } from "../../electron/api/dispatch.js";
import type { ApiResult } from "../../shared/api/result.js";

export interface Dispatching {
  dispatch(method: string, args: unknown): Promise<ApiResult<unknown>>;
  call<V>(method: string, args?: unknown): Promise<V>;
  code(method: string, args: unknown): Promise<string>;
  refusal(method: string, args: unknown): Promise<{ code: string; message: string }>;
}

export function dispatching(handlers: ApiHandlers | (() => ApiHandlers)): Dispatching {
  let made: { table: ApiHandlers; dispatch: Dispatching["dispatch"] } | undefined;
  const dispatch: Dispatching["dispatch"] = (method, args) => {
    const table = typeof handlers === "function" ? handlers() : handlers;
    if (made?.table !== table) made = { table, dispatch: createDispatcher(table, { onInternalError: (name, error) => console.error(name, error) }).dispatch };
    return made.dispatch(method, args);
  };
  return {
    dispatch,
    call: async <V>(method: string, args: unknown = {}): Promise<V> => {
      const result = (await dispatch(method, args)) as ApiResult<V>;
      if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code}: ${result.error.message}`), { code: result.error.code });
      return result.value;
    },
    code: async (method, args) => {
      const result = await dispatch(method, args);
      return result.ok ? "ok" : result.error.code;
    },
    refusal: async (method, args) => {
      const result = await dispatch(method, args);
      return result.ok ? { code: "ok", message: "" } : { code: result.error.code, message: result.error.message };
    },
  };
}
