// The append-only audit log. Every mutating repository call appends its row here inside the
// same transaction as its change, so a change without its audit row (or the reverse) can never
// be committed. Each action's details are checked against its schema (shared/formats/audit.ts)
// before they are written: the compiler checks them at the call site, this check at run time.
import { type Actor, AuditFormatError, type AuditDetails, formatActor, parseAuditDetails } from "../../../../shared/formats/audit.js";
import { AUDIT_OBJECT_TYPES, type AuditAction } from "../../../../shared/vocabulary/audit-actions.js";
import { canonicalJson } from "../../crypto/canonical-json.js";
import { AUDIT_HASH_VERSION, auditRowHash, GENESIS_HASH } from "../audit-chain.js";
import { sha256Hex } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import { fromStoredTime, toStoredTime } from "../time.js";

export interface AuditEntryInput<A extends AuditAction> {
  actor: Actor;
  action: A;
  /** Which object it changed; the object's type follows from the action (AUDIT_OBJECT_TYPES). */
  objectId: string;
  details: AuditDetails<A>;
}

/** A row as stored: the texts the chain covers, before they are read as typed values. */
export interface AuditEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  details: unknown;
  detailsJson: string;
  detailsDigest: string;
  prevHash: string;
  rowHash: string;
}

export type AuditChainCheck =
  | { ok: true; count: number; headSeq: number; headHash: string }
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

/** What the chain's walk reads per row, as a raw statement returns it: seq, the row hash's input, details, digests. */
type ChainRow = [seq: number, hashInput: string, detailsJson: string, detailsDigest: string, prevHash: string, rowHash: string];

/**
 * The row hash's input (audit-chain.ts) written by SQLite itself: each field a netstring of its
 * UTF-8 bytes (a STRICT table's TEXT is UTF-8, and its integers are written in decimal), in the
 * documented order. The walk over a million rows then hashes one string per row instead of
 * building it in JavaScript, about a third less work; tests/store/audit.test.ts holds it to
 * auditHashInput for texts of every width.
 */
const netstringSql = (column: string): string => `length(CAST(${column} AS BLOB)) || ':' || ${column} || ','`;
const HASH_INPUT_SQL = [
  `'${Buffer.byteLength(AUDIT_HASH_VERSION)}:${AUDIT_HASH_VERSION},'`,
  ...["seq", "at", "actor", "action", "object_type", "object_id", "details_digest", "prev_hash"].map(netstringSql),
].join(" || ");

const COLUMNS = `seq, at, actor, action, object_type AS objectType, object_id AS objectId,
  details_json AS detailsJson, details_digest AS detailsDigest, prev_hash AS prevHash, row_hash AS rowHash`;

/** At most this many rows per page. */
export const AUDIT_PAGE_LIMIT = 1000;

export class AuditLog {
  readonly #ctx: StoreContext;
  readonly #selectHead;
  readonly #insert;
  readonly #selectPage;
  readonly #selectChain;
  readonly #selectOf;

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
    this.#selectOf = db.prepare<[string, string], AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log WHERE action = ? AND object_id = ? ORDER BY seq`,
    );
    // Rows as arrays: a million row objects cost more than the two hashes per row.
    this.#selectChain = db
      .prepare<[], ChainRow>(`SELECT seq, ${HASH_INPUT_SQL}, details_json, details_digest, prev_hash, row_hash FROM audit_log ORDER BY seq`)
      .raw(true);
  }

  /** Appends one row at the head of the chain; joins the caller's transaction if there is one. */
  appendAudit<A extends AuditAction>(input: AuditEntryInput<A>): AuditEntry {
    return this.#ctx.transactions.run(() => {
      const { actor, detailsJson } = auditTexts(input);
      const head = this.#selectHead.get();
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        at: toStoredTime(this.#ctx.runtime.clock.now()),
        actor,
        action: input.action,
        objectType: AUDIT_OBJECT_TYPES[input.action],
        objectId: input.objectId,
        detailsDigest: sha256Hex(detailsJson),
        prevHash: head?.rowHash ?? GENESIS_HASH,
      };
      const row: AuditRow = { ...fields, detailsJson, rowHash: auditRowHash(fields) };
      this.#insert.run(row);
      return toEntry(row);
    });
  }

  /** Rows in chain order after `afterSeq` (default 0: from the start), at most `limit` (default and maximum 1000). */
  listAudit(options: { afterSeq?: number; limit?: number } = {}): AuditEntry[] {
    const limit = Math.min(options.limit ?? AUDIT_PAGE_LIMIT, AUDIT_PAGE_LIMIT);
    return this.#selectPage.all(options.afterSeq ?? 0, limit).map(toEntry);
  }

  /**
   * Every row of one action on one object, in chain order: what a page shows of its own history
   * (the countersignature requests sent for a decision). The log has no index on objects, so this
   * reads the whole table; a page calls it for one object at a time.
   */
  entriesOf(action: AuditAction, objectId: string): AuditEntry[] {
    return this.#selectOf.all(action, objectId).map(toEntry);
  }

  /** The newest row's seq and hash: seq 0 and the genesis hash for an empty log. */
  auditHead(): { seq: number; hash: string } {
    const head = this.#selectHead.get();
    return head === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: head.seq, hash: head.rowHash };
  }

  /**
   * Recomputes the chain from the genesis hash: sequence without gaps, each details digest, each
   * link and each row hash. Reports the first row that does not hold. A chain cut short at its
   * end, or rewritten completely, can only be caught against a head hash kept elsewhere
   * (`headSeq` and `headHash` are what to keep).
   */
  verifyAuditChain(): AuditChainCheck {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (const [seq, hashInput, detailsJson, detailsDigest, rowPrevHash, rowHash] of this.#selectChain.iterate()) {
      const broken = (reason: string): AuditChainCheck => ({ ok: false, seq: expectedSeq, reason });
      if (seq !== expectedSeq) return broken(`row ${expectedSeq} is missing (next row is ${seq})`);
      if (sha256Hex(detailsJson) !== detailsDigest) return broken("details do not match their digest");
      if (rowPrevHash !== prevHash) return broken("prev_hash does not link to the previous row");
      if (sha256Hex(hashInput) !== rowHash) return broken("row_hash does not match the row's contents");
      prevHash = rowHash;
      expectedSeq += 1;
    }
    return { ok: true, count: expectedSeq - 1, headSeq: expectedSeq - 1, headHash: prevHash };
  }
}

/** The stored actor text and canonical details, or a StoreError naming what is wrong with them. */
function auditTexts<A extends AuditAction>(input: AuditEntryInput<A>): { actor: string; detailsJson: string } {
  try {
    const actor = formatActor(input.actor);
    parseAuditDetails(input.action, input.details);
    // The caller's value, not zod's copy: the schemas only check, so both canonicalise alike.
    return { actor, detailsJson: canonicalJson(input.details) };
  } catch (error) {
    if (error instanceof AuditFormatError) throw new StoreError(error.message);
    throw new StoreError(`Audit details of ${input.action} have no canonical JSON form: ${(error as Error).message}`);
  }
}

const toEntry = (row: AuditRow): AuditEntry => ({
  ...row,
  at: fromStoredTime(row.at),
  details: JSON.parse(row.detailsJson) as unknown,
});
