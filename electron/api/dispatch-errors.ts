// Turns the two kinds of failure a caller can see — arguments that do not parse, and a service
// that throws — into ApiError data with a sentence a reviewer can read. Nothing here may leak a
// stack trace or an internal error's text: only errors that carry a domain code are passed on.
import type { z } from "zod";
import type { ApiError } from "../../shared/api/result.js";

/** Domain codes are kebab-case ("wrong-passphrase", "bag-digest-mismatch"). Node and SQLite
 *  errors also carry a string `code` ("ENOENT", "SQLITE_BUSY"), but their messages hold paths
 *  and internals, so they are not domain errors and must not be passed through. */
const DOMAIN_CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

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

/** A thrown domain error keeps its code and message; anything else becomes "internal". */
export function toApiError(error: unknown): ApiError {
  if (typeof error !== "object" || error === null) return internalError();
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && DOMAIN_CODE.test(code) && typeof message === "string" && message.trim() !== "") {
    return { code, message };
  }
  return internalError();
}
