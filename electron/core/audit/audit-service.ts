// The audit log as the app, the CLI and the API see it: typed entries page by page, the chain
// verified from its first row, and its head. The SQL and the hash chain stay in core/store; this
// layer reads each stored row as the typed vocabulary of shared/formats/audit.ts.
import {
  AuditFormatError,
  auditEntry,
  parseActor,
  type AuditEntry,
  type AuditVerification,
} from "../../../shared/formats/audit.js";
import type { Session } from "../session/session.js";
import { AUDIT_PAGE_LIMIT, type AuditEntry as StoredAuditEntry } from "../store/index.js";
import { CoreError } from "../errors.js";

/** A stored row that the vocabulary does not describe: a row from another build, or damage. */
export class AuditRowError extends CoreError {
  override readonly name = "AuditRowError";
  readonly code = "audit-row-unreadable";
}

export class AuditPageError extends CoreError {
  override readonly name = "AuditPageError";
  readonly code = "invalid-arguments";
}

export interface AuditPage {
  /** Entries after this seq (default 0: from the first). */
  afterSeq?: number;
  /** At most this many (default and maximum AUDIT_PAGE_LIMIT). */
  limit?: number;
}

export { AUDIT_PAGE_LIMIT };

/** One page of entries in chain order, each read as its action's typed entry. */
export function listAuditEntries(session: Session, page: AuditPage = {}): AuditEntry[] {
  const afterSeq = page.afterSeq ?? 0;
  const limit = page.limit ?? AUDIT_PAGE_LIMIT;
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) throw new AuditPageError(`afterSeq ${afterSeq}: use a whole number from 0`);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > AUDIT_PAGE_LIMIT) {
    throw new AuditPageError(`limit ${limit}: use a whole number from 1 to ${AUDIT_PAGE_LIMIT}`);
  }
  return session.store.audit.listAudit({ afterSeq, limit }).map(typedEntry);
}

/** Every entry, page by page (for the CLI's full listing and for tests). */
export function* allAuditEntries(session: Session, afterSeq = 0): Generator<AuditEntry> {
  for (let after = afterSeq; ; ) {
    const page = listAuditEntries(session, { afterSeq: after });
    yield* page;
    const last = page.at(-1);
    if (last === undefined || page.length < AUDIT_PAGE_LIMIT) return;
    after = last.seq;
  }
}

/** Walks the whole chain from the genesis hash; names the first broken link. */
export function verifyAudit(session: Session): AuditVerification {
  return session.store.audit.verifyAuditChain();
}

/** The newest entry's seq and row hash (seq 0 and the genesis hash for an empty log). */
export function auditHead(session: Session): { seq: number; hash: string } {
  return session.store.audit.auditHead();
}

/** A stored row as the API's entry: its actor text parsed, its details checked against its action. */
export function typedEntry(row: StoredAuditEntry): AuditEntry {
  let actor;
  try {
    actor = parseActor(row.actor);
  } catch (error) {
    if (error instanceof AuditFormatError) throw new AuditRowError(`Audit entry ${row.seq}: ${error.message}`);
    throw error;
  }
  const checked = auditEntry.safeParse({
    seq: row.seq,
    at: row.at.toISOString(),
    actor,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    details: row.details,
    detailsDigest: row.detailsDigest,
    prevHash: row.prevHash,
    rowHash: row.rowHash,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
    throw new AuditRowError(`Audit entry ${row.seq} (${row.action}) does not match its schema${where}: ${issue?.message ?? "invalid"}`);
  }
  return checked.data;
}
