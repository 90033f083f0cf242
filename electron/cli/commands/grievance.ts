// `counterseal grievance add | list | show | respond | export | settings`: the grievance register.
// Every command goes through the same services as the app; bad input exits 2 naming the fault
// and changes nothing.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { GrievanceView } from "../../../shared/api/grievances.js";
import { GRIEVANCE_SCHEMA } from "../../../shared/formats/grievance.js";
import { parseStrictJson, StrictJsonError } from "../../core/bundles/strict-json.js";
import { JSON_LIMITS } from "../../core/decisions/verify-copy.js";
import { exportGrievanceResponse } from "../../core/grievances/grievance-export.js";
import { getGrievance, listGrievances, registerGrievance } from "../../core/grievances/grievance-register.js";
import { respondToGrievance } from "../../core/grievances/grievance-response.js";
import { getGrievanceSettings, updateGrievanceSettings } from "../../core/settings/grievance-settings.js";
import { isGrievanceOutcome } from "../../../shared/vocabulary/grievance-outcomes.js";
import { GRIEVANCE_REMEDIES, isGrievanceRemedy } from "../../../shared/vocabulary/grievance-vocabulary.js";
import { printJson, withSession } from "../context.js";
import { CliError } from "../exit-codes.js";
import { entryFromFlags, type EntryFlags } from "./grievance-input.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerGrievanceCommands(program: Command): void {
  const grievance = program.command("grievance").description("the grievance register: complaints, their deadlines and the office's signed responses");
  grievance
    .command("add")
    .description("register a grievance from a letter (flags) or a counterseal.grievance/1 file (--file)")
    .option("--file <path>", "a counterseal.grievance/1 JSON document (instead of the flags below)")
    .option("--id <id>", "the grievance's id, e.g. G-2026-0001")
    .option("--complainant-kind <kind>", "data-subject, provider, civil-society or other")
    .option("--complainant <name>", "who complains")
    .option("--contact <text>", "where to answer them (postal or e-mail address)")
    .option("--concerns <what>", "request:AUTHORITY/ID[/REVISION], decision:ID, or unknown[:DESCRIPTION]")
    .option("--ground <ground>", "unlawful-access, excessive-scope, not-notified, non-disclosure-too-long, retention or other (repeat for more)", collect, [])
    .option("--statement <text>", "the complaint, in the complainant's words or summarised")
    .option("--remedy-sought <text>", "what the complainant asks for")
    .option("--received <date>", "the day it arrived, YYYY-MM-DD")
    .option("--reply-to <authority>", "a keyring authority (with an age recipient) that a sealed response goes to")
    .option("--json", "print the registered grievance as JSON")
    .action(async (options: EntryFlags & { file?: string; replyTo?: string; json?: boolean }, command: Command) => {
      const entry = options.file === undefined ? entryFromFlags(options) : entryFromFile(options.file);
      await withSession(command, (session) => {
        const view = registerGrievance(session, entry, options.replyTo === undefined ? {} : { replyTo: options.replyTo });
        print(view, options.json);
      });
    });
  grievance
    .command("list")
    .description("every grievance, soonest response deadline first")
    .option("--json", "one JSON object per grievance")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        for (const view of listGrievances(session)) {
          if (options.json) printJson(view);
          else process.stdout.write(`${view.id}  ${view.clock.padEnd(8)}  respond by ${view.respondBy}  ${view.response ? `answered: ${view.response.outcome}` : "open"}  ${view.grounds.join(", ")}\n`);
        }
      });
    });
  grievance
    .command("show <id>")
    .description("one grievance, with its link to the stored case and its response")
    .option("--json", "print it as JSON")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => print(getGrievance(session, id), options.json));
    });
  grievance
    .command("respond <id>")
    .description("sign the office's response (once: a signed response is never replaced)")
    .requiredOption("--outcome <outcome>", "upheld, partly-upheld, dismissed or referred")
    .option("--remedy <remedy>", `${GRIEVANCE_REMEDIES.join(", ")} (repeat for more)`, collect, [])
    .requiredOption("--reason <text>", "the reasons, as the response states them")
    .option("--id <response-id>", "the response's own id (default: the grievance's id with -R)")
    .option("--json", "print the answered grievance as JSON")
    .action(async (id: string, options: { outcome: string; remedy: string[]; reason: string; id?: string; json?: boolean }, command: Command) => {
      const outcome = options.outcome;
      if (!isGrievanceOutcome(outcome)) throw new CliError(`--outcome ${outcome}: use upheld, partly-upheld, dismissed or referred`);
      const remedies = options.remedy.map((remedy) => {
        if (!isGrievanceRemedy(remedy)) throw new CliError(`--remedy ${remedy}: use ${GRIEVANCE_REMEDIES.join(", ")}`);
        return remedy;
      });
      await withSession(command, (session) => {
        const view = respondToGrievance(session, { id, outcome, remedies, reasons: options.reason, ...(options.id !== undefined && { responseId: options.id }) });
        print(view, options.json);
      });
    });
  grievance
    .command("export <id>")
    .description("write the response's verification copy (<id>.json, .json.minisig, .pdf) into DIR; --seal adds the sealed reply (<id>.sealed)")
    .requiredOption("--out <dir>", "an existing folder; nothing in it is overwritten")
    .option("--seal", "also seal the reply to the grievance's keyring entry (--reply-to when it was added)")
    .option("--json", 'print {"files","sealedTo","sha256"}')
    .action(async (id: string, options: { out: string; seal?: boolean; json?: boolean }, command: Command) => {
      await withSession(command, async (session) => {
        const result = await exportGrievanceResponse(session, id, options.out, { seal: options.seal === true });
        if (options.json) printJson(result);
        else process.stdout.write(`${result.files.join("\n")}\n${result.sealedTo === null ? "verification copy only" : `sealed to ${result.sealedTo}`}; sha256 ${result.sha256}\n`);
      });
    });
  grievance
    .command("settings")
    .description("the office's response period for grievances (default 30 days)")
    .option("--response-days <n>", "set the period, for grievances registered from now on")
    .option("--json", "print the settings as JSON")
    .action(async (options: { responseDays?: string; json?: boolean }, command: Command) => {
      const days = options.responseDays === undefined ? undefined : Number(options.responseDays);
      if (days !== undefined && !(/^\d{1,4}$/.test(options.responseDays ?? "") && days >= 1)) throw new CliError(`--response-days ${options.responseDays}: use a whole number of days from 1`);
      await withSession(command, (session) => {
        const settings = days === undefined ? getGrievanceSettings(session) : updateGrievanceSettings(session, { responseDays: days });
        if (options.json) printJson(settings);
        else process.stdout.write(`grievances are answered within ${settings.responseDays} days, to midnight in ${settings.timeZone}\n`);
      });
    });
}

/** The document's fields; the register checks each and names any at fault. */
function entryFromFile(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseStrictJson(readFileSync(path), { ...JSON_LIMITS, fileName: path });
  } catch (error) {
    if (error instanceof StrictJsonError) throw new CliError(error.message);
    throw new CliError(`${path}: cannot read it (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CliError(`${path}: expected a counterseal.grievance/1 object`);
  const { schema, ...fields } = value as Record<string, unknown>;
  if (schema !== GRIEVANCE_SCHEMA) throw new CliError(`${path}: $.schema must be "${GRIEVANCE_SCHEMA}"`);
  return fields;
}

function print(view: GrievanceView, json: boolean | undefined): void {
  if (json) return printJson(view);
  const about = view.linkedCase === null ? view.concerns.kind : `${view.linkedCase.authority}/${view.linkedCase.id} (stored)`;
  process.stdout.write(
    `${view.id}: ${view.complainant.kind}, about ${about}; grounds ${view.grounds.join(", ")}\n` +
      `received ${view.received}; respond by ${view.respondBy} (${view.clock})\n` +
      (view.response === null ? "no response yet\n" : `answered ${view.response.respondedAt}: ${view.response.outcome}; sha256 ${view.response.sha256}\n`),
  );
}
