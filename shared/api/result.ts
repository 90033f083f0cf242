// Every API call answers {ok, value} or {ok:false, error}: errors cross the process boundary as data,
// with a sentence a person can read and a stable code (shared/api/errors.ts) the UI can branch on.
import type { ErrorCode } from "./errors.js";

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
