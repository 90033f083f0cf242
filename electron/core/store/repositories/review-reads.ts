// The review tables read back (the writes are in review.ts): a review and its parts, the review
// of the revision reviewed before, requests naming the same identifiers, and the requests that
// still run a clock.
import type { StoreContext } from "../context.js";
import { fromStoredTime } from "../time.js";

export interface ReviewRecord {
  id: string;
  requestId: string;
  templateId: string;
  templateVersion: string;
  /** One of CASE_STATES; kept as text like requests.status. */
  state: string;
  previousReviewId: string | null;
  startedAt: Date;
  updatedAt: Date;
}

export interface IndependenceRecord {
  conflict: boolean;
  note: string | null;
  reviewerKeyId: string;
  declaredAt: Date;
}

export interface AnswerRecord {
  itemId: string;
  answer: string;
  note: string | null;
  evidenceJson: string;
  answeredAt: Date;
}

export interface FindingDecisionRecord {
  ruleId: string;
  status: string;
  note: string;
  decidedAt: Date;
}

export interface CarriedOverRecord {
  itemId: string;
  fromRevision: number;
  confirmedAt: Date;
}

/** Another case's revision naming one of the identifiers asked about. */
export interface RelatedRow {
  identifierKey: string;
  authorityId: string;
  documentId: string;
  revision: number;
  instrument: string;
  status: string;
  /** The outcome of the revision's current decision (the one nothing supersedes); null before one. */
  outcome: string | null;
  categories: string[];
  receivedAt: Date;
}

/** A revision whose soonest clock is still open: the clocks listing reads its document. */
export interface ClockedRequest {
  requestId: string;
  authorityId: string;
  documentId: string;
  revision: number;
  status: string;
  document: string;
  grantedJson: string | null;
  nextDueAt: Date;
}

interface ReviewRow extends Omit<ReviewRecord, "startedAt" | "updatedAt"> {
  startedAt: number;
  updatedAt: number;
}

const REVIEW_COLUMNS = `id, request_id AS requestId, template_id AS templateId, template_version AS templateVersion, state,
  previous_review_id AS previousReviewId, started_at AS startedAt, updated_at AS updatedAt`;

/** At most this many related revisions are listed, most recently received first. */
export const RELATED_LIMIT = 200;

const toReview = (row: ReviewRow): ReviewRecord => ({ ...row, startedAt: fromStoredTime(row.startedAt), updatedAt: fromStoredTime(row.updatedAt) });

export class ReviewReads {
  readonly #byRequest;
  readonly #byId;
  readonly #independence;
  readonly #answers;
  readonly #findings;
  readonly #scope;
  readonly #carriedOver;
  readonly #reviewedBefore;
  readonly #related;
  readonly #clocked;
  readonly #revisionOf;

  constructor(ctx: StoreContext) {
    const { db } = ctx;
    this.#byRequest = db.prepare<[string], ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE request_id = ?`);
    this.#byId = db.prepare<[string], ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = ?`);
    this.#independence = db.prepare<[string], { conflict: number; note: string | null; reviewerKeyId: string; declaredAt: number }>(
      "SELECT conflict, note, reviewer_key_id AS reviewerKeyId, declared_at AS declaredAt FROM review_independence WHERE review_id = ?",
    );
    this.#answers = db.prepare<[string], Omit<AnswerRecord, "answeredAt"> & { answeredAt: number }>(
      `SELECT item_id AS itemId, answer, note, evidence_json AS evidenceJson, answered_at AS answeredAt
         FROM review_answers WHERE review_id = ? ORDER BY item_id`,
    );
    this.#findings = db.prepare<[string], Omit<FindingDecisionRecord, "decidedAt"> & { decidedAt: number }>(
      "SELECT rule_id AS ruleId, status, note, decided_at AS decidedAt FROM review_findings WHERE review_id = ? ORDER BY rule_id",
    );
    this.#scope = db.prepare<[string], string>("SELECT granted_json FROM review_scopes WHERE review_id = ?").pluck();
    this.#carriedOver = db.prepare<[string], Omit<CarriedOverRecord, "confirmedAt"> & { confirmedAt: number }>(
      "SELECT item_id AS itemId, from_revision AS fromRevision, confirmed_at AS confirmedAt FROM review_carried_over WHERE review_id = ? ORDER BY item_id",
    );
    this.#reviewedBefore = db.prepare<[string, number], { reviewId: string; revision: number }>(
      `SELECT v.id AS reviewId, r.revision FROM reviews v JOIN requests r ON r.id = v.request_id
        WHERE r.case_id = ? AND r.revision < ? ORDER BY r.revision DESC LIMIT 1`,
    );
    this.#revisionOf = db.prepare<[string], { revision: number; document: string }>(
      "SELECT r.revision, r.document FROM reviews v JOIN requests r ON r.id = v.request_id WHERE v.id = ?",
    );
    this.#related = db.prepare<[string, string, number], Omit<RelatedRow, "categories" | "receivedAt"> & { categories: string | null; receivedAt: number }>(
      `SELECT i.identifier_key AS identifierKey, r.authority_id AS authorityId, r.document_id AS documentId, r.revision,
              r.instrument, r.status, r.received_at AS receivedAt,
              (SELECT d.outcome FROM decisions d WHERE d.request_id = r.id
                  AND NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes = d.id)) AS outcome,
              (SELECT group_concat(category, ' ') FROM request_categories c WHERE c.request_id = r.id) AS categories
         FROM request_identifiers i JOIN requests r ON r.id = i.request_id
        WHERE i.identifier_key = ? AND r.case_id <> ?
        ORDER BY r.received_at DESC, r.rowid DESC LIMIT ?`,
    );
    this.#clocked = db.prepare<[number, number], Omit<ClockedRequest, "nextDueAt"> & { nextDueAt: number; rowid: number }>(
      `SELECT r.rowid, r.id AS requestId, r.authority_id AS authorityId, r.document_id AS documentId, r.revision, r.status,
              r.document, s.granted_json AS grantedJson, r.next_due_at AS nextDueAt
         FROM requests r LEFT JOIN reviews v ON v.request_id = r.id LEFT JOIN review_scopes s ON s.review_id = v.id
        WHERE r.next_due_at IS NOT NULL AND r.rowid > ? ORDER BY r.rowid LIMIT ?`,
    );
  }

  forRequest(requestId: string): ReviewRecord | undefined {
    const row = this.#byRequest.get(requestId);
    return row === undefined ? undefined : toReview(row);
  }

  byId(reviewId: string): ReviewRecord | undefined {
    const row = this.#byId.get(reviewId);
    return row === undefined ? undefined : toReview(row);
  }

  independence(reviewId: string): IndependenceRecord | undefined {
    const row = this.#independence.get(reviewId);
    return row === undefined ? undefined : { ...row, conflict: row.conflict === 1, declaredAt: fromStoredTime(row.declaredAt) };
  }

  answers(reviewId: string): AnswerRecord[] {
    return this.#answers.all(reviewId).map((row) => ({ ...row, answeredAt: fromStoredTime(row.answeredAt) }));
  }

  findingDecisions(reviewId: string): FindingDecisionRecord[] {
    return this.#findings.all(reviewId).map((row) => ({ ...row, decidedAt: fromStoredTime(row.decidedAt) }));
  }

  /** The granted scope's JSON, or undefined while nothing was narrowed. */
  grantedScopeJson(reviewId: string): string | undefined {
    return this.#scope.get(reviewId);
  }

  carriedOver(reviewId: string): CarriedOverRecord[] {
    return this.#carriedOver.all(reviewId).map((row) => ({ ...row, confirmedAt: fromStoredTime(row.confirmedAt) }));
  }

  /** The review of the highest earlier revision of the case that was reviewed at all. */
  reviewedBefore(caseId: string, revision: number): { reviewId: string; revision: number } | undefined {
    return this.#reviewedBefore.get(caseId, revision);
  }

  /** The revision a review is about, with its document. */
  reviewedRevision(reviewId: string): { revision: number; document: string } | undefined {
    return this.#revisionOf.get(reviewId);
  }

  /** Revisions of other cases naming any of these identifier keys, each key at most RELATED_LIMIT. */
  related(identifierKeys: readonly string[], exceptCaseId: string): RelatedRow[] {
    return identifierKeys.flatMap((key) =>
      this.#related.all(key, exceptCaseId, RELATED_LIMIT).map((row) => ({
        ...row,
        categories: row.categories === null ? [] : row.categories.split(" "),
        receivedAt: fromStoredTime(row.receivedAt),
      })),
    );
  }

  /** Every revision with an open clock, in pages (the caller reads each one's document). */
  *clockedRequests(pageSize = 500): Generator<ClockedRequest> {
    for (let after = 0; ; ) {
      const rows = this.#clocked.all(after, pageSize);
      for (const { rowid, nextDueAt, ...row } of rows) {
        after = rowid;
        yield { ...row, nextDueAt: fromStoredTime(nextDueAt) };
      }
      if (rows.length < pageSize) return;
    }
  }
}
