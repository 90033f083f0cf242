// Auditor mode (docs/audit-sampling.md): a store created with `counterseal init --auditor` holds
// audit packs and its auditor's findings, never an office's own cases. Every service that changes
// case data (import of requests, review, decide, retention's deletion) asks here first, so the
// refusal is one clear sentence; migration 009's triggers refuse the same rows underneath.
import type { Session } from "../session/session.js";
import { AuditorStoreReadOnlyError, NotAnAuditorStoreError } from "./auditor-errors.js";

export type StoreMode = "office" | "auditor";

export const storeModeOf = (session: Session): StoreMode => (session.store.auditPacks.isAuditorStore() ? "auditor" : "office");

/** Refuses, naming `what`, in an auditor's store. */
export function assertOfficeStore(session: Session, what: string): void {
  if (storeModeOf(session) === "auditor") {
    throw new AuditorStoreReadOnlyError(`this is an auditor's store, where case data are read-only: it cannot ${what}; only the auditor's findings are written here (counterseal auditor findings)`);
  }
}

export function assertAuditorStore(session: Session, what: string): void {
  if (storeModeOf(session) !== "auditor") {
    throw new NotAnAuditorStoreError(`${what} works in an auditor's store; this is an office's store (create one with counterseal init --auditor)`);
  }
}
