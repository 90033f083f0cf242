// Recording what the reviewer did that changes nothing else (an attachment viewed or saved, an
// original exported): at once, or, while an import holds the store, in the first transaction
// after it. The reviewer never waits for an import to read what is already stored; the row
// still lands, in order behind the import's batch.
import type { AuditAction } from "../../../shared/vocabulary/audit-actions.js";
import type { Session } from "../session/session.js";
import type { AuditEntryInput } from "../store/index.js";

export function recordAudit<A extends AuditAction>(session: Session, entry: AuditEntryInput<A>): Promise<void> {
  const { store } = session;
  if (!store.heldByAnotherWriter) {
    store.audit.appendAudit(entry);
    return Promise.resolve();
  }
  return store
    .asyncTransaction(() => {
      store.audit.appendAudit(entry);
      return Promise.resolve();
    })
    .catch((error: unknown) => {
      // The store was locked before the import ended: say so where main's log goes, since the
      // reviewer's read has already been answered.
      process.stderr.write(`counterseal: the audit row for ${entry.action} ${entry.objectId} could not be written: ${(error as Error).message}\n`);
    });
}
