// The transparency report (docs/statistics.md): `getTransparencyReport` answers the report the
// app charts and `counterseal report --format json` writes; the threshold is the office's
// setting (`counterseal report settings --threshold N`).
import { z } from "zod";
import { method, none } from "./method.js";

const day = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, "expected a day, YYYY-MM-DD");

export const reportArgs = z.strictObject({ from: day, to: day, threshold: z.number().int().min(1).optional() });

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

export const statisticsMethods = {
  getTransparencyReport: method(reportArgs, transparencyReport),
  getReportSettings: method(none, reportSettings),
  updateReportSettings: method(z.strictObject({ threshold: z.number().int().min(1) }), reportSettings),
} as const;

export type ReportArgs = z.output<typeof reportArgs>;
