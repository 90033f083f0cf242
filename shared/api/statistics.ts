// The transparency report (docs/statistics.md): `getTransparencyReport` answers the report the
// app charts and `counterseal report --format json` writes; the threshold is the office's
// setting (`counterseal report settings --threshold N`).
import { z } from "zod";
import { method, none } from "./method.js";

const day = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, "expected a day, YYYY-MM-DD");

/** The period's days, both or neither: without them, the current year to date in the office's time zone (the app's first view). */
export const reportArgs = z.strictObject({ from: day.optional(), to: day.optional(), threshold: z.number().int().min(1).optional() });

const publishedCount = z.strictObject({ value: z.number().int().nullable(), display: z.string(), suppressed: z.enum(["small", "complementary"]).nullable() });
const labelled = { key: z.string(), label: z.string() };

export const reportTable = z.strictObject({
  id: z.string(),
  title: z.string(),
  rowLabel: z.string(),
  columns: z.array(z.strictObject(labelled)),
  rows: z.array(z.strictObject({ ...labelled, cells: z.array(publishedCount), total: publishedCount.optional(), rate: z.number().nullable().optional() })),
  totals: z.strictObject({ cells: z.array(publishedCount), total: publishedCount.optional() }).optional(),
  rateLabel: z.string().optional(),
  note: z.string(),
});

export const timeTable = z.strictObject({
  id: z.string(),
  title: z.string(),
  note: z.string(),
  rows: z.array(z.strictObject({ ...labelled, cases: publishedCount, medianHours: z.number().nullable(), meanHours: z.number().nullable(), p90Hours: z.number().nullable() })),
});

export const transparencyReport = z.strictObject({
  schema: z.literal("counterseal.transparency-report/1"),
  period: z.strictObject({ from: z.string(), to: z.string(), timeZone: z.string() }),
  generatedAt: z.string(),
  threshold: z.number().int(),
  tables: z.array(reportTable),
  times: z.array(timeTable),
  art28: z.strictObject({ tables: z.array(reportTable), times: z.array(timeTable) }),
});

export const reportSettings = z.strictObject({ threshold: z.number().int().min(1) });

/** The formats `counterseal report --format` writes and the app exports (a pdf with its signature). */
export const REPORT_FORMATS = ["csv", "json", "pdf"] as const;

export const exportReportArgs = reportArgs.extend({ format: z.enum(REPORT_FORMATS) });

/** The report's export: the folder the door chose and the files written, by name only. */
export const reportExported = z.discriminatedUnion("saved", [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({
    saved: z.literal(true),
    /** The chosen folder's own name, never its path. */
    folder: z.string(),
    /** The report, and for a pdf its signature (`….pdf.minisig`). */
    files: z.array(z.string()),
    /** SHA-256 of the report file's bytes, as the audit row and the pdf's trusted comment name it. */
    sha256: z.string(),
  }),
]);

export const statisticsMethods = {
  getTransparencyReport: method(reportArgs, transparencyReport),
  getReportSettings: method(none, reportSettings),
  updateReportSettings: method(z.strictObject({ threshold: z.number().int().min(1) }), reportSettings),
  exportTransparencyReport: method(exportReportArgs, reportExported),
} as const;

export type ReportArgs = z.output<typeof reportArgs>;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ExportReportArgs = z.output<typeof exportReportArgs>;
export type ReportExported = z.output<typeof reportExported>;
export type TransparencyReportView = z.output<typeof transparencyReport>;
export type ReportTableView = z.output<typeof reportTable>;
export type TimeTableView = z.output<typeof timeTable>;
