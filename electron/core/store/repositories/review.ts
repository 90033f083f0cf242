// Reviews of request revisions (migration 004): the review row, the independence declaration,
// answers, decisions on findings, the granted scope and confirmed carried-over answers. Every
// mutating call takes the actor and appends its audit row in the same transaction (joining the
// caller's, so a review's start and its first change commit together). What an answer or a scope
// means is the review service's business; this file only stores and reads it.
import type { AuditDetails } from "../../../../shared/formats/audit.js";
import type { CaseState } from "../../../../shared/vocabulary/case-states.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import type { NextDue } from "../request-index.js";
import { toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";
import { RequestIndexTables } from "./request-index.js";
import { ReviewReads } from "./review-reads.js";

export type { AnswerRecord, CarriedOverRecord, FindingDecisionRecord, IndependenceRecord, RelatedRow, ReviewRecord } from "./review-reads.js";

export interface ReviewStartInput {
  requestId: string;
  templateId: string;
  templateVersion: string;
  previousReviewId: string | null;
  /** The audit row's details: which revision, template and previous revision. */
  details: Omit<AuditDetails<"review.started">, "state">;
}

export interface AnswerInput {
  itemId: string;
  answer: AuditDetails<"review.answer-set">["answer"];
  note: string | null;
  /** JSON array of evidence references, already checked by the service. */
  evidenceJson: string;
  evidenceCount: number;
}

export class ReviewRepository extends ReviewReads {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #index: RequestIndexTables;
  readonly #insertReview;
  readonly #touch;
  readonly #setReviewState;
  readonly #setRequestStatus;
  readonly #upsertIndependence;
  readonly #upsertAnswer;
  readonly #upsertFinding;
  readonly #upsertScope;
  readonly #insertCarriedOver;

  constructor(ctx: StoreContext, audit: AuditLog) {
    super(ctx);
    this.#ctx = ctx;
    this.#audit = audit;
    this.#index = new RequestIndexTables(ctx);
    const { db } = ctx;
    this.#insertReview = db.prepare<[string, string, string, string, string | null, number, number]>(
      `INSERT INTO reviews (id, request_id, template_id, template_version, state, previous_review_id, started_at, updated_at)
       VALUES (?, ?, ?, ?, 'in-review', ?, ?, ?)`,
    );
    this.#touch = db.prepare<[number, string]>("UPDATE reviews SET updated_at = ? WHERE id = ?");
    this.#setReviewState = db.prepare<[string, number, string]>("UPDATE reviews SET state = ?, updated_at = ? WHERE id = ?");
    this.#setRequestStatus = db.prepare<[string, string]>("UPDATE requests SET status = ? WHERE id = ?");
    this.#upsertIndependence = db.prepare<[string, number, string | null, string, number]>(
      `INSERT INTO review_independence (review_id, conflict, note, reviewer_key_id, declared_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (review_id) DO UPDATE SET conflict = excluded.conflict, note = excluded.note,
         reviewer_key_id = excluded.reviewer_key_id, declared_at = excluded.declared_at`,
    );
    this.#upsertAnswer = db.prepare<[string, string, string, string | null, string, number]>(
      `INSERT INTO review_answers (review_id, item_id, answer, note, evidence_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (review_id, item_id) DO UPDATE SET answer = excluded.answer, note = excluded.note,
         evidence_json = excluded.evidence_json, answered_at = excluded.answered_at`,
    );
    this.#upsertFinding = db.prepare<[string, string, string, string, number]>(
      `INSERT INTO review_findings (review_id, rule_id, status, note, decided_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (review_id, rule_id) DO UPDATE SET status = excluded.status, note = excluded.note, decided_at = excluded.decided_at`,
    );
    this.#upsertScope = db.prepare<[string, string, number]>(
      `INSERT INTO review_scopes (review_id, granted_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (review_id) DO UPDATE SET granted_json = excluded.granted_json, updated_at = excluded.updated_at`,
    );
    this.#insertCarriedOver = db.prepare<[string, string, number, number]>(
      "INSERT INTO review_carried_over (review_id, item_id, from_revision, confirmed_at) VALUES (?, ?, ?, ?)",
    );
  }

  #now(): number {
    return toStoredTime(this.#ctx.runtime.clock.now());
  }

  /** Starts the review of a received revision: records the template and moves the case to in-review. */
  start(actor: Actor, input: ReviewStartInput): string {
    return this.#ctx.transactions.run(() => {
      if (this.forRequest(input.requestId) !== undefined) throw new StoreError(`request ${input.requestId} already has a review`);
      const id = this.#ctx.runtime.ids.newId();
      const now = this.#now();
      this.#insertReview.run(id, input.requestId, input.templateId, input.templateVersion, input.previousReviewId, now, now);
      this.#setRequestStatus.run("in-review", input.requestId);
      this.#audit.appendAudit({ actor, action: "review.started", objectId: id, details: { ...input.details, state: "in-review" } });
      return id;
    });
  }

  declareIndependence(actor: Actor, reviewId: string, input: { conflict: boolean; note: string | null; reviewerKeyId: string }): void {
    this.#ctx.transactions.run(() => {
      const now = this.#now();
      this.#upsertIndependence.run(reviewId, input.conflict ? 1 : 0, input.note, input.reviewerKeyId, now);
      this.#touched(reviewId, now);
      this.#audit.appendAudit({ actor, action: "review.independence-declared", objectId: reviewId, details: { conflict: input.conflict, withNote: input.note !== null } });
    });
  }

  setAnswer(actor: Actor, reviewId: string, input: AnswerInput): void {
    this.#ctx.transactions.run(() => {
      const now = this.#now();
      this.#upsertAnswer.run(reviewId, input.itemId, input.answer, input.note, input.evidenceJson, now);
      this.#touched(reviewId, now);
      const details = { item: input.itemId, answer: input.answer, withNote: input.note !== null, evidence: input.evidenceCount };
      this.#audit.appendAudit({ actor, action: "review.answer-set", objectId: reviewId, details });
    });
  }

  /** Takes the previous revision's answers over as this review's, and records each as confirmed. */
  confirmCarriedOver(actor: Actor, reviewId: string, fromRevision: number, answers: readonly Omit<AnswerInput, "evidenceCount">[]): void {
    this.#ctx.transactions.run(() => {
      const now = this.#now();
      for (const answer of answers) {
        this.#upsertAnswer.run(reviewId, answer.itemId, answer.answer, answer.note, answer.evidenceJson, now);
        this.#insertCarriedOver.run(reviewId, answer.itemId, fromRevision, now);
      }
      this.#touched(reviewId, now);
      const items = answers.map((answer) => ({ item: answer.itemId, answer: answer.answer }));
      this.#audit.appendAudit({ actor, action: "review.carried-over-confirmed", objectId: reviewId, details: { fromRevision, items } });
    });
  }

  reviewFinding(actor: Actor, reviewId: string, input: { ruleId: string; itemId: string; status: "accepted" | "overridden"; note: string }): void {
    this.#ctx.transactions.run(() => {
      const now = this.#now();
      this.#upsertFinding.run(reviewId, input.ruleId, input.status, input.note, now);
      this.#touched(reviewId, now);
      this.#audit.appendAudit({ actor, action: "review.finding-reviewed", objectId: reviewId, details: { rule: input.ruleId, item: input.itemId, status: input.status } });
    });
  }

  /** Stores the whole granted scope after one change, and the request's next deadline it may move. */
  setGrantedScope(actor: Actor, reviewId: string, input: { grantedJson: string; nextDue: NextDue | undefined; details: AuditDetails<"review.scope-changed"> }): void {
    this.#ctx.transactions.run(() => {
      const review = this.byId(reviewId);
      if (review === undefined) throw new StoreError(`review ${reviewId} does not exist`);
      const now = this.#now();
      this.#upsertScope.run(reviewId, input.grantedJson, now);
      this.#index.setNextDue(review.requestId, input.nextDue);
      this.#touched(reviewId, now);
      this.#audit.appendAudit({ actor, action: "review.scope-changed", objectId: reviewId, details: input.details });
    });
  }

  /**
   * Moves a case to the state a decision leaves it in, with the request's next deadline in that
   * state. It writes no audit row of its own: it runs only inside the transaction that records
   * the decision (DecisionRepository.recordDecision), whose `decision.signed` row names the state.
   */
  setCaseState(reviewId: string, state: CaseState, nextDue: NextDue | undefined): void {
    this.#ctx.transactions.run(() => {
      const review = this.byId(reviewId);
      if (review === undefined) throw new StoreError(`review ${reviewId} does not exist`);
      this.#setReviewState.run(state, this.#now(), reviewId);
      this.#setRequestStatus.run(state, review.requestId);
      this.#index.setNextDue(review.requestId, nextDue);
    });
  }

  #touched(reviewId: string, now: number): void {
    if (this.#touch.run(now, reviewId).changes !== 1) throw new StoreError(`review ${reviewId} does not exist`);
  }
}
