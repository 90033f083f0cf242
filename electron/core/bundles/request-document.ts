// Turns the bytes of data/request.json into a checked RequestDocument, or a refusal naming the
// file and the JSON path at fault. Shared by the importer and `counterseal seal`.
import { parseRequestDocument, type RequestDocument } from "../../../shared/formats/request.js";
import type { BundleLimits } from "./limits.js";
import { BundleRefusal } from "./refusal.js";
import { parseStrictJson, StrictJsonError } from "./strict-json.js";

const MAX_ISSUES_NAMED = 5;

export function readRequestDocument(bytes: Uint8Array, limits: BundleLimits, fileName: string): RequestDocument {
  let value: unknown;
  try {
    value = parseStrictJson(bytes, { maxBytes: limits.documentBytes, maxDepth: limits.documentDepth, fileName });
  } catch (error) {
    if (error instanceof StrictJsonError) throw new BundleRefusal(error.kind === "limit" ? "limit-exceeded" : "document-invalid", error.message);
    throw error;
  }
  const parsed = parseRequestDocument(value);
  if (parsed.ok) return parsed.value;
  const named = parsed.issues.slice(0, MAX_ISSUES_NAMED).join("; ");
  const more = parsed.issues.length > MAX_ISSUES_NAMED ? ` (and ${parsed.issues.length - MAX_ISSUES_NAMED} more)` : "";
  throw new BundleRefusal("document-invalid", `${fileName}: ${named}${more}`);
}
