// Every action the audit log records, as stored in audit_log.action. Plain data (no zod) so the
// renderer can name and filter actions without loading the schemas. An action, once written to
// a store, is part of that store's hash chain: never rename one, only add.
export const AUDIT_ACTIONS = [
  "store.created",
  "store.rekeyed",
  "store.unlocked",
  "settings.changed",
  "reviewer.created",
  "reviewer.updated",
  "age-identity.added",
  "authority-key.added",
  "authority-key.revoked",
  "request.stored",
  "attachment.saved",
  "blobs.orphans-deleted",
  "bundle.refused",
  "attachment.viewed",
  "grievance.registered",
  "grievance.responded",
  "document.exported",
  "review.started",
  "review.independence-declared",
  "review.answer-set",
  "review.carried-over-confirmed",
  "review.finding-reviewed",
  "review.scope-changed",
  "audit.checkpointed",
  "audit.exported",
  "request.deleted",
  "request.original-exported",
  "evidence.orphans-removed",
  "decision.signed",
  "execution.recorded",
  "report.exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What kind of thing each action changed (audit_log.object_type); object_id names which one. */
export const AUDIT_OBJECT_TYPES = {
  "store.created": "store",
  "store.rekeyed": "store",
  "store.unlocked": "store",
  "settings.changed": "settings",
  "reviewer.created": "reviewer",
  "reviewer.updated": "reviewer",
  "age-identity.added": "age-identity",
  "authority-key.added": "authority-key",
  "authority-key.revoked": "authority-key",
  "request.stored": "request",
  "attachment.saved": "attachment",
  "blobs.orphans-deleted": "blob",
  "bundle.refused": "bundle",
  "attachment.viewed": "attachment",
  "grievance.registered": "grievance",
  "grievance.responded": "grievance",
  "document.exported": "signed-document",
  "review.started": "review",
  "review.independence-declared": "review",
  "review.answer-set": "review",
  "review.carried-over-confirmed": "review",
  "review.finding-reviewed": "review",
  "review.scope-changed": "review",
  "audit.checkpointed": "audit-log",
  "audit.exported": "audit-log",
  "request.deleted": "request",
  "request.original-exported": "request",
  "evidence.orphans-removed": "evidence",
  "decision.signed": "decision",
  "execution.recorded": "execution",
  "report.exported": "report",
} as const satisfies Record<AuditAction, string>;

export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[AuditAction];

export const isAuditAction = (text: string): text is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(text);
