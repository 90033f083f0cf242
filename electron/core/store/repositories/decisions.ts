// Signed decisions on request revisions (migration 005). A decision is stored as exactly the
// bytes that were signed with their signature; recording it also moves its case to the state the
// decision leaves it in (through the review repository), all in one transaction with a
// content-free `decision.signed` audit row. A stored decision never changes; a newer one on the
// same revision supersedes it, and the older one stays.
import type { CaseState } from "../../../../shared/vocabulary/case-states.js";
import type { DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import type { NextDue } from "../request-index.js";
import { fromStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";
import { CaseStatisticsTable } from "./case-statistics.js";
import type { ReviewRepository } from "./review.js";

export interface DecisionInput {
  id: string;
  requestId: string;
  reviewId: string;
  outcome: DecisionOutcome;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  decidedAt: Date;
  supersedes: string | null;
  countersignaturesRequired: boolean;
  /** For the audit row: item ids only. */
  refusalGrounds: readonly string[];
  /** The case's state after the decision, and the request's next deadline in it. */
  state: CaseState;
  nextDue: NextDue | undefined;
}

export interface StoredDecision {
  id: string;
  requestId: string;
  outcome: DecisionOutcome;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  decidedAt: Date;
  supersedes: string | null;
  /** The decision that replaced this one, or null while it is current. */
  supersededBy: string | null;
  countersignaturesRequired: boolean;
}

interface DecisionRow {
  id: string;
  requestId: string;
  outcome: DecisionOutcome;
  document: Buffer;
  signature: string;
  sha256: string;
  decidedAt: number;
  supersedes: string | null;
  supersededBy: string | null;
  countersignaturesRequired: number;
}

const SELECT = `
  SELECT d.id, d.request_id AS requestId, d.outcome, d.document, d.signature, d.sha256, d.decided_at AS decidedAt,
         d.supersedes, (SELECT s.id FROM decisions s WHERE s.supersedes = d.id) AS supersededBy,
         d.countersignatures_required AS countersignaturesRequired
    FROM decisions d`;

/** A decision id already in use, or a second current decision on one revision. */
export class DecisionExistsError extends StoreError {
  override name = "DecisionExistsError";
  override readonly code = "decision-exists";
}

/** Superseding a decision that is already superseded, missing, or about another revision. */
export class DecisionSupersededError extends StoreError {
  override name = "DecisionSupersededError";
  override readonly code = "decision-superseded";
}

export class DecisionRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #review: ReviewRepository;
  readonly #selectOne;
  readonly #selectAll;
  readonly #selectOfRequest;
  readonly #insert;
  readonly #statistics;

  constructor(ctx: StoreContext, audit: AuditLog, review: ReviewRepository) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#review = review;
    const { db } = ctx;
    this.#statistics = new CaseStatisticsTable(ctx);
    this.#selectOne = db.prepare<[string], DecisionRow>(`${SELECT} WHERE d.id = ?`);
    this.#selectAll = db.prepare<[], DecisionRow>(`${SELECT} ORDER BY d.decided_at DESC, d.rowid DESC`);
    this.#selectOfRequest = db.prepare<[string], DecisionRow>(`${SELECT} WHERE d.request_id = ? ORDER BY d.decided_at, d.rowid`);
    this.#insert = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO decisions (id, request_id, outcome, document, signature, sha256, decided_at, supersedes, countersignatures_required)
       VALUES (@id, @requestId, @outcome, @document, @signature, @sha256, @decidedAt, @supersedes, @countersignaturesRequired)`,
    );
  }

  /**
   * Stores a signed decision and moves its case, or nothing: the id must be new, and the
   * revision's current decision (if any) must be the one it supersedes.
   */
  recordDecision(actor: Actor, input: DecisionInput): StoredDecision {
    return this.#ctx.transactions.run(() => {
      if (this.#selectOne.get(input.id) !== undefined) throw new DecisionExistsError(`The id ${input.id} is already a decision's; choose another id.`);
      const current = this.currentDecisionOf(input.requestId);
      if (input.supersedes === null && current !== undefined) {
        throw new DecisionExistsError(`This request revision has decision ${current.id} (${current.outcome}); a new decision must supersede it (--supersedes ${current.id}).`);
      }
      if (input.supersedes !== null) this.checkSupersedable(input.supersedes, input.requestId);
      this.#insert.run({
        id: input.id,
        requestId: input.requestId,
        outcome: input.outcome,
        document: Buffer.from(input.bytes),
        signature: input.signature,
        sha256: input.sha256,
        decidedAt: toStoredTime(input.decidedAt),
        supersedes: input.supersedes,
        countersignaturesRequired: input.countersignaturesRequired ? 1 : 0,
      });
      this.#review.setCaseState(input.reviewId, input.state, input.nextDue);
      this.#statistics.refreshForDecision(input.id);
      this.#audit.appendAudit({
        actor,
        action: "decision.signed",
        objectId: input.id,
        details: {
          requestId: input.requestId,
          outcome: input.outcome,
          refusalGrounds: [...input.refusalGrounds],
          sha256: input.sha256,
          supersedes: input.supersedes,
          countersignaturesRequired: input.countersignaturesRequired,
          state: input.state,
        },
      });
      const stored = this.getDecision(input.id);
      if (stored === undefined) throw new StoreError(`decision ${input.id} vanished inside its own transaction`);
      return stored;
    });
  }

  getDecision(id: string): StoredDecision | undefined {
    const row = this.#selectOne.get(id);
    return row === undefined ? undefined : toDecision(row);
  }

  /** Every decision, newest first. */
  listDecisions(): StoredDecision[] {
    return this.#selectAll.all().map(toDecision);
  }

  /** The decisions on one request revision, oldest first (superseded ones included). */
  decisionsOf(requestId: string): StoredDecision[] {
    return this.#selectOfRequest.all(requestId).map(toDecision);
  }

  /** The revision's decision that nothing supersedes, if it has one. */
  currentDecisionOf(requestId: string): StoredDecision | undefined {
    return this.decisionsOf(requestId).find((decision) => decision.supersededBy === null);
  }

  /** Refuses a decision to supersede that is unknown, on another revision, or superseded already. */
  checkSupersedable(id: string, requestId: string): void {
    const old = this.getDecision(id);
    if (old === undefined) throw new DecisionSupersededError(`--supersedes ${id}: the store holds no decision ${id}.`);
    if (old.requestId !== requestId) throw new DecisionSupersededError(`--supersedes ${id}: that decision is on another request revision; a decision supersedes one on the same revision.`);
    if (old.supersededBy !== null) throw new DecisionSupersededError(`--supersedes ${id}: it is already superseded by ${old.supersededBy}; supersede that one instead.`);
  }
}

function toDecision(row: DecisionRow): StoredDecision {
  return {
    id: row.id,
    requestId: row.requestId,
    outcome: row.outcome,
    bytes: new Uint8Array(row.document),
    signature: row.signature,
    sha256: row.sha256,
    decidedAt: fromStoredTime(row.decidedAt),
    supersedes: row.supersedes,
    supersededBy: row.supersededBy,
    countersignaturesRequired: row.countersignaturesRequired === 1,
  };
}
