// The review's indexes beside each request (migration 004): the soonest open deadline and the
// normalised identifiers, and the case state's side of a new revision (older ones superseded).
// Used by the requests repository at import and the review repository on every change; never
// on its own, so it writes no audit row: the change that moves an index records itself.
import type { StoreContext } from "../context.js";
import { type NextDue, requestIndexOf } from "../request-index.js";

export class RequestIndexTables {
  readonly #setDue;
  readonly #addIdentifier;
  readonly #supersedeRequests;
  readonly #supersedeReviews;
  readonly #newerRevision;

  constructor(ctx: StoreContext) {
    const { db } = ctx;
    this.#setDue = db.prepare<[number | null, string | null, string]>("UPDATE requests SET next_due_at = ?, next_due_kind = ? WHERE id = ?");
    this.#addIdentifier = db.prepare<[string, string]>("INSERT OR IGNORE INTO request_identifiers (identifier_key, request_id) VALUES (?, ?)");
    this.#supersedeReviews = db.prepare<[number, string, number]>(
      `UPDATE reviews SET state = 'superseded', updated_at = ?
        WHERE state <> 'superseded' AND request_id IN (SELECT id FROM requests WHERE case_id = ? AND revision < ?)`,
    );
    this.#supersedeRequests = db.prepare<[string, number], number>(
      `UPDATE requests SET status = 'superseded', next_due_at = NULL, next_due_kind = NULL
        WHERE case_id = ? AND revision < ? AND status <> 'superseded' RETURNING revision`,
    ).pluck();
    this.#newerRevision = db.prepare<[string, number], number>("SELECT 1 FROM requests WHERE case_id = ? AND revision > ? LIMIT 1").pluck();
  }

  /** A new revision's index entries; call inside the transaction that stores it. */
  indexNewRevision(requestId: string, documentText: string): void {
    const index = requestIndexOf(documentText, "received");
    this.setNextDue(requestId, index.nextDue);
    for (const key of index.identifierKeys) this.#addIdentifier.run(key, requestId);
  }

  setNextDue(requestId: string, due: NextDue | undefined): void {
    this.#setDue.run(due?.at ?? null, due?.kind ?? null, requestId);
  }

  /**
   * A newer revision supersedes every older one of its case (their reviews too); a revision that
   * arrives after a newer one is superseded at once. Returns the revisions it superseded.
   */
  supersedeFor(requestId: string, caseId: string, revision: number, now: number): number[] {
    this.#supersedeReviews.run(now, caseId, revision);
    const superseded = this.#supersedeRequests.all(caseId, revision);
    if (this.#newerRevision.get(caseId, revision) !== undefined) {
      this.#supersedeRequests.all(caseId, revision + 1);
      this.setNextDue(requestId, undefined);
      superseded.push(revision);
    }
    return superseded.sort((a, b) => a - b);
  }
}
