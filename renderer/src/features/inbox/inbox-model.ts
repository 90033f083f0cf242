// Inbox logic without a DOM: sort state, filters -> query, which pages a scrolled range needs,
// and how keys move the active row. The store and the grid call these.
import type { DataCategory } from "../../../../shared/vocabulary/data-categories.js";
import type { InboxQuery, InboxRow, InboxSortField } from "../../../../shared/api/requests.js";
import type { Instrument } from "../../../../shared/vocabulary/instruments.js";
import type { UrgencyLevel } from "../../../../shared/vocabulary/urgencies.js";
import { DUE_SOON_MS } from "../../../../shared/review/clocks.js";

export const PAGE_SIZE = 100;
/** Typing in search and text filters applies after this pause. */
export const SEARCH_DEBOUNCE_MS = 300;

export type SortDirection = "asc" | "desc";
export interface SortState {
  field: InboxSortField;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { field: "receivedAt", direction: "desc" };

/** Dates and urgency read best newest/most urgent first; names read best A to Z. */
const FIRST_DIRECTION: Record<InboxSortField, SortDirection> = {
  receivedAt: "desc",
  submittedAt: "desc",
  respondBy: "asc",
  authority: "asc",
  instrument: "asc",
  urgency: "desc",
  status: "asc",
  nextDeadline: "asc",
};

/** Clicking a header: the same column flips direction, another column starts at its natural one. */
export function nextSort(current: SortState, field: InboxSortField): SortState {
  if (current.field === field) return { field, direction: current.direction === "asc" ? "desc" : "asc" };
  return { field, direction: FIRST_DIRECTION[field] };
}

export function ariaSort(current: SortState, field: InboxSortField | null): "ascending" | "descending" | "none" | undefined {
  if (field === null) return undefined;
  if (current.field !== field) return "none";
  return current.direction === "asc" ? "ascending" : "descending";
}

export interface InboxFilters {
  instrument: Instrument | "";
  urgency: UrgencyLevel | "";
  category: DataCategory | "";
  authority: string;
  country: string;
  status: string;
}

export const EMPTY_FILTERS: InboxFilters = { instrument: "", urgency: "", category: "", authority: "", country: "", status: "" };

export const activeFilterCount = (filters: InboxFilters): number => Object.values(filters).filter((value) => value.trim() !== "").length;

export function buildQuery(offset: number, limit: number, sort: SortState, filters: InboxFilters, search: string): InboxQuery {
  const filter: NonNullable<InboxQuery["filter"]> = {};
  if (filters.instrument) filter.instrument = filters.instrument;
  if (filters.urgency) filter.urgency = filters.urgency;
  if (filters.category) filter.category = filters.category;
  if (filters.authority.trim()) filter.authority = filters.authority.trim();
  if (filters.country.trim()) filter.country = filters.country.trim().toUpperCase();
  if (filters.status.trim()) filter.status = filters.status.trim();
  const trimmed = search.trim().slice(0, 200);
  return { offset, limit, sort: { ...sort }, filter, ...(trimmed ? { search: trimmed } : {}) };
}

/** A stable key for "the same list": changes of sort, filter or search start a fresh cache. */
export const queryKey = (sort: SortState, filters: InboxFilters, search: string): string =>
  JSON.stringify([sort.field, sort.direction, filters, search.trim()]);

/** The page numbers covering rows [first, last] (inclusive), within `total` rows when known. */
export function pagesForRange(first: number, last: number, pageSize: number, total: number | null): number[] {
  if (last < first) return [];
  const end = total === null ? last : Math.min(last, total - 1);
  if (end < 0) return total === null ? [0] : [];
  const pages: number[] = [];
  for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(end / pageSize); page++) pages.push(page);
  return pages;
}

export function rowAt(pages: Readonly<Record<number, readonly InboxRow[]>>, index: number, pageSize: number): InboxRow | undefined {
  return pages[Math.floor(index / pageSize)]?.[index % pageSize];
}

/** Where a key moves the active row, or null when the key is not a grid movement. */
export function moveActive(key: string, index: number, total: number, visibleRows: number): number | null {
  if (total <= 0) return null;
  const last = total - 1;
  const page = Math.max(1, visibleRows - 1);
  const clamp = (value: number) => Math.min(last, Math.max(0, value));
  switch (key) {
    case "ArrowDown":
      return clamp(index + 1);
    case "ArrowUp":
      return clamp(index - 1);
    case "PageDown":
      return clamp(index + page);
    case "PageUp":
      return clamp(index - page);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return null;
  }
}

export const rowDomId = (index: number): string => `inbox-row-${index}`;

export const isEmergency = (row: Pick<InboxRow, "urgency" | "instrument">): boolean =>
  row.urgency === "emergency" || row.instrument === "emergency-disclosure";

/** How a row's next deadline stands at `nowMs`: rows stay on screen while time passes, so the page judges it as it draws. */
export function deadlineState(due: string, nowMs: number): "overdue" | "due-soon" | "running" {
  const left = Date.parse(due) - nowMs;
  if (left <= 0) return "overdue";
  return left <= DUE_SOON_MS ? "due-soon" : "running";
}

/** How often the inbox looks at the clock again to mark deadlines that came due meanwhile. */
export const DEADLINE_TICK_MS = 60_000;
