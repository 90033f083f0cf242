// The transparency report as printed: the period, the threshold and how small counts are
// withheld, then every table and time with its note, Art 28(2)'s tables last. Typeset like the
// decisions (DejaVu Sans, A4, fixed dates from the report), so the same report gives the same bytes.
import type { ReportTable } from "../../../shared/statistics/tables.js";
import type { TimeTable, TransparencyReport } from "../../../shared/statistics/report.js";
import { GREY, TEXT_WIDTH, Typesetter } from "../decisions/pdf/typesetter.js";

const SIZE = 8;
const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? "" : `${(rate * 100).toFixed(1)}%`);
const hours = (value: number | null): string => (value === null ? "" : value.toFixed(1));

function widthsFor(columns: number): number[] {
  const first = Math.min(150, TEXT_WIDTH / 2.5);
  return [first, ...Array.from({ length: columns }, () => (TEXT_WIDTH - first) / columns)];
}

function drawTable(out: Typesetter, table: ReportTable): void {
  out.heading(table.title);
  out.text(table.note, { size: 7.5, color: GREY });
  out.gap(2);
  const hasTotals = table.rows.some((row) => row.total !== undefined);
  const hasRate = table.rateLabel !== undefined;
  const header = [table.rowLabel, ...table.columns.map((column) => column.label), ...(hasTotals ? ["total"] : []), ...(hasRate ? [table.rateLabel ?? ""] : [])];
  const rows = table.rows.map((row) => [row.label, ...row.cells.map((cell) => cell.display), ...(hasTotals ? [row.total?.display ?? ""] : []), ...(hasRate ? [percent(row.rate)] : [])]);
  if (table.totals !== undefined) rows.push(["total", ...table.totals.cells.map((cell) => cell.display), ...(hasTotals ? [table.totals.total?.display ?? ""] : []), ...(hasRate ? [""] : [])]);
  if (table.rows.length === 0) rows.unshift(["(none in the period)", ...header.slice(1).map(() => "")]);
  out.table(rows, widthsFor(header.length - 1), { header, boldFirstColumn: true, size: SIZE });
}

function drawTimes(out: Typesetter, table: TimeTable): void {
  out.heading(table.title);
  out.text(table.note, { size: 7.5, color: GREY });
  out.gap(2);
  const header = ["group", "cases", "median (h)", "mean (h)", "90th percentile (h)"];
  const rows = table.rows.map((row) => [row.label, row.cases.display, hours(row.medianHours), hours(row.meanHours), hours(row.p90Hours)]);
  if (rows.length === 0) rows.push(["(none in the period)", "", "", "", ""]);
  out.table(rows, widthsFor(4), { header, boldFirstColumn: true, size: SIZE });
}

export async function renderReportPdf(report: TransparencyReport, office: string): Promise<Uint8Array> {
  const { from, to, timeZone } = report.period;
  const out = await Typesetter.create({
    title: `Transparency report ${from} to ${to}`,
    author: office,
    subject: `Requests received ${from} to ${to}: counts, outcomes, compliance, times, grievances and Reg. 2023/1543 Art 28(2)`,
    date: new Date(report.generatedAt),
  });
  out.text(office, { size: 9, color: GREY });
  out.gap(2);
  out.text("Transparency report", { size: 16, bold: true });
  out.text(`Requests received from ${from} to ${to} (${timeZone})`, { size: 11 });
  out.gap(6);
  out.fields([
    ["Generated", report.generatedAt],
    ["Small counts", `Counts from 1 to ${report.threshold - 1} are shown as "< ${report.threshold}". Where a total would give such a count away by subtraction, one more count of its row or column is withheld and shown as "x". Rates and times are shown only where their counts are.`],
    ["Deleted cases", "Cases deleted under the retention rule still count: their content-free facts are kept."],
  ]);
  for (const table of report.tables) drawTable(out, table);
  for (const table of report.times) drawTimes(out, table);
  out.heading("Regulation (EU) 2023/1543, Article 28(2)");
  out.text("The same cases, limited to European Production and Preservation Orders, in the shape the Regulation's statistics take.", { size: 8.5 });
  for (const table of report.art28.tables) drawTable(out, table);
  for (const table of report.art28.times) drawTimes(out, table);
  return out.finish((page, pages) => `Transparency report ${from} to ${to}  ·  ${office}  ·  page ${page} of ${pages}`);
}
