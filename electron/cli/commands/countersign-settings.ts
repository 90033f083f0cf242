// `counterseal countersign settings`: the office's four-eyes rule, read or changed. The
// countersignature bundles themselves (`countersign request | list | show | sign | decline`) are
// in countersign.ts, in the same group.
import type { Command } from "commander";
import { DECISION_OUTCOMES } from "../../../shared/vocabulary/decision-outcomes.js";
import { getCountersignSettings, updateCountersignSettings } from "../../core/settings/countersign-settings.js";
import { printJson, withSession } from "../context.js";
import { registerCountersignBundleCommands } from "./countersign.js";

/** A comma-separated list; an empty value clears it. */
const listOf = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(",")
        .map((each) => each.trim())
        .filter((each) => each !== "");

export function registerCountersignCommands(program: Command): void {
  const countersign = program.command("countersign").description("four eyes: which decisions need a second reviewer's countersignature, and the bundles that carry it");
  registerCountersignBundleCommands(countersign);
  countersign
    .command("settings")
    .description("the office's four-eyes rule (default: any authorisation that grants content or location)")
    .option("--outcomes <list>", `outcomes that always need a countersignature, comma-separated (${DECISION_OUTCOMES.join(", ")}); "" for none`)
    .option("--categories <list>", 'data categories whose authorisation needs one, comma-separated; "" for none')
    .option("--json", "print the rule as JSON")
    .action(async (options: { outcomes?: string; categories?: string; json?: boolean }, command: Command) => {
      const outcomes = listOf(options.outcomes);
      const categories = listOf(options.categories);
      await withSession(command, (session) => {
        const changes = { ...(outcomes !== undefined && { outcomes }), ...(categories !== undefined && { categories }) };
        const settings = Object.keys(changes).length === 0 ? getCountersignSettings(session) : updateCountersignSettings(session, changes);
        if (options.json) printJson(settings);
        else {
          const outcomesText = settings.outcomes.length === 0 ? "no outcome" : settings.outcomes.join(", ");
          const categoriesText = settings.categories.length === 0 ? "no category" : settings.categories.join(", ");
          process.stdout.write(`a countersignature is needed for ${outcomesText} always, and for an authorisation granting ${categoriesText}\n`);
        }
      });
    });
}
