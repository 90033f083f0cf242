// case_statistics beside the tables it summarises (migration 008, ../statistics-facts.ts): the
// requests, decisions and executions repositories refresh a case's row in the transaction of the
// change, and the deletion keeps the row with its case_id cleared. Used only by them, so it
// writes no audit row: the change that moves a row records itself.
import type { StoreContext } from "../context.js";
import { refreshCaseStatisticsSql } from "../statistics-facts.js";

export class CaseStatisticsTable {
  readonly #refresh;
  readonly #caseOfRequest;
  readonly #caseOfDecision;
  readonly #keep;

  constructor(ctx: StoreContext) {
    const { db } = ctx;
    this.#refresh = db.prepare<[string]>(refreshCaseStatisticsSql());
    this.#caseOfRequest = db.prepare<[string], string>("SELECT case_id FROM requests WHERE id = ?").pluck();
    this.#caseOfDecision = db.prepare<[string], string>("SELECT r.case_id FROM decisions d JOIN requests r ON r.id = d.request_id WHERE d.id = ?").pluck();
    this.#keep = db.prepare<[number, string]>("UPDATE case_statistics SET case_id = NULL, deleted_at = ? WHERE case_id = ?");
  }

  refreshCase(caseId: string): void {
    this.#refresh.run(caseId);
  }

  refreshForRequest(requestId: string): void {
    const caseId = this.#caseOfRequest.get(requestId);
    if (caseId !== undefined) this.refreshCase(caseId);
  }

  refreshForDecision(decisionId: string): void {
    const caseId = this.#caseOfDecision.get(decisionId);
    if (caseId !== undefined) this.refreshCase(caseId);
  }

  /** Before a case's rows go: its facts stay, no longer linked to it. */
  keepDeleted(caseId: string, deletedAt: number): void {
    this.refreshCase(caseId);
    this.#keep.run(deletedAt, caseId);
  }
}
