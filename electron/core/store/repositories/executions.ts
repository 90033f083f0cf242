// The execution record (migration 008): what happened after an authorisation, one record per
// decision, stored with a content-free `execution.recorded` audit row in one transaction. A
// record never changes. It goes with its case when the case is deleted (requests.ts), after the
// case's statistical facts are kept.
import type { ExecutionOutcome, ExecutionSource, NonComplianceGround } from "../../../../shared/vocabulary/execution-outcomes.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import { fromNullableStoredTime, fromStoredTime, toNullableStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";
import { CaseStatisticsTable } from "./case-statistics.js";

export interface ExecutionInput {
  id: string;
  decisionId: string;
  outcome: ExecutionOutcome;
  producedAt: Date | null;
  ground: NonComplianceGround | null;
  note: string | null;
  source: ExecutionSource;
  /** For a bundle: the issuer's signed document as received, its SHA-256 and its bundle's digest. */
  bundle: { document: Uint8Array; documentSha256: string; bundleDigest: string } | null;
}

export interface StoredExecution {
  id: string;
  decisionId: string;
  /** The request revision the decision is on. */
  request: { authority: string; id: string; revision: number };
  outcome: ExecutionOutcome;
  producedAt: Date | null;
  ground: NonComplianceGround | null;
  note: string | null;
  source: ExecutionSource;
  documentSha256: string | null;
  bundleDigest: string | null;
  recordedAt: Date;
}

/** A current, authorising decision with no execution record yet, and its request's document. */
export interface AwaitingExecution {
  decisionId: string;
  authority: string;
  id: string;
  revision: number;
  document: string;
}

interface ExecutionRow {
  id: string;
  decisionId: string;
  authority: string;
  documentId: string;
  revision: number;
  outcome: ExecutionOutcome;
  producedAt: number | null;
  ground: NonComplianceGround | null;
  note: string | null;
  source: ExecutionSource;
  documentSha256: string | null;
  bundleDigest: string | null;
  recordedAt: number;
}

const SELECT = `
  SELECT e.id, e.decision_id AS decisionId, r.authority_id AS authority, r.document_id AS documentId, r.revision,
         e.outcome, e.produced_at AS producedAt, e.ground, e.note, e.source, e.document_sha256 AS documentSha256,
         e.bundle_digest AS bundleDigest, e.recorded_at AS recordedAt
    FROM executions e JOIN decisions d ON d.id = e.decision_id JOIN requests r ON r.id = d.request_id`;

/** A second record for one decision, or an id already in use. */
export class ExecutionExistsError extends StoreError {
  override name = "ExecutionExistsError";
  override readonly code = "execution-exists";
}

export class ExecutionRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #byId;
  readonly #byDecision;
  readonly #all;
  readonly #insert;
  readonly #awaiting;
  readonly #awaitingFor;
  readonly #statistics;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    const { db } = ctx;
    this.#statistics = new CaseStatisticsTable(ctx);
    this.#byId = db.prepare<[string], ExecutionRow>(`${SELECT} WHERE e.id = ?`);
    this.#byDecision = db.prepare<[string], ExecutionRow>(`${SELECT} WHERE e.decision_id = ?`);
    this.#all = db.prepare<[], ExecutionRow>(`${SELECT} ORDER BY e.recorded_at DESC, e.rowid DESC`);
    this.#insert = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO executions (id, decision_id, outcome, produced_at, ground, note, source, document, document_sha256, bundle_digest, recorded_at)
       VALUES (@id, @decisionId, @outcome, @producedAt, @ground, @note, @source, @document, @documentSha256, @bundleDigest, @recordedAt)`,
    );
    this.#awaiting = db.prepare<[], AwaitingExecution>(
      `SELECT d.id AS decisionId, r.authority_id AS authority, r.document_id AS id, r.revision, r.document
         FROM decisions d JOIN requests r ON r.id = d.request_id
        WHERE d.outcome IN ('authorised', 'authorised-with-modifications') AND r.status <> 'superseded'
          AND NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes = d.id)
          AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.decision_id = d.id)
        ORDER BY d.decided_at, d.rowid`,
    );
    this.#awaitingFor = db.prepare<[string, string, number], AwaitingExecution>(
      `SELECT d.id AS decisionId, r.authority_id AS authority, r.document_id AS id, r.revision, r.document
         FROM requests r JOIN decisions d ON d.request_id = r.id
        WHERE r.authority_id = ? AND r.document_id = ? AND r.revision = ?
          AND d.outcome IN ('authorised', 'authorised-with-modifications') AND r.status <> 'superseded'
          AND NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes = d.id)
          AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.decision_id = d.id)
        ORDER BY d.decided_at, d.rowid`,
    );
  }

  /** Stores the record and its audit row, or nothing: the decision must have no record yet. */
  recordExecution(actor: Actor, input: ExecutionInput): StoredExecution {
    return this.#ctx.transactions.run(() => {
      const existing = this.#byDecision.get(input.decisionId);
      if (existing !== undefined) throw new ExecutionExistsError(`Decision ${input.decisionId} has its execution record ${existing.id} (${existing.outcome}); a record is never replaced.`);
      if (this.#byId.get(input.id) !== undefined) throw new ExecutionExistsError(`The id ${input.id} is already an execution record's; choose another id.`);
      this.#insert.run({
        id: input.id,
        decisionId: input.decisionId,
        outcome: input.outcome,
        producedAt: toNullableStoredTime(input.producedAt ?? undefined),
        ground: input.ground,
        note: input.note,
        source: input.source,
        document: input.bundle === null ? null : Buffer.from(input.bundle.document),
        documentSha256: input.bundle?.documentSha256 ?? null,
        bundleDigest: input.bundle?.bundleDigest ?? null,
        recordedAt: toStoredTime(this.#ctx.runtime.clock.now()),
      });
      this.#statistics.refreshForDecision(input.decisionId);
      this.#audit.appendAudit({
        actor,
        action: "execution.recorded",
        objectId: input.id,
        details: {
          decisionId: input.decisionId,
          outcome: input.outcome,
          ground: input.ground,
          producedAt: toNullableStoredTime(input.producedAt ?? undefined),
          source: input.source,
          documentSha256: input.bundle?.documentSha256 ?? null,
          withNote: input.note !== null,
        },
      });
      const stored = this.#byId.get(input.id);
      if (stored === undefined) throw new StoreError(`execution record ${input.id} vanished inside its own transaction`);
      return toExecution(stored);
    });
  }

  executionOf(decisionId: string): StoredExecution | undefined {
    const row = this.#byDecision.get(decisionId);
    return row === undefined ? undefined : toExecution(row);
  }

  /** Every record, most recently recorded first. */
  listExecutions(): StoredExecution[] {
    return this.#all.all().map(toExecution);
  }

  /** The current authorising decisions of live revisions that have no record yet, oldest first. */
  awaitingExecution(): AwaitingExecution[] {
    return this.#awaiting.all();
  }

  /** The same for one request revision: what its page needs, without reading every other. */
  awaitingExecutionOf(authority: string, id: string, revision: number): AwaitingExecution[] {
    return this.#awaitingFor.all(authority, id, revision);
  }
}

const toExecution = (row: ExecutionRow): StoredExecution => ({
  id: row.id,
  decisionId: row.decisionId,
  request: { authority: row.authority, id: row.documentId, revision: row.revision },
  outcome: row.outcome,
  producedAt: fromNullableStoredTime(row.producedAt),
  ground: row.ground,
  note: row.note,
  source: row.source,
  documentSha256: row.documentSha256,
  bundleDigest: row.bundleDigest,
  recordedAt: fromStoredTime(row.recordedAt),
});
