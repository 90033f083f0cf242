// `counterseal execution record REF|DECISION` and `counterseal execution list`: what happened
// after an authorisation (docs/statistics.md, "The execution record"). The same core service as
// the app; bad input exits 2 naming the fault and stores nothing.
import type { Command } from "commander";
import { recordExecutionArgs, type ExecutionView, type RecordExecutionArgs } from "../../../shared/api/executions.js";
import { describeZodIssue } from "../../../shared/formats/request.js";
import { EXECUTION_OUTCOMES, NON_COMPLIANCE_GROUNDS } from "../../../shared/vocabulary/execution-outcomes.js";
import { listExecutions, recordExecution } from "../../core/executions/execution-service.js";
import { parseRequestRef } from "../../core/requests/requests-service.js";
import { printJson, withSession } from "../context.js";
import { CliError } from "../exit-codes.js";

interface RecordFlags {
  outcome: string;
  producedAt?: string;
  ground?: string;
  note?: string;
  json?: boolean;
}

const FLAG_OF: Readonly<Record<string, string>> = { outcome: "--outcome", producedAt: "--produced-at", ground: "--ground", note: "--note" };

/** The arguments as the API takes them, each fault named by its flag. */
function argsOf(target: string, flags: RecordFlags): RecordExecutionArgs {
  const parsed = recordExecutionArgs.safeParse(
    {
      // A decision id never holds a "/"; a request reference always does.
      target: target.includes("/") ? parseRequestRef(target) : { decision: target },
      outcome: flags.outcome,
      ...(flags.producedAt === undefined ? {} : { producedAt: flags.producedAt }),
      ...(flags.ground === undefined ? {} : { ground: flags.ground }),
      ...(flags.note === undefined ? {} : { note: flags.note }),
    },
    { reportInput: true },
  );
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = FLAG_OF[String(issue?.path[0])];
  const hint: Readonly<Record<string, string>> = {
    "--outcome": `use ${EXECUTION_OUTCOMES.join(", ")}`,
    "--ground": `use ${NON_COMPLIANCE_GROUNDS.join(", ")}`,
    "--produced-at": "give an RFC 3339 date-time with an offset, e.g. 2026-12-01T14:30:00+01:00",
  };
  throw new CliError(flag === undefined ? (issue === undefined ? "invalid arguments" : describeZodIssue(issue)) : `${flag} ${String((flags as unknown as Record<string, unknown>)[String(issue?.path[0])])}: ${hint[flag] ?? issue?.message ?? "not valid"}`);
}

const describe = (record: ExecutionView): string =>
  `${record.request.authority}/${record.request.id}/${record.request.revision}  ${record.decision}  ${record.outcome}${record.producedAt === null ? "" : ` produced ${record.producedAt}`}${record.ground === null ? "" : ` (${record.ground})`}  ${record.source}, recorded ${record.recordedAt}\n`;

export function registerExecutionCommands(program: Command): void {
  const execution = program.command("execution").description("what happened after an authorisation: record it, list the records");
  execution
    .command("record")
    .description("record what happened after a current, final authorisation (one record per decision)")
    .argument("<target>", "AUTHORITY/ID[/REVISION] (its current decision; the latest revision when omitted) or a DECISION id")
    .requiredOption("--outcome <outcome>", EXECUTION_OUTCOMES.join(", "))
    .option("--produced-at <time>", "when the data were produced (complied, complied-in-part): RFC 3339 with an offset")
    .option("--ground <ground>", `the provider's ground (not-complied): ${NON_COMPLIANCE_GROUNDS.join(", ")}`)
    .option("--note <text>", "a note kept with the record (never in the audit log or the statistics)")
    .option("--json", "print the record as JSON")
    .action(async (target: string, flags: RecordFlags, command: Command) => {
      const args = argsOf(target, flags);
      await withSession(command, (session) => {
        const record = recordExecution(session, args);
        if (flags.json) printJson(record);
        else process.stdout.write(`recorded ${describe(record)}`);
      });
    });
  execution
    .command("list")
    .description("every execution record, most recently recorded first")
    .option("--json", "one JSON object per record")
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        for (const record of listExecutions(session)) {
          if (flags.json) printJson(record);
          else process.stdout.write(describe(record));
        }
      });
    });
}
