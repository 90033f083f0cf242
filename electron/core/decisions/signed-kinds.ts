// The documents the office signs, by kind: the schema each must parse against. The verifier
// dispatches on a document's `schema` field, so a file says itself what it claims to be.
import type { z } from "zod";
import { countersignatureDocumentSchema, type CountersignatureDocument } from "../../../shared/formats/countersignature.js";
import { decisionDocumentSchema, type DecisionDocument } from "../../../shared/formats/decision.js";
import { grievanceResponseDocumentSchema, type GrievanceResponseDocument } from "../../../shared/formats/grievance-response.js";
import { describeZodIssue } from "../../../shared/formats/request.js";
import { DOCUMENT_SCHEMAS, SIGNED_DOCUMENT_KINDS, type SignedDocumentKind } from "../../../shared/vocabulary/signed-document-kinds.js";
import { CoreError } from "../errors.js";

export interface SignedDocuments {
  decision: DecisionDocument;
  countersignature: CountersignatureDocument;
  "grievance-response": GrievanceResponseDocument;
}

export type AnySignedDocument = { [K in SignedDocumentKind]: { kind: K; document: SignedDocuments[K] } }[SignedDocumentKind];

const SCHEMAS: { [K in SignedDocumentKind]: z.ZodType<SignedDocuments[K]> } = {
  decision: decisionDocumentSchema,
  countersignature: countersignatureDocumentSchema,
  "grievance-response": grievanceResponseDocumentSchema,
};

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Parses a document of a known kind: the value, or one sentence per issue led by its JSON path. */
export function parseSignedDocument<K extends SignedDocumentKind>(kind: K, value: unknown): ParseOutcome<SignedDocuments[K]> {
  const result = SCHEMAS[kind].safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues.map(describeZodIssue) };
}

/** The kind a parsed JSON value claims by its `schema` field, if it names one we sign. */
export function claimedKind(value: unknown): SignedDocumentKind | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const schema = (value as Record<string, unknown>)["schema"];
  return SIGNED_DOCUMENT_KINDS.find((kind) => DOCUMENT_SCHEMAS[kind] === schema);
}

/** Parses whatever signed document the value claims to be. */
export function parseAnySignedDocument(value: unknown): ParseOutcome<AnySignedDocument> {
  const kind = claimedKind(value);
  if (kind === undefined) {
    const expected = SIGNED_DOCUMENT_KINDS.map((each) => DOCUMENT_SCHEMAS[each]).join(", ");
    return { ok: false, issues: [`$.schema: expected one of ${expected}`] };
  }
  const parsed = parseSignedDocument(kind, value);
  return parsed.ok ? { ok: true, value: { kind, document: parsed.value } as AnySignedDocument } : parsed;
}

/** A document that fails its schema or its rules; it is never signed. */
export class DocumentInvalidError extends CoreError {
  override readonly name = "DocumentInvalidError";
  readonly code = "signed-document-invalid";
  readonly issues: readonly string[];
  constructor(
    readonly kind: SignedDocumentKind,
    ...issues: string[]
  ) {
    super(`the ${kind} document is not valid: ${issues.join("; ")}`);
    this.issues = issues;
  }
}
