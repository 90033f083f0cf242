// Every stored request revision as an audit sample's population sees it: its reference parts,
// instrument, urgency, data categories, when the office received it and its decision's outcome. Read-only; one narrow
// scan that never reads a request's document.
import type { StoreContext } from "../context.js";
import { fromStoredTime } from "../time.js";

export interface PopulationRow {
  authorityId: string;
  documentId: string;
  revision: number;
  instrument: string;
  urgencyLevel: string;
  dataCategories: string[];
  receivedAt: Date;
  /** The outcome of the revision's current decision (the one nothing supersedes); null before one. */
  outcome: string | null;
}

interface Row {
  authorityId: string;
  documentId: string;
  revision: number;
  instrument: string;
  urgencyLevel: string;
  categories: string | null;
  receivedAt: number;
  outcome: string | null;
}

export class PopulationRepository {
  readonly #selectAll;

  constructor(ctx: StoreContext) {
    this.#selectAll = ctx.db.prepare<[], Row>(
      `SELECT r.authority_id AS authorityId, r.document_id AS documentId, r.revision, r.instrument,
              r.urgency_level AS urgencyLevel, r.received_at AS receivedAt,
              (SELECT group_concat(c.category, ' ') FROM request_categories c WHERE c.request_id = r.id) AS categories,
              (SELECT d.outcome FROM decisions d
                WHERE d.request_id = r.id AND NOT EXISTS (SELECT 1 FROM decisions later WHERE later.supersedes = d.id)) AS outcome
         FROM requests r`,
    );
  }

  /** Every revision, in no particular order (the frame sorts them). */
  allRevisions(): PopulationRow[] {
    return this.#selectAll.all().map((row) => ({
      authorityId: row.authorityId,
      documentId: row.documentId,
      revision: row.revision,
      instrument: row.instrument,
      urgencyLevel: row.urgencyLevel,
      dataCategories: row.categories === null ? [] : row.categories.split(" "),
      receivedAt: fromStoredTime(row.receivedAt),
      outcome: row.outcome,
    }));
  }
}
