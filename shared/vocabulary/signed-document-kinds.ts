// The documents the office signs and sends out (sealed-bundle-v1, "Documents the office sends
// out"), with the `schema` value each carries. A public contract: the schema value is inside
// every signed file and the kind is named in every signature's trusted comment.
import { isOneOf } from "./is-one-of.js";

export const SIGNED_DOCUMENT_KINDS = ["decision", "countersignature", "grievance-response"] as const;
export type SignedDocumentKind = (typeof SIGNED_DOCUMENT_KINDS)[number];
export const isSignedDocumentKind = isOneOf(SIGNED_DOCUMENT_KINDS);

export const DOCUMENT_SCHEMAS = {
  decision: "counterseal.decision/1",
  countersignature: "counterseal.countersignature/1",
  grievance: "counterseal.grievance/1",
  "grievance-response": "counterseal.grievance-response/1",
} as const;
