// `counterseal report --from DAY --to DAY --format csv|json|pdf [--out FILE] [--threshold N]` and
// `counterseal report settings --threshold N`: the transparency report (docs/statistics.md).
// Without --out, CSV and JSON go to stdout; a PDF needs --out, for it is signed (FILE.pdf.minisig
// beside it). Nothing is written over a file; a bad day, format or threshold exits 2.
import type { Command } from "commander";
import { exportReport, REPORT_FORMATS, reportBytes, transparencyReport, type ReportFormat } from "../../core/statistics/report-service.js";
import { getReportSettings, updateReportSettings } from "../../core/settings/report-settings.js";
import { reviewerSigner } from "../../core/decisions/reviewer-key.js";
import { printJson, withSession } from "../context.js";
import { CliError } from "../exit-codes.js";

interface ReportFlags {
  from?: string;
  to?: string;
  format?: string;
  out?: string;
  threshold?: string;
}

const isFormat = (text: string): text is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(text);

function thresholdOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]{1,4}$/.test(text) || Number(text) < 1) throw new CliError(`--threshold ${text}: give a whole number from 1`);
  return Number(text);
}

export function registerReportCommands(program: Command): void {
  const report = program
    .command("report")
    .description("the transparency report for the requests received in a period (csv, json, or a signed pdf)")
    .option("--from <day>", "the period's first day, YYYY-MM-DD (the office's time zone)")
    .option("--to <day>", "the period's last day, YYYY-MM-DD (included)")
    .option("--format <format>", REPORT_FORMATS.join("|"))
    .option("--out <file>", "write the report there (a pdf also gets FILE.minisig); csv and json go to stdout without it")
    .option("--threshold <n>", "withhold counts below n (default: the office's setting, 5 unless changed)")
    .action(async (flags: ReportFlags, command: Command) => {
      if (flags.from === undefined || flags.to === undefined) throw new CliError("report needs --from YYYY-MM-DD and --to YYYY-MM-DD");
      if (flags.format === undefined || !isFormat(flags.format)) throw new CliError(`--format ${flags.format ?? "(missing)"}: use ${REPORT_FORMATS.join(", ")}`);
      const format = flags.format;
      if (format === "pdf" && flags.out === undefined) throw new CliError("--format pdf needs --out FILE: the report is signed, and its signature goes beside it (FILE.minisig)");
      const threshold = thresholdOf(flags.threshold);
      const { from, to, out } = flags;
      await withSession(command, async (session) => {
        const built = transparencyReport(session, { from, to, ...(threshold === undefined ? {} : { threshold }) });
        if (out === undefined) {
          process.stdout.write(await reportBytes(built, format, reviewerSigner(session).signer.office));
          return;
        }
        const written = await exportReport(session, built, format, out);
        for (const file of written.files) process.stdout.write(`wrote ${file}\n`);
      });
    });
  report
    .command("settings")
    .description("the office's small-count threshold: counts below it are shown as \"< N\"")
    .option("--threshold <n>", "set the threshold (a whole number from 1)")
    .option("--json", "print the settings as JSON")
    .action(async (flags: { threshold?: string; json?: boolean }, command: Command) => {
      // `report --threshold` and `report settings --threshold` are one option to commander: read both.
      const globals = command.optsWithGlobals<{ threshold?: string; json?: boolean }>();
      const threshold = thresholdOf(flags.threshold ?? globals.threshold);
      await withSession(command, (session) => {
        const settings = threshold === undefined ? getReportSettings(session) : updateReportSettings(session, { threshold });
        if (flags.json === true || globals.json === true) printJson(settings);
        else process.stdout.write(`threshold ${settings.threshold}: ${settings.threshold === 1 ? "every count is shown" : `counts from 1 to ${settings.threshold - 1} are shown as "< ${settings.threshold}"`}\n`);
      });
    });
}
