// The report as CSV (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a
// line break, quotes doubled), one section per table (docs/statistics.md, "CSV"): a record
// `table,ID,TITLE`, the header, one record per row, the totals record, and an empty record
// before the next section. Withheld counts appear as they are shown ("< 5", "x"); an empty
// field is a rate or a time that is withheld or has no cases.
import type { ReportTable } from "./tables.js";
import type { TimeTable, TransparencyReport } from "./report.js";

const field = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const record = (values: readonly (string | number | null | undefined)[]): string => `${values.map(field).join(",")}\r\n`;

function tableSection(table: ReportTable): string {
  const hasTotals = table.rows.some((row) => row.total !== undefined);
  const hasRate = table.rateLabel !== undefined;
  let out = record(["table", table.id, table.title]);
  out += record([table.rowLabel, ...table.columns.map((column) => column.label), ...(hasTotals ? ["total"] : []), ...(hasRate ? [table.rateLabel] : [])]);
  for (const row of table.rows) {
    out += record([row.label, ...row.cells.map((cell) => cell.display), ...(hasTotals ? [row.total?.display] : []), ...(hasRate ? [row.rate] : [])]);
  }
  if (table.totals !== undefined) out += record(["total", ...table.totals.cells.map((cell) => cell.display), ...(hasTotals ? [table.totals.total?.display] : []), ...(hasRate ? [""] : [])]);
  return out;
}

function timeSection(table: TimeTable): string {
  let out = record(["table", table.id, table.title]);
  out += record(["group", "cases", "median hours", "mean hours", "90th percentile hours"]);
  for (const row of table.rows) out += record([row.label, row.cases.display, row.medianHours, row.meanHours, row.p90Hours]);
  return out;
}

export function reportCsv(report: TransparencyReport): string {
  const sections = [
    record(["report", report.schema]) + record(["period", report.period.from, report.period.to, report.period.timeZone]) + record(["threshold", report.threshold]) + record(["generated", report.generatedAt]),
    ...report.tables.map(tableSection),
    ...report.times.map(timeSection),
    ...report.art28.tables.map(tableSection),
    ...report.art28.times.map(timeSection),
  ];
  return sections.join("\r\n");
}
