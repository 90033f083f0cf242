// `counterseal retention [--all] [--delete --yes] [--json]` and `counterseal retention settings`:
// what the office's retention rule lets go, and the rule itself.
import type { Command } from "commander";
import { DECISION_OUTCOMES } from "../../../shared/vocabulary/decision-outcomes.js";
import { deleteDueCases, listRetention, type RetentionEntry } from "../../core/retention/retention-service.js";
import { getRetentionSettings, updateRetentionSettings } from "../../core/settings/retention-settings.js";
import { printJson, withSession } from "../context.js";
import { CliError } from "../exit-codes.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

const describe = (entry: RetentionEntry): string =>
  `${entry.authority}/${entry.id}/${entry.revision}  ${entry.outcome.padEnd(29)}  decided ${entry.decidedAt}  ${entry.due ? "due since" : "due from"} ${entry.deleteFrom}\n`;

/** `OUTCOME=DAYS`; the service checks the outcome and the number. */
function periodOf(text: string): [string, number] {
  const match = text.match(/^([a-z-]+)=(\d{1,6})$/);
  if (match === null) throw new CliError(`--after ${text}: use OUTCOME=DAYS, e.g. refused=730 (outcomes: ${DECISION_OUTCOMES.join(", ")})`);
  return [match[1] ?? "", Number(match[2])];
}

export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command("retention")
    .description("the cases the office's retention rule lets go (due now; --all for every one scheduled); --delete --yes deletes the due ones")
    .option("--all", "also list the cases whose day has not come")
    .option("--delete", "delete every due case (each as `counterseal delete` does); needs --yes")
    .option("--yes", "confirm --delete")
    .option("--json", "one JSON object per case")
    .action(async (options: { all?: boolean; delete?: boolean; yes?: boolean; json?: boolean }, command: Command) => {
      if (options.delete && !options.yes) throw new CliError("--delete removes every due case for good: add --yes to confirm");
      if (options.delete && options.all) throw new CliError("--delete deletes only due cases: leave out --all");
      await withSession(command, (session) => {
        const entries = options.delete ? deleteDueCases(session) : listRetention(session, { dueOnly: !options.all });
        for (const entry of entries) {
          if (options.json) printJson(options.delete ? { ...entry, deleted: true } : entry);
          else process.stdout.write(`${options.delete ? "deleted  " : ""}${describe(entry)}`);
        }
      });
    });
  retention
    .command("settings")
    .description("the rule: days after a final decision, by outcome, before its case may be deleted")
    .option("--after <outcome=days>", "set an outcome's period (repeatable), e.g. --after refused=730", collect, [])
    .option("--keep <outcome>", "keep an outcome's cases (no period)", collect, [])
    .option("--json", "print the rule as JSON")
    .action(async (options: { after: string[]; keep: string[]; json?: boolean }, command: Command) => {
      const changes: Record<string, number | null> = Object.fromEntries([...options.after.map(periodOf), ...options.keep.map((outcome) => [outcome, null] as const)]);
      // `retention --json` and `retention settings --json` are one option to commander: read both.
      const json = options.json === true || command.optsWithGlobals<{ json?: boolean }>().json === true;
      await withSession(command, (session) => {
        const rule = Object.keys(changes).length > 0 ? updateRetentionSettings(session, changes) : getRetentionSettings(session);
        if (json) return printJson(rule);
        const lines = DECISION_OUTCOMES.map((outcome) => `${outcome.padEnd(29)}  ${rule[outcome] === undefined ? "kept" : `deleted ${rule[outcome]} days after the final decision`}`);
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
}
