// Every API call answers {ok, value} or {ok:false, error}: errors cross the process boundary as data,
// with a sentence a person can read and a stable code the UI can branch on.
export interface ApiError {
  code: string;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: string, message: string): ApiResult<never> => ({ ok: false, error: { code, message } });
