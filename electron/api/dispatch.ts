// The one door from an untrusted caller (the renderer over IPC, or the e2e test over HTTP) onto
// the services: look the method up in the contract, parse its arguments from `unknown`, call the
// handler, check the answer against the contract, and always resolve to an ApiResult — never throw.
import type { z } from "zod";
import { apiContract, type ApiContract, type ApiMethod, type ApiValue } from "../../shared/api/contract.js";
import { fail, ok, type ApiResult } from "../../shared/api/result.js";
import { describeInvalidArguments, internalError, toApiError } from "./dispatch-errors.js";

/** One function per contract method, receiving arguments that have already been parsed. */
export type ApiHandlers = {
  [M in ApiMethod]: (args: z.output<ApiContract[M]["args"]>) => Promise<ApiValue<M>> | ApiValue<M>;
};

export interface Dispatcher {
  dispatch(method: string, rawArgs: unknown): Promise<ApiResult<unknown>>;
}

export interface DispatcherOptions {
  /** Told about every failure reported to the caller as "internal", with the real error, so the
   *  shell or test host can log what the caller is not allowed to see. */
  onInternalError?: (method: string, error: unknown) => void;
}

const MAX_ECHOED_NAME = 80;

// Object.hasOwn, not `in`: "constructor" or "__proto__" must not look like methods.
export const isApiMethod = (method: string): method is ApiMethod => Object.hasOwn(apiContract, method);

export function createDispatcher(handlers: ApiHandlers, options: DispatcherOptions = {}): Dispatcher {
  const reportInternal = (method: string, error: unknown): ApiResult<never> => {
    options.onInternalError?.(method, error);
    return { ok: false, error: internalError() };
  };

  async function dispatch(method: string, rawArgs: unknown): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      return fail("unknown-method", `There is no API method called ${JSON.stringify(method.slice(0, MAX_ECHOED_NAME))}.`);
    }
    const { args: argsSchema, result: resultSchema } = apiContract[method];
    const parsed = argsSchema.safeParse(rawArgs);
    if (!parsed.success) return fail("invalid-arguments", describeInvalidArguments(method, parsed.error));

    let value: unknown;
    try {
      // The union of handlers cannot be correlated with the union of argument types by the
      // compiler; the schema of this very method has just produced `parsed.data`.
      const handler = handlers[method] as (args: unknown) => unknown;
      value = await handler(parsed.data);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === "internal") return reportInternal(method, error);
      return { ok: false, error: apiError };
    }

    // The answer crosses into the renderer: strict result schemas refuse fields the contract does
    // not name, so a service that returns more than it should (a key, a path) fails closed here.
    const checked = resultSchema.safeParse(value);
    if (!checked.success) return reportInternal(method, new Error(`${method} answered outside its contract: ${checked.error.message}`));
    return ok(checked.data);
  }

  return { dispatch };
}
