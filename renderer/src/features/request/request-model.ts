// Request view logic without a DOM: reading the verified document, describing revision changes,
// and deciding how an attachment can be shown.
import type { RequestDocument } from "../../../../shared/formats/request.js";

/**
 * The core has verified the document strictly at import (shared/formats/request.ts); the API types
 * it `unknown` only because it crosses a process boundary. Check the marker fields, then trust it.
 */
export function readRequestDocument(value: unknown): RequestDocument | null {
  if (typeof value !== "object" || value === null) return null;
  const doc = value as Partial<Record<keyof RequestDocument, unknown>>;
  if (doc.schema !== "counterseal.request/1" || typeof doc.id !== "string" || !Array.isArray(doc.targets)) return null;
  return value as RequestDocument;
}

/** How a revision change's value reads: absent, a plain string, or compact JSON. */
export function describeChangeValue(value: unknown): { kind: "absent" | "text" | "json"; text: string } {
  if (value === undefined) return { kind: "absent", text: "" };
  if (typeof value === "string") return { kind: "text", text: value };
  if (typeof value === "number" || typeof value === "boolean" || value === null) return { kind: "json", text: JSON.stringify(value) };
  return { kind: "json", text: JSON.stringify(value, null, 2) };
}

/** The top-level field a change touches: "$.period.to" -> "period", "$.targets[2].value" -> "targets". */
export function changedField(path: string): string {
  const match = path.match(/^\$\.?([A-Za-z_$][A-Za-z0-9_$]*)/);
  return match?.[1] ?? path;
}

export type ViewerKind = "pdf" | "text" | "image" | "none";

const IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** PDFs, plain text and raster images are shown inside the app; anything else can only be saved. */
export function viewerKind(mediaType: string): ViewerKind {
  const base = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (base === "application/pdf") return "pdf";
  if (base === "text/plain") return "text";
  if (IMAGE_TYPES.has(base)) return "image";
  return "none";
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface RefParts {
  authority: string;
  id: string;
  revision: number;
}

export const referenceLabel = (ref: RefParts): string => `${ref.id} · r${ref.revision}`;
