// The statistics screen's pure parts: which of the report's tables are charted and how, the bars a
// chart may draw (only what the report publishes: a withheld count is no bar, never its value),
// and the checks of the period and threshold fields. Tested without a page.
import type { ReportTableView, TransparencyReportView } from "../../../../shared/api/statistics.js";

/** Bars over time (vertical, in month order) and breakdowns (horizontal, one bar per row). */
export type ChartKind = "over-time" | "breakdown";

/** The tables the screen charts, in the order the report has them, with the kind of chart each gets. */
export const CHARTED_TABLES: Readonly<Record<string, ChartKind>> = {
  "received-by-instrument": "breakdown",
  "received-by-country": "breakdown",
  "received-by-provider": "breakdown",
  "received-by-data-category": "breakdown",
  "received-by-month": "over-time",
  outcomes: "breakdown",
  "outcomes-by-month": "over-time",
};

export const chartKindOf = (table: ReportTableView): ChartKind | undefined => CHARTED_TABLES[table.id];

export interface ChartSeries {
  key: string;
  label: string;
  /** One per row of the table: the published count, or null where it is withheld (no bar is drawn). */
  values: (number | null)[];
}

export interface ChartData {
  labels: string[];
  series: ChartSeries[];
  /** How many counts the chart leaves out because the report withholds them. */
  withheld: number;
}

/** The chart of a table: a series per column over its rows, built from the published values alone. */
export function chartOf(table: ReportTableView): ChartData {
  let withheld = 0;
  const series = table.columns.map((column, index) => ({
    key: column.key,
    label: column.label,
    values: table.rows.map((row) => {
      const value = row.cells[index]?.value ?? null;
      if (value === null) withheld += 1;
      return value;
    }),
  }));
  return { labels: table.rows.map((row) => row.label), series, withheld };
}

/** A breakdown's bars run sideways, one line each; the chart's height follows how many there are. */
export function chartSize(table: ReportTableView, kind: ChartKind): "small" | "medium" | "large" {
  if (kind === "over-time") return "medium";
  return table.rows.length <= 4 ? "small" : table.rows.length <= 10 ? "medium" : "large";
}

/** Every table of the report in reading order, Art 28(2)'s apart. */
export const reportSections = (report: TransparencyReportView) => ({ tables: report.tables, times: report.times, art28: report.art28 });

const DAY = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** Whether the text is a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const match = text.match(DAY);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type PeriodProblem = "from-invalid" | "to-invalid" | "order";

/** What is wrong with the period's fields, if anything: each day must be a real one, and the last not before the first. */
export function periodProblems(from: string, to: string): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (!isDay(from.trim())) problems.push("from-invalid");
  if (!isDay(to.trim())) problems.push("to-invalid");
  if (problems.length === 0 && to.trim() < from.trim()) problems.push("order");
  return problems;
}

/** The core's bounds for the small-count threshold (electron/core/settings/report-settings.ts). */
export const MIN_THRESHOLD = 1;
export const MAX_THRESHOLD = 1000;

/** The threshold typed, or null when it is not a whole number from 1 to 1000. */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[0-9]{1,4}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= MIN_THRESHOLD && value <= MAX_THRESHOLD ? value : null;
}
