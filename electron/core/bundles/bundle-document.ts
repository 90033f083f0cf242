// What every non-request handler checks of its bag the same way: the document parses as strict
// JSON within the limits, External-Identifier's document id and revision are the document's,
// and the payload holds exactly the files the type carries.
import { decodeUtf8Strict } from "../crypto/bytes.js";
import type { BundleLimits } from "./limits.js";
import { documentBytesOf, type OpenedBag } from "./open-bundle.js";
import { BundleRefusal, refuse } from "./refusal.js";
import { parseStrictJson, StrictJsonError } from "./strict-json.js";

export interface BundleDocument {
  value: unknown;
  bytes: Uint8Array;
  /** The bytes as text (validated UTF-8). */
  text: string;
}

export function readBundleDocument(opened: OpenedBag, limits: BundleLimits): BundleDocument {
  const bytes = documentBytesOf(opened, limits);
  const fileName = opened.bag.documentPath;
  try {
    const value = parseStrictJson(bytes, { maxBytes: limits.documentBytes, maxDepth: limits.documentDepth, fileName });
    return { value, bytes, text: decodeUtf8Strict(bytes) };
  } catch (error) {
    if (error instanceof StrictJsonError) throw new BundleRefusal(error.kind === "limit" ? "limit-exceeded" : "document-invalid", error.message);
    throw error;
  }
}

/** External-Identifier must name this document (its id, revision 1): what the sender sealed is what it says. */
export function checkIdentifierNames(opened: OpenedBag, documentId: string): void {
  const { authorityId, documentId: claimed, revision } = opened.bag.info.externalIdentifier;
  if (claimed !== documentId || revision !== 1) {
    refuse("bag-invalid", `bag-info.txt: External-Identifier ${authorityId}/${claimed}/${revision} does not name ${opened.bag.documentPath} (its id is ${documentId}, revision 1)`);
  }
}

/** The payload is the document and exactly these attachments (bag paths): nothing missing, nothing more. */
export function checkPayload(opened: OpenedBag, attachments: readonly string[]): void {
  const { bag } = opened;
  const expected = new Set(attachments);
  const extra = bag.attachmentPaths.find((path) => !expected.has(path));
  if (extra !== undefined) refuse("document-invalid", `${extra} is in the bag, but a ${bag.info.bundleType} bundle carries only ${[bag.documentPath, ...attachments].join(", ")}`);
  const missing = attachments.find((path) => !bag.attachmentPaths.includes(path));
  if (missing !== undefined) refuse("document-invalid", `${missing} is missing: a ${bag.info.bundleType} bundle carries it beside ${bag.documentPath}`);
}

/** The names a reviewer reads a zod issue list by, joined. */
export const issuesText = (issues: readonly string[]): string => issues.slice(0, 5).join("; ") + (issues.length > 5 ? `; and ${issues.length - 5} more` : "");

/** The document's `id`, for External-Identifier's check before the full schema is read. */
export function documentIdOf(value: unknown, opened: OpenedBag): string {
  const id = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)["id"] : undefined;
  if (typeof id !== "string") return refuse("document-invalid", `${opened.bag.documentPath}: $.id: expected the document's id`);
  return id;
}
