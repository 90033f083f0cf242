// ApiResult -> value or a thrown ApiCallError carrying the core's readable message and stable code
// (shared/api/errors.ts; a type import, so the renderer bundle holds no list and no zod).
// Pure (no window), so it is unit-tested under Node.
import type { ErrorCode } from "../../../shared/api/errors.js";
import type { ApiResult } from "../../../shared/api/result.js";

export class ApiCallError extends Error {
  override readonly name = "ApiCallError";
  readonly code: ErrorCode;
  readonly method: string;

  constructor(method: string, code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.method = method;
  }
}

/** What a screen shows for a failed call: a sentence, and the code when the core gave one. */
export interface Failure {
  message: string;
  code: ErrorCode | null;
}

/** "The store is not open": the UI goes back to the unlock screen. Only "locked" means that;
 *  "import-busy" is an ordinary failure (try again when the import ends), shown where it happened. */
export const isLockedError = (error: unknown): boolean => error instanceof ApiCallError && error.code === "locked";

export function unwrapResult<T>(method: string, result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(method, result.error.code, result.error.message);
}

/** Any caught error as a Failure: the core's sentence and code, or the error's own text. */
export function toFailure(error: unknown): Failure {
  if (error instanceof ApiCallError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error), code: null };
}
