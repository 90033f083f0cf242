// The transparency report over the store (docs/statistics.md): the period's days in the office's
// time zone, the store's one read of case facts (deleted cases' kept facts included) and
// grievances, and the pure computation in shared/statistics. Exports write CSV, JSON or a PDF
// signed with the reviewer's key (FILE.pdf and FILE.pdf.minisig, prehashed, so stock
// `minisign -Vm` verifies it), never over a file, with a content-free audit row.
import { basename, dirname } from "node:path";
import type { ReportArgs, ReportFormat } from "../../../shared/api/statistics.js";
import { periodMonths } from "../../../shared/statistics/months.js";
import { reportCsv } from "../../../shared/statistics/report-csv.js";
import { buildTransparencyReport, type TransparencyReport } from "../../../shared/statistics/report.js";
import { civilDateAt, endOfDay, formatCivilDate, parseCivilDate, startOfDay } from "../../../shared/review/zoned-time.js";
import { sha256Hex } from "../crypto/digest.js";
import { signPrehashed } from "../crypto/minisign.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { writeNewFiles, type NewFile } from "../decisions/write-files.js";
import type { Session } from "../session/session.js";
import { getReviewSettings } from "../settings/review-settings.js";
import { checkThreshold, getReportSettings } from "../settings/report-settings.js";
import { ReportInvalidError } from "./report-errors.js";
import { renderReportPdf } from "./report-pdf.js";

export { REPORT_FORMATS, type ReportFormat } from "../../../shared/api/statistics.js";

function civilDay(text: string, flag: string): ReturnType<typeof parseCivilDate> {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) throw new ReportInvalidError(`${flag} ${text}: give a day as YYYY-MM-DD`);
  try {
    return parseCivilDate(text);
  } catch {
    throw new ReportInvalidError(`${flag} ${text}: there is no such day`);
  }
}

/** The current year to date in the office's time zone: the app's first view of the report. */
function yearToDate(session: Session, timeZone: string): { from: string; to: string } {
  const today = civilDateAt(session.runtime.clock.now().getTime(), timeZone);
  return { from: formatCivilDate({ year: today.year, month: 1, day: 1 }), to: formatCivilDate(today) };
}

/** The report for the period's days (both included; the year to date when neither is given) at the office's threshold, or the one given. */
export function transparencyReport(session: Session, given: ReportArgs): TransparencyReport {
  const { timeZone } = getReviewSettings(session);
  if ((given.from === undefined) !== (given.to === undefined)) throw new ReportInvalidError("give the period's first and last day both (--from and --to), or neither for the year to date");
  const args = given.from !== undefined && given.to !== undefined ? { ...given, from: given.from, to: given.to } : { ...given, ...yearToDate(session, timeZone) };
  civilDay(args.from, "--from");
  civilDay(args.to, "--to");
  if (args.to < args.from) throw new ReportInvalidError(`--to ${args.to} is before --from ${args.from}`);
  const threshold = args.threshold === undefined ? getReportSettings(session).threshold : checkThreshold(args.threshold, "--threshold");
  const months = periodMonths(args.from, args.to).map((month) => ({ month: month.month, fromMs: startOfDay(parseCivilDate(month.from), timeZone), toMs: endOfDay(parseCivilDate(month.to), timeZone) }));
  const period = { months, fromDate: args.from, toDate: args.to };
  const facts = session.store.statistics.reportFacts(period);
  return buildTransparencyReport(facts, { from: args.from, to: args.to, timeZone, threshold, generatedAt: session.runtime.clock.now().toISOString() });
}

export const reportJson = (report: TransparencyReport): string => `${JSON.stringify(report, null, 2)}\n`;

/** The report's bytes in a format; a PDF is typeset but not yet signed. */
export async function reportBytes(report: TransparencyReport, format: ReportFormat, office: string): Promise<Uint8Array> {
  if (format === "csv") return new TextEncoder().encode(reportCsv(report));
  if (format === "json") return new TextEncoder().encode(reportJson(report));
  return renderReportPdf(report, office);
}

/** The name a report's file gets when the page exports it (the CLI writes where --out says). */
export const reportFileName = (report: TransparencyReport, format: ReportFormat): string => `transparency-report-${report.period.from}-${report.period.to}.${format}`;

export interface WrittenReport {
  files: string[];
  sha256: string;
}

/** Writes the report to `outFile` (a PDF with its signature beside it), never over a file; audited. */
export async function exportReport(session: Session, report: TransparencyReport, format: ReportFormat, outFile: string): Promise<WrittenReport> {
  const signer = reviewerSigner(session);
  const bytes = await reportBytes(report, format, signer.signer.office);
  const sha256 = sha256Hex(bytes);
  const name = basename(outFile);
  const files: NewFile[] = [{ name, bytes }];
  if (format === "pdf") {
    const trusted = `counterseal transparency-report ${report.period.from}..${report.period.to} sha256:${sha256}`;
    files.push({ name: `${name}.minisig`, bytes: new TextEncoder().encode(signPrehashed(bytes, signer.key, trusted, `counterseal transparency report ${report.period.from} to ${report.period.to}`)) });
  }
  return session.store.transaction(() => {
    session.store.audit.appendAudit({
      actor: session.actor,
      action: "report.exported",
      objectId: "transparency-report",
      details: { format, from: report.period.from, to: report.period.to, threshold: report.threshold, sha256 },
    });
    return { files: writeNewFiles(dirname(outFile), files), sha256 };
  });
}
