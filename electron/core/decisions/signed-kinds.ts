// The documents the office signs, by kind: the schema each must parse against. The verifier
// dispatches on a document's `schema` field, so a file says itself what it claims to be. It also
// knows the committee auditor's findings report, signed the same way by the auditor's key
// (docs/audit-sampling.md, "Auditor mode"), though the office never signs one.
import type { z } from "zod";
import { AUDIT_FINDINGS_SCHEMA, auditFindingsDocumentSchema, type AuditFindingsDocument } from "../../../shared/formats/audit-findings.js";
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

/** What `counterseal verify` checks: the office's signed documents and the auditor's findings report. */
export const VERIFIABLE_KINDS = [...SIGNED_DOCUMENT_KINDS, "audit-findings"] as const;
export type VerifiableKind = (typeof VERIFIABLE_KINDS)[number];

export interface VerifiableDocuments extends SignedDocuments {
  "audit-findings": AuditFindingsDocument;
}

export type AnySignedDocument = { [K in VerifiableKind]: { kind: K; document: VerifiableDocuments[K] } }[VerifiableKind];

const SCHEMAS: { [K in SignedDocumentKind]: z.ZodType<SignedDocuments[K]> } = {
  decision: decisionDocumentSchema,
  countersignature: countersignatureDocumentSchema,
  "grievance-response": grievanceResponseDocumentSchema,
};

const VERIFIABLE_SCHEMAS: { [K in VerifiableKind]: z.ZodType<VerifiableDocuments[K]> } = { ...SCHEMAS, "audit-findings": auditFindingsDocumentSchema };
const SCHEMA_NAMES: { [K in VerifiableKind]: string } = { ...DOCUMENT_SCHEMAS, "audit-findings": AUDIT_FINDINGS_SCHEMA };

/** The signer a document names as its own: the reviewer, or a findings report's auditor. */
export const signerOf = (value: AnySignedDocument): { name: string; keyId: string; field: string } =>
  value.kind === "audit-findings" ? { ...value.document.auditor, field: "auditor" } : { ...value.document.reviewer, field: "reviewer" };

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Parses a document of a known kind: the value, or one sentence per issue led by its JSON path. */
export function parseSignedDocument<K extends SignedDocumentKind>(kind: K, value: unknown): ParseOutcome<SignedDocuments[K]> {
  const result = SCHEMAS[kind].safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: result.error.issues.map(describeZodIssue) };
}

/** The kind a parsed JSON value claims by its `schema` field, if it names one we verify. */
export function claimedKind(value: unknown): VerifiableKind | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const schema = (value as Record<string, unknown>)["schema"];
  return VERIFIABLE_KINDS.find((kind) => SCHEMA_NAMES[kind] === schema);
}

/** Parses whatever signed document the value claims to be. */
export function parseAnySignedDocument(value: unknown): ParseOutcome<AnySignedDocument> {
  const kind = claimedKind(value);
  if (kind === undefined) {
    const expected = VERIFIABLE_KINDS.map((each) => SCHEMA_NAMES[each]).join(", ");
    return { ok: false, issues: [`$.schema: expected one of ${expected}`] };
  }
  const result = VERIFIABLE_SCHEMAS[kind].safeParse(value, { reportInput: true });
  return result.success ? { ok: true, value: { kind, document: result.data } as AnySignedDocument } : { ok: false, issues: result.error.issues.map(describeZodIssue) };
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
