// The report's tables over time (the app's bar charts): requests received per month of the
// period and their outcomes per month received. Every month of the period is a row (zero too),
// the first and last months count only the period's days, a month is the office's time zone's,
// and the monthly tables withhold small counts like every other table, secondary suppression
// included, so a chart drawn from them never learns a withheld count.
import { describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { updateReviewSettings } from "../../electron/core/settings/review-settings.js";
import { reportBytes, transparencyReport } from "../../electron/core/statistics/report-service.js";
import type { CaseFacts } from "../../shared/statistics/case-facts.js";
import { periodMonths } from "../../shared/statistics/months.js";
import { reportCsv } from "../../shared/statistics/report-csv.js";
import { buildTransparencyReport, type TransparencyReport } from "../../shared/statistics/report.js";
import type { ReportTable } from "../../shared/statistics/tables.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { reviewOffices } from "../review/review-office.js";

const office = reviewOffices();
const HOUR = 3_600_000;

const table = (report: TransparencyReport, id: string): ReportTable => {
  const found = report.tables.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return found;
};
/** A table as `row: cells… | total` of displayed values. */
const shown = (t: ReportTable): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const row of t.rows) out[row.label] = [...row.cells.map((cell) => cell.display), ...(row.total === undefined ? [] : [`| ${row.total.display}`])].join(" ");
  if (t.totals !== undefined) out["total"] = [...t.totals.cells.map((cell) => cell.display), ...(t.totals.total === undefined ? [] : [`| ${t.totals.total.display}`])].join(" ");
  return out;
};

const fact = (month: string, outcome: CaseFacts["outcome"], cases: number): CaseFacts => ({
  month,
  instrument: "eu-production-order",
  urgency: "routine",
  authority: "nl-om-rotterdam",
  country: "NL",
  provider: "Northwind Mail Ltd",
  categories: ["subscriber"],
  nonDisclosure: false,
  outcome,
  decisionFinal: true,
  refusalGrounds: outcome === "refused" ? ["L1"] : [],
  executionOutcome: null,
  executionGround: null,
  cases,
  receiptToDecisionMs: outcome === null ? [] : Array.from({ length: cases }, () => HOUR),
  issueToDataMs: [],
});

const OPTIONS = { from: "2026-01-01", to: "2026-03-31", timeZone: "Europe/Brussels", generatedAt: "2026-04-01T00:00:00.000Z" };

describe("the period's months", () => {
  it("lists every month the period touches, the first and last cut to the period's days, across years and leap days", () => {
    expect(periodMonths("2026-11-15", "2027-02-10")).toEqual([
      { month: "2026-11", from: "2026-11-15", to: "2026-11-30" },
      { month: "2026-12", from: "2026-12-01", to: "2026-12-31" },
      { month: "2027-01", from: "2027-01-01", to: "2027-01-31" },
      { month: "2027-02", from: "2027-02-01", to: "2027-02-10" },
    ]);
    expect(periodMonths("2028-02-01", "2028-03-01")).toEqual([
      { month: "2028-02", from: "2028-02-01", to: "2028-02-29" },
      { month: "2028-03", from: "2028-03-01", to: "2028-03-01" },
    ]);
    expect(periodMonths("2026-05-07", "2026-05-07")).toEqual([{ month: "2026-05", from: "2026-05-07", to: "2026-05-07" }]);
  });
});

describe("the report's monthly tables", () => {
  it("counts requests and their outcomes per month received, a month with none as zero, rows and columns adding up", () => {
    const report = buildTransparencyReport({ cases: [fact("2026-01", "authorised", 7), fact("2026-01", null, 2), fact("2026-03", "refused", 4)], grievances: [] }, { ...OPTIONS, threshold: 1 });
    expect(shown(table(report, "received-by-month"))).toEqual({ "2026-01": "9", "2026-02": "0", "2026-03": "4", total: "13" });
    expect(table(report, "outcomes-by-month").columns.map((column) => column.key)).toEqual(["authorised", "authorised-with-modifications", "refused", "returned", "awaiting-countersignature", "undecided"]);
    expect(shown(table(report, "outcomes-by-month"))).toEqual({
      "2026-01": "7 0 0 0 0 2 | 9",
      "2026-02": "0 0 0 0 0 0 | 0",
      "2026-03": "0 0 4 0 0 0 | 4",
      total: "7 0 4 0 0 2 | 13",
    });
    // Placed beside the tables they break down, so the CSV, the JSON and the PDF carry them in that order.
    const ids = report.tables.map((t) => t.id);
    expect(ids.indexOf("received-by-month")).toBe(ids.indexOf("received-by-urgency") + 1);
    expect(ids.indexOf("outcomes-by-month")).toBe(ids.indexOf("outcomes") + 1);
    expect(reportCsv(report)).toContain("\r\n\r\ntable,outcomes-by-month,Outcomes by month received\r\nmonth,authorised,authorised-with-modifications,refused,returned,awaiting-countersignature,undecided,total\r\n2026-01,7,0,0,0,0,2,9\r\n2026-02,0,0,0,0,0,0,0\r\n");
  });

  it("withholds a small monthly count and, where a line would give it away, its complements, keeping none of their values", () => {
    // February: 9 authorised and 3 refused. At threshold 5 the 3 is small; its row, its column and
    // the totals each need a second withheld count, which cascades through January's row.
    const facts = { cases: [fact("2026-01", "authorised", 12), fact("2026-02", "authorised", 9), fact("2026-02", "refused", 3)], grievances: [] };
    const report = buildTransparencyReport(facts, { ...OPTIONS, threshold: 5 });
    expect(shown(table(report, "received-by-month"))).toEqual({ "2026-01": "12", "2026-02": "12", "2026-03": "0", total: "24" });
    const outcomes = table(report, "outcomes-by-month");
    expect(shown(outcomes)).toEqual({
      "2026-01": "x 0 0 0 0 0 | x",
      "2026-02": "x 0 < 5 0 0 0 | x",
      "2026-03": "0 0 0 0 0 0 | 0",
      total: "x 0 < 5 0 0 0 | 24",
    });
    const counts = [...outcomes.rows.flatMap((row) => [...row.cells, ...(row.total ? [row.total] : [])]), ...(outcomes.totals?.cells ?? []), ...(outcomes.totals?.total ? [outcomes.totals.total] : [])];
    for (const count of counts) expect(count.value === null).toBe(count.suppressed !== null);
    expect(outcomes.rows[1]?.cells[2]).toEqual({ value: null, display: "< 5", suppressed: "small" });
    // Neither the small count (3), its complements (9, 12, 21) nor any sum short of the grand total leaves the table.
    expect(JSON.stringify(outcomes)).not.toMatch(/"value":(3|9|12|21)\b/);
  });
});

describe("the monthly tables over a real store", () => {
  it("puts a request in the month of the office's time zone, not UTC's, and keeps the period's edges", async () => {
    const at = office();
    const { session, runtime } = at;
    // Auckland is UTC+13 in November: 2026-11-30T11:30Z is already 1 December there.
    updateReviewSettings(session, { timeZone: "Pacific/Auckland" });
    const early = await reviewedRequest(at, { request: { id: "M-NOV" } }); // 2026-11-20T10:00Z: 20 November, 23:00 in Auckland
    decide(session, { ...early, outcome: "authorised", reasons: REASONS });
    runtime.advance(10 * 24 * HOUR - 10 * HOUR + 11.5 * HOUR); // 2026-11-30T11:30Z
    await reviewedRequest(at, { request: { id: "M-DEC" } });

    const report = transparencyReport(session, { from: "2026-11-01", to: "2027-01-31", threshold: 1 });
    expect(report.period.timeZone).toBe("Pacific/Auckland");
    expect(shown(table(report, "received-by-month"))).toEqual({ "2026-11": "1", "2026-12": "1", "2027-01": "0", total: "2" });
    expect(shown(table(report, "outcomes-by-month"))["2026-11"]).toBe("1 0 0 0 0 0 | 1");
    expect(shown(table(report, "outcomes-by-month"))["2026-12"]).toBe("0 0 0 0 0 1 | 1");
    // A period ending on 30 November (Auckland) leaves the December request out, month table and all.
    const november = transparencyReport(session, { from: "2026-11-20", to: "2026-11-30", threshold: 1 });
    expect(shown(table(november, "received-by-month"))).toEqual({ "2026-11": "1", total: "1" });
    expect(table(november, "received-by-instrument").totals?.cells[0]?.value).toBe(1);
    // Without a period, the year to date in the office's zone: 2026-11-30T11:30Z is 1 December in Auckland.
    expect(transparencyReport(session, {}).period).toEqual({ from: "2026-01-01", to: "2026-12-01", timeZone: "Pacific/Auckland" });
    updateReviewSettings(session, { timeZone: "America/Los_Angeles" });
    expect(transparencyReport(session, {}).period).toEqual({ from: "2026-01-01", to: "2026-11-30", timeZone: "America/Los_Angeles" });
    expect(() => transparencyReport(session, { from: "2026-01-01" })).toThrow("give the period's first and last day both (--from and --to), or neither for the year to date");
    // The PDF typesets them like every table.
    const pdf = Buffer.from(await reportBytes(report, "pdf", "Office")).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
  });
});
