// The content-free audit export (docs/audit-export.md): the chain's rows with their actions,
// times, actors, object ids and digests, but not their details, so an auditor can recompute every
// row hash and link without seeing a request. UTF-8 JSON Lines: a header, then one row per line,
// each line the RFC 8785 canonical JSON of its object followed by "\n". The whole file is signed
// with the reviewer's minisign key (FILE.minisig), whose trusted comment names the head.
import { canonicalJson } from "../crypto/canonical-json.js";
import type { AuditHashFields, AuditEntry as StoredAuditEntry } from "../store/index.js";

export const AUDIT_EXPORT_FORMAT = "counterseal.audit-export/1";
export const AUDIT_CHECKPOINT_FORMAT = "counterseal.audit-checkpoint/1";

export interface AuditExportHeader {
  format: typeof AUDIT_EXPORT_FORMAT;
  /** ISO 8601, UTC. */
  exportedAt: string;
  /** The signing key's id as minisign prints it. */
  signer: string;
  /** Rows in the export: every row of the chain from seq 1 to headSeq. */
  count: number;
  headSeq: number;
  headHash: string;
}

/** Exactly the fields the row hash covers (electron/core/store/audit-chain.ts; `at` in milliseconds, as hashed) and the row hash. */
export interface AuditExportRow extends AuditHashFields {
  rowHash: string;
}

export const ROW_FIELDS = ["action", "actor", "at", "detailsDigest", "objectId", "objectType", "prevHash", "rowHash", "seq"] as const;
export const HEADER_FIELDS = ["count", "exportedAt", "format", "headHash", "headSeq", "signer"] as const;

export const exportRowOf = (row: StoredAuditEntry): AuditExportRow => ({
  seq: row.seq,
  at: row.at.getTime(),
  actor: row.actor,
  action: row.action,
  objectType: row.objectType,
  objectId: row.objectId,
  detailsDigest: row.detailsDigest,
  prevHash: row.prevHash,
  rowHash: row.rowHash,
});

export const exportLine = (value: AuditExportHeader | AuditExportRow): string => `${canonicalJson(value)}\n`;

/** `counterseal audit-export seq N head HASH`: what `minisign -V` prints for an export. */
export const exportTrustedComment = (headSeq: number, headHash: string): string => `counterseal audit-export seq ${headSeq} head ${headHash}`;

/** `counterseal audit-checkpoint seq N head HASH`: what `minisign -V` prints for a checkpoint. */
export const checkpointTrustedComment = (headSeq: number, headHash: string): string => `counterseal audit-checkpoint seq ${headSeq} head ${headHash}`;
