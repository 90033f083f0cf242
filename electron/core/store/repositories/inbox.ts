// The inbox query: every stored revision, filtered, searched, sorted and paged in SQL, so the
// list stays fast at 100,000 requests. Sort columns and filters come from fixed tables here;
// nothing a caller sends is pasted into SQL.
import type { StoreContext } from "../context.js";
import { ftsQueryOf } from "../search-text.js";
import { fromNullableStoredTime, fromStoredTime } from "../time.js";
import { NO_DUE_LAST_ASC, NO_DUE_LAST_DESC } from "../request-index.js";

export type InboxSortField = "receivedAt" | "submittedAt" | "respondBy" | "authority" | "instrument" | "urgency" | "status" | "nextDeadline";

export interface InboxFilter {
  instrument?: string | undefined;
  urgency?: string | undefined;
  category?: string | undefined;
  authority?: string | undefined;
  country?: string | undefined;
  status?: string | undefined;
}

export interface InboxQueryInput {
  offset: number;
  limit: number;
  sort: { field: InboxSortField; direction: "asc" | "desc" };
  filter: InboxFilter;
  search?: string;
}

export interface InboxEntry {
  authorityId: string;
  authorityName: string;
  country: string;
  documentId: string;
  revision: number;
  revisionCount: number;
  instrument: string;
  urgencyLevel: string;
  dataCategories: string[];
  receivedAt: Date;
  submittedAt: Date;
  respondBy: Date | null;
  status: string;
  /** The soonest open clock (migration 004 keeps it per request); null when none runs. */
  nextDue: { at: Date; kind: string } | null;
}

type IndexedSortField = Exclude<InboxSortField, "nextDeadline">;

const SORT_SQL: Readonly<Record<IndexedSortField, string>> = {
  receivedAt: "r.received_at",
  submittedAt: "r.submitted_at",
  // Requests without a deadline sort after those with one, in either direction.
  respondBy: "r.respond_by IS NULL, r.respond_by",
  authority: "a.name COLLATE NOCASE",
  instrument: "r.instrument",
  // Ranked so that descending means most urgent first.
  urgency: "CASE r.urgency_level WHEN 'emergency' THEN 2 WHEN 'expedited' THEN 1 ELSE 0 END",
  status: "r.status",
};

/**
 * The next-deadline sort per direction. Like respondBy, requests that run no clock sort last
 * either way; each expression is exactly the one its index (migration 004) holds, written
 * without ", " since the ORDER BY below is built by splitting terms on it.
 */
const NEXT_DEADLINE = {
  asc: { order: `coalesce(r.next_due_at,${NO_DUE_LAST_ASC})`, index: "requests_by_next_due_asc" },
  desc: { order: `coalesce(r.next_due_at,${NO_DUE_LAST_DESC})`, index: "requests_by_next_due_desc" },
} as const;

/** The index that holds each sort column (every one also holds the rowid). */
const SORT_INDEX: Readonly<Record<IndexedSortField, string>> = {
  receivedAt: "requests_by_received",
  submittedAt: "requests_by_submitted",
  respondBy: "requests_by_respond_by",
  authority: "requests_by_authority",
  instrument: "requests_by_instrument",
  urgency: "requests_by_urgency",
  status: "requests_by_status",
};

const FILTER_SQL: Readonly<Record<keyof InboxFilter, string>> = {
  instrument: "r.instrument = ?",
  urgency: "r.urgency_level = ?",
  // As a rowid set from two covering indexes, so the scan never reads a request row.
  category: "r.rowid IN (SELECT x.rowid FROM request_categories c JOIN requests x ON x.id = c.request_id WHERE c.category = ?)",
  authority: "r.authority_id = ?",
  country: "a.country = ?",
  status: "r.status = ?",
};

interface InboxRow {
  authorityId: string;
  authorityName: string;
  country: string;
  documentId: string;
  revision: number;
  revisionCount: number;
  instrument: string;
  urgencyLevel: string;
  categories: string | null;
  receivedAt: number;
  submittedAt: number;
  respondBy: number | null;
  status: string;
  nextDueAt: number | null;
  nextDueKind: string | null;
}

export class InboxRepository {
  readonly #ctx: StoreContext;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
  }

  /**
   * Two steps, because a request row carries its whole document: first the page's rowids, from
   * the narrow indexes alone (skipping 99,900 rows touches no document), then the page's details.
   */
  query(input: InboxQueryInput): { total: number; entries: InboxEntry[] } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    for (const [name, value] of Object.entries(input.filter) as [keyof InboxFilter, string | undefined][]) {
      if (value === undefined || value === "") continue;
      where.push(FILTER_SQL[name]);
      params.push(value);
    }
    const filtered = where.length > 0;
    const match = input.search === undefined ? undefined : ftsQueryOf(input.search);
    if (match !== undefined) {
      where.push("r.rowid IN (SELECT rowid FROM request_search WHERE request_search MATCH ?)");
      params.push(match);
    }
    const needsAuthority = (input.filter.country !== undefined && input.filter.country !== "") || input.sort.field === "authority";
    // With a rowid set (a search, a category), SQLite would otherwise fetch each member's row,
    // document and all, to sort them; walking the sort column's index and testing membership
    // against the set is far cheaper.
    const bySet = match !== undefined || (input.filter.category !== undefined && input.filter.category !== "");
    const { field } = input.sort;
    const sort = field === "nextDeadline" ? NEXT_DEADLINE[input.sort.direction] : { order: SORT_SQL[field], index: SORT_INDEX[field] };
    const indexedBy = bySet ? `INDEXED BY ${sort.index}` : "";
    // CROSS JOIN keeps requests as the outer loop, so its indexes drive the scan.
    const join = needsAuthority ? "CROSS JOIN authorities a ON a.id = r.authority_id" : "";
    const from = `FROM requests r ${indexedBy} ${join} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
    const { db } = this.#ctx;
    const total =
      match !== undefined && !filtered
        ? Number(db.prepare("SELECT count(*) FROM request_search WHERE request_search MATCH ?").pluck().get(match))
        : Number(db.prepare(`SELECT count(*) ${from}`).pluck().get(...params));
    const direction = input.sort.direction === "asc" ? "ASC" : "DESC";
    const order = sort.order
      .split(", ")
      .map((term) => (term.endsWith("IS NULL") ? term : `${term} ${direction}`))
      .join(", ");
    const page = db
      .prepare<unknown[], number>(`SELECT r.rowid ${from} ORDER BY ${order}, r.rowid ${direction} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, input.limit, input.offset);
    if (page.length === 0) return { total, entries: [] };
    const rows = db
      .prepare<number[], InboxRow & { rowid: number }>(
        `SELECT r.rowid, r.authority_id AS authorityId, a.name AS authorityName, a.country, r.document_id AS documentId, r.revision,
                (SELECT count(*) FROM requests x WHERE x.case_id = r.case_id) AS revisionCount,
                r.instrument, r.urgency_level AS urgencyLevel,
                (SELECT group_concat(category, ' ') FROM request_categories c WHERE c.request_id = r.id) AS categories,
                r.received_at AS receivedAt, r.submitted_at AS submittedAt, r.respond_by AS respondBy, r.status,
                r.next_due_at AS nextDueAt, r.next_due_kind AS nextDueKind
           FROM requests r JOIN authorities a ON a.id = r.authority_id
          WHERE r.rowid IN (${page.map(() => "?").join(", ")})`,
      )
      .all(...page);
    const byRowid = new Map(rows.map((row) => [row.rowid, row]));
    const entries = page.flatMap((rowid) => {
      const row = byRowid.get(rowid);
      return row ? [toEntry(row)] : [];
    });
    return { total, entries };
  }
}

const toEntry = (row: InboxRow): InboxEntry => ({
  authorityId: row.authorityId,
  authorityName: row.authorityName,
  country: row.country,
  documentId: row.documentId,
  revision: row.revision,
  revisionCount: row.revisionCount,
  instrument: row.instrument,
  urgencyLevel: row.urgencyLevel,
  dataCategories: row.categories ? row.categories.split(" ") : [],
  receivedAt: fromStoredTime(row.receivedAt),
  submittedAt: fromStoredTime(row.submittedAt),
  respondBy: fromNullableStoredTime(row.respondBy),
  status: row.status,
  nextDue: row.nextDueAt === null || row.nextDueKind === null ? null : { at: fromStoredTime(row.nextDueAt), kind: row.nextDueKind },
});
