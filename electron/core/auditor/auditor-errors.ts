// The errors of audit packs and auditor mode, each with its API code (shared/api/errors.ts).
import { CoreError } from "../errors.js";

/** A change to case data in an auditor's store: review, decide, import of requests. */
export class AuditorStoreReadOnlyError extends CoreError {
  override readonly name = "AuditorStoreReadOnlyError";
  readonly code = "auditor-store-read-only";
}

export class NotAnAuditorStoreError extends CoreError {
  override readonly name = "NotAnAuditorStoreError";
  readonly code = "not-an-auditor-store";
}

/** An audit pack that does not open, is not trusted, or whose contents do not check out. Nothing is stored. */
export class AuditPackRefusedError extends CoreError {
  override readonly name = "AuditPackRefusedError";
  readonly code = "audit-pack-refused";
}

export class AuditPackNotFoundError extends CoreError {
  override readonly name = "AuditPackNotFoundError";
  readonly code = "audit-pack-not-found";
}

export class AuditPackCaseUnknownError extends CoreError {
  override readonly name = "AuditPackCaseUnknownError";
  readonly code = "audit-pack-case-unknown";
}

export class FindingInvalidError extends CoreError {
  override readonly name = "FindingInvalidError";
  readonly code = "finding-invalid";
}

export class FindingsIncompleteError extends CoreError {
  override readonly name = "FindingsIncompleteError";
  readonly code = "findings-incomplete";
}

export class PackRecipientInvalidError extends CoreError {
  override readonly name = "PackRecipientInvalidError";
  readonly code = "pack-recipient-invalid";
}
