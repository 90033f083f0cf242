// An answer's evidence must point at something the request has: one of its attachments (and a
// page of it), or a field of its document by JSON path ($.period.to, $.targets[0].value).
import type { EvidenceRef } from "../../../shared/api/review.js";
import type { StoredRequest } from "../store/index.js";
import { EvidenceInvalidError } from "./review-errors.js";

const STEP = /^(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** True when the path names a value that exists in the document. */
export function fieldExists(document: unknown, path: string): boolean {
  if (!path.startsWith("$")) return false;
  let rest = path.slice(1);
  let value: unknown = document;
  while (rest.length > 0) {
    const step = rest.match(STEP);
    if (step === null) return false;
    const key = step[1] ?? (step[2] === undefined ? (JSON.parse(step[3] ?? '""') as string) : Number(step[2]));
    if (typeof key === "number" ? !Array.isArray(value) : typeof value !== "object" || value === null || Array.isArray(value)) return false;
    if (!Object.hasOwn(value as object, key)) return false;
    value = (value as Record<string | number, unknown>)[key];
    rest = rest.slice(step[0].length);
  }
  return true;
}

export function checkEvidence(stored: StoredRequest, evidence: readonly EvidenceRef[]): void {
  const document = JSON.parse(stored.document) as unknown;
  for (const ref of evidence) {
    if (ref.kind === "attachment" && !stored.attachments.some((attachment) => attachment.path === ref.path))
      throw new EvidenceInvalidError(`the request has no attachment ${ref.path}; it has ${stored.attachments.map((a) => a.path).join(", ") || "none"}`);
    if (ref.kind === "field" && !fieldExists(document, ref.path)) throw new EvidenceInvalidError(`the request document has no field ${ref.path}`);
  }
}
