import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  ariaSort,
  buildQuery,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  isEmergency,
  moveActive,
  nextSort,
  pagesForRange,
  queryKey,
  rowAt,
} from "../../renderer/src/features/inbox/inbox-model.js";
import { inboxQuery } from "../../shared/api/requests.js";

describe("sorting", () => {
  it("flips the same column and starts another at its natural direction", () => {
    expect(nextSort(DEFAULT_SORT, "receivedAt")).toEqual({ field: "receivedAt", direction: "asc" });
    expect(nextSort(DEFAULT_SORT, "authority")).toEqual({ field: "authority", direction: "asc" });
    expect(nextSort({ field: "authority", direction: "asc" }, "urgency")).toEqual({ field: "urgency", direction: "desc" });
  });

  it("reports aria-sort for sortable columns only", () => {
    expect(ariaSort(DEFAULT_SORT, "receivedAt")).toBe("descending");
    expect(ariaSort({ field: "status", direction: "asc" }, "status")).toBe("ascending");
    expect(ariaSort(DEFAULT_SORT, "status")).toBe("none");
    expect(ariaSort(DEFAULT_SORT, null)).toBeUndefined();
  });
});

describe("queries", () => {
  it("builds queries the API contract accepts, leaving out empty filters", () => {
    const query = buildQuery(200, 100, DEFAULT_SORT, { ...EMPTY_FILTERS, urgency: "emergency", country: " nl ", authority: "  " }, "  fraud ");
    expect(query).toEqual({ offset: 200, limit: 100, sort: DEFAULT_SORT, filter: { urgency: "emergency", country: "NL" }, search: "fraud" });
    expect(inboxQuery.safeParse(query).success).toBe(true);
    expect(buildQuery(0, 100, DEFAULT_SORT, EMPTY_FILTERS, " ")).not.toHaveProperty("search");
    expect(inboxQuery.safeParse(buildQuery(0, 100, DEFAULT_SORT, EMPTY_FILTERS, "x".repeat(500))).success).toBe(true);
  });

  it("counts active filters and keys queries by content", () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, category: "content", status: "received" })).toBe(2);
    expect(queryKey(DEFAULT_SORT, EMPTY_FILTERS, "a ")).toBe(queryKey(DEFAULT_SORT, EMPTY_FILTERS, "a"));
  });
});

describe("paging", () => {
  it("lists the pages a visible range needs, bounded by the total", () => {
    expect(pagesForRange(0, 99, 100, null)).toEqual([0]);
    expect(pagesForRange(95, 205, 100, null)).toEqual([0, 1, 2]);
    expect(pagesForRange(95, 205, 100, 150)).toEqual([0, 1]);
    expect(pagesForRange(0, 50, 100, 0)).toEqual([]);
    expect(pagesForRange(10, 5, 100, 1000)).toEqual([]);
    expect(pagesForRange(99_950, 100_049, 100, 100_000)).toEqual([999]);
  });

  it("finds a row across pages", () => {
    const row = { id: "x" } as never;
    expect(rowAt({ 3: [row] }, 300, 100)).toBe(row);
    expect(rowAt({}, 300, 100)).toBeUndefined();
  });
});

describe("keyboard movement", () => {
  it("moves by one, by a page, and to the ends, staying inside the list", () => {
    expect(moveActive("ArrowDown", 0, 10, 5)).toBe(1);
    expect(moveActive("ArrowDown", 9, 10, 5)).toBe(9);
    expect(moveActive("ArrowUp", 0, 10, 5)).toBe(0);
    expect(moveActive("PageDown", 0, 100, 11)).toBe(10);
    expect(moveActive("PageUp", 5, 100, 11)).toBe(0);
    expect(moveActive("Home", 50, 100, 11)).toBe(0);
    expect(moveActive("End", 0, 100_000, 11)).toBe(99_999);
    expect(moveActive("x", 0, 10, 5)).toBeNull();
    expect(moveActive("ArrowDown", 0, 0, 5)).toBeNull();
  });
});

it("marks emergencies by urgency or instrument", () => {
  expect(isEmergency({ urgency: "emergency", instrument: "mlat" })).toBe(true);
  expect(isEmergency({ urgency: "routine", instrument: "emergency-disclosure" })).toBe(true);
  expect(isEmergency({ urgency: "expedited", instrument: "mlat" })).toBe(false);
});
