// The audit log: its entries page by page, and the verification of its hash chain.
import { listAuditEntries, verifyAudit } from "../../core/audit/audit-service.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type AuditHandlers = Pick<ApiHandlers, "listAudit" | "verifyAudit">;

export function auditHandlers(sessions: SessionState): AuditHandlers {
  return {
    listAudit: ({ afterSeq, limit }) =>
      listAuditEntries(sessions.current(), { ...(afterSeq !== undefined && { afterSeq }), ...(limit !== undefined && { limit }) }),
    verifyAudit: () => verifyAudit(sessions.current()),
  };
}
