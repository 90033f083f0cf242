// Turns the two kinds of failure a caller can see — arguments that do not parse, and a service
// that throws — into ApiError data with a sentence a reviewer can read. Nothing here may leak a
// stack trace or an internal error's text: only errors whose code is on the API's list
// (shared/api/errors.ts) are passed on. Node and SQLite errors also carry a string `code`
// ("ENOENT", "SQLITE_BUSY"), but it is not on the list, and their messages hold paths and internals.
import type { z } from "zod";
import { isErrorCode } from "../../shared/api/errors.js";
import type { ApiError } from "../../shared/api/result.js";

const MAX_ISSUES_LISTED = 5;

export const INTERNAL_ERROR_MESSAGE = "Counterseal could not finish this action because of an unexpected internal error.";

export const internalError = (): ApiError => ({ code: "internal", message: INTERNAL_ERROR_MESSAGE });

/** `paths[0].name` style, so the message names the field the way the caller wrote it. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "arguments" : text;
}

/** One line naming every failing field, e.g. "passphrase: the passphrase is empty". Zod's own
 *  messages name the expected type, never the received value, so no secret is echoed. */
export function describeInvalidArguments(method: string, error: z.ZodError): string {
  const listed = error.issues
    .slice(0, MAX_ISSUES_LISTED)
    .map((issue) => `${formatIssuePath(issue.path)}: ${issue.message.replace(/\.+$/, "")}`);
  const more = error.issues.length - listed.length;
  const suffix = more > 0 ? `; and ${more} more` : "";
  return `The arguments to ${method} are not valid: ${listed.join("; ")}${suffix}.`;
}

/** A thrown error with a listed code keeps its code and message; anything else, and an error
 *  that says itself it is "internal" (a broken store invariant), becomes "internal". */
export function toApiError(error: unknown): ApiError {
  if (typeof error !== "object" || error === null) return internalError();
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (isErrorCode(code) && code !== "internal" && typeof message === "string" && message.trim() !== "") {
    return { code, message };
  }
  return internalError();
}
