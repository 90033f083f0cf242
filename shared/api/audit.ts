// The audit log over the API: read it page by page, and verify its hash chain.
import { z } from "zod";
import { auditEntry, auditVerification } from "../formats/audit.js";
import { method, none } from "./method.js";

/** Largest page listAudit returns (electron/core/store keeps the same bound). */
export const AUDIT_PAGE_MAX = 1000;

export const auditPage = z.strictObject({
  /** Entries after this seq; 0 or absent for the first page. */
  afterSeq: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
});

export const auditMethods = {
  listAudit: method(auditPage, z.array(auditEntry)),
  verifyAudit: method(none, auditVerification),
} as const;

export type AuditPageArgs = z.infer<typeof auditPage>;
