// The append-only audit log. Every mutating repository call appends its row here inside the
// same transaction as its change, so a change without its audit row (or the reverse) can never
// be committed.
import { auditRowHash, GENESIS_HASH } from "../audit-chain.js";
import { sha256Hex } from "../bytes.js";
import { canonicalJson, type JsonValue } from "../canonical-json.js";
import type { StoreContext } from "../context.js";
import { fromStoredTime, toStoredTime } from "../time.js";

export type AuditDetails = { readonly [key: string]: JsonValue };

export interface AuditEntryInput {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  details: AuditDetails;
}

export interface AuditEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  details: JsonValue;
  detailsJson: string;
  detailsDigest: string;
  prevHash: string;
  rowHash: string;
}

export type AuditChainCheck =
  | { ok: true; count: number; headHash: string }
  | { ok: false; seq: number; reason: string };

interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  detailsJson: string;
  detailsDigest: string;
  prevHash: string;
  rowHash: string;
}

const COLUMNS = `seq, at, actor, action, object_type AS objectType, object_id AS objectId,
  details_json AS detailsJson, details_digest AS detailsDigest, prev_hash AS prevHash, row_hash AS rowHash`;

export class AuditLog {
  readonly #ctx: StoreContext;
  readonly #selectHead;
  readonly #insert;
  readonly #selectPage;
  readonly #selectAll;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
    const { db } = ctx;
    this.#selectHead = db.prepare<[], { seq: number; rowHash: string }>(
      "SELECT seq, row_hash AS rowHash FROM audit_log ORDER BY seq DESC LIMIT 1",
    );
    this.#insert = db.prepare<[AuditRow]>(
      `INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, details_json, details_digest, prev_hash, row_hash)
       VALUES (@seq, @at, @actor, @action, @objectType, @objectId, @detailsJson, @detailsDigest, @prevHash, @rowHash)`,
    );
    this.#selectPage = db.prepare<[number, number], AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    this.#selectAll = db.prepare<[], AuditRow>(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`);
  }

  /** Appends one row at the head of the chain; joins the caller's transaction if there is one. */
  appendAudit(input: AuditEntryInput): AuditEntry {
    return this.#ctx.transactions.run(() => {
      const head = this.#selectHead.get();
      const detailsJson = canonicalJson(input.details);
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        at: toStoredTime(this.#ctx.runtime.clock.now()),
        actor: input.actor,
        action: input.action,
        objectType: input.objectType,
        objectId: input.objectId,
        detailsDigest: sha256Hex(detailsJson),
        prevHash: head?.rowHash ?? GENESIS_HASH,
      };
      const row: AuditRow = { ...fields, detailsJson, rowHash: auditRowHash(fields) };
      this.#insert.run(row);
      return toEntry(row);
    });
  }

  /** Rows in chain order after `afterSeq` (default 0: from the start), at most `limit` (default 1000). */
  listAudit(options: { afterSeq?: number; limit?: number } = {}): AuditEntry[] {
    return this.#selectPage.all(options.afterSeq ?? 0, options.limit ?? 1000).map(toEntry);
  }

  /**
   * Recomputes the chain from the genesis hash: sequence without gaps, each details digest, each
   * link and each row hash. Reports the first row that does not hold. A chain cut short at its
   * end, or rewritten completely, can only be caught against a head hash kept elsewhere
   * (`headHash` is what to keep).
   */
  verifyAuditChain(): AuditChainCheck {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (const row of this.#selectAll.iterate()) {
      const broken = (reason: string): AuditChainCheck => ({ ok: false, seq: expectedSeq, reason });
      if (row.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing (next row is ${row.seq})`);
      if (sha256Hex(row.detailsJson) !== row.detailsDigest) return broken("details do not match their digest");
      if (row.prevHash !== prevHash) return broken("prev_hash does not link to the previous row");
      if (auditRowHash(row) !== row.rowHash) return broken("row_hash does not match the row's contents");
      prevHash = row.rowHash;
      expectedSeq += 1;
    }
    return { ok: true, count: expectedSeq - 1, headHash: prevHash };
  }
}

const toEntry = (row: AuditRow): AuditEntry => ({
  ...row,
  at: fromStoredTime(row.at),
  details: JSON.parse(row.detailsJson) as JsonValue,
});
