// ApiResult -> value or a thrown ApiCallError carrying the core's readable message and stable code.
// Pure (no window), so it is unit-tested under Node.
import type { ApiResult } from "../../../shared/api/result.js";

export class ApiCallError extends Error {
  override readonly name = "ApiCallError";
  readonly code: string;
  readonly method: string;

  constructor(method: string, code: string, message: string) {
    super(message);
    this.code = code;
    this.method = method;
  }
}

/** Codes meaning "the store is not open": the UI goes back to the unlock screen. */
const LOCKED_CODES: ReadonlySet<string> = new Set(["locked", "store-locked", "not-unlocked", "session-locked"]);

export const isLockedError = (error: unknown): boolean => error instanceof ApiCallError && LOCKED_CODES.has(error.code);

export function unwrapResult<T>(method: string, result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(method, result.error.code, result.error.message);
}

/** The sentence to show for any failure: the core's own message, or a calm generic one. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiCallError) return error.message;
  return fallback;
}

/** The code to show beside the sentence, when there is one. */
export const errorCode = (error: unknown): string | null => (error instanceof ApiCallError ? error.code : null);
