// `counterseal decide REF`, `counterseal decisions` and `counterseal export DECISION`: deciding a
// reviewed request revision, listing the decisions, and writing one out (verification copy, and
// with --seal the sealed reply to the issuing authority). The same services as the app; bad input
// exits 2 naming the fault and signs, stores and writes nothing.
import type { Command } from "commander";
import type { DecideArgs, DecisionSummary, DecisionView } from "../../../shared/api/decisions.js";
import { CHECKLIST_AREAS, type ChecklistArea } from "../../../shared/vocabulary/checklist-areas.js";
import { DECISION_OUTCOMES, isDecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { decide } from "../../core/decisions/decide.js";
import { DecisionReasonsRequiredError } from "../../core/decisions/decision-errors.js";
import { exportDecision } from "../../core/decisions/decision-export.js";
import { listDecisions } from "../../core/decisions/decision-views.js";
import { draftReasonsFor } from "../../core/decisions/draft-reasons.js";
import { assertOfficeStore } from "../../core/auditor/store-mode.js";
import { printJson, withSession } from "../context.js";
import { CliError } from "../exit-codes.js";
import { reviewRefOf } from "./review.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const isArea = (text: string): text is ChecklistArea => (CHECKLIST_AREAS as readonly string[]).includes(text);

/** `AREA=TEXT` flags as reasons per area, each area at most once. */
export function reasonsOf(flags: readonly string[]): DecideArgs["reasons"] {
  const reasons: DecideArgs["reasons"] = {};
  for (const flag of flags) {
    const split = flag.indexOf("=");
    const area = split < 0 ? flag : flag.slice(0, split);
    if (split < 0 || !isArea(area)) throw new CliError(`--reason ${flag}: use AREA=TEXT with AREA ${CHECKLIST_AREAS.join(", ")}`);
    if (reasons[area] !== undefined) throw new CliError(`--reason ${area}: given twice; give one reason per area`);
    reasons[area] = flag.slice(split + 1);
  }
  return reasons;
}

/** `ITEM=REASON` flags as deferred items. */
export function deferralsOf(flags: readonly string[]): NonNullable<DecideArgs["deferred"]> {
  return flags.map((flag) => {
    const split = flag.indexOf("=");
    const item = split < 0 ? flag : flag.slice(0, split);
    if (split < 0 || !/^[LNM][1-9][0-9]?$/.test(item)) throw new CliError(`--defer ${flag}: use ITEM=REASON with a checklist item id such as N2`);
    return { item, reason: flag.slice(split + 1) };
  });
}

interface DecideFlags {
  outcome: string;
  reason: string[];
  defer: string[];
  supersedes?: string;
  id?: string;
  json?: boolean;
}

export function registerDecisionCommands(program: Command): void {
  program
    .command("decide")
    .description("sign the decision on a reviewed request revision (a change later is a new decision with --supersedes)")
    .argument("<ref>", "AUTHORITY/ID or AUTHORITY/ID/REVISION (the latest revision when omitted)")
    .requiredOption("--outcome <outcome>", DECISION_OUTCOMES.join(", "))
    .option("--reason <area=text>", `the reason for one checklist area (${CHECKLIST_AREAS.join(", ")}); every area for every outcome but authorised (repeat)`, collect, [])
    .option("--defer <item=reason>", "decide without an open item, saying why (repeat)", collect, [])
    .option("--supersedes <decision>", "the current decision on this revision that the new one replaces")
    .option("--id <decision-id>", "the decision's id (default AUTHORITY.ID.rREVISION.Dn)")
    .option("--json", "print the signed decision as JSON")
    .action(async (text: string, options: DecideFlags, command: Command) => {
      const outcome = options.outcome;
      if (!isDecisionOutcome(outcome)) throw new CliError(`--outcome ${outcome}: use ${DECISION_OUTCOMES.join(", ")}`);
      const reasons = reasonsOf(options.reason);
      const deferred = deferralsOf(options.defer);
      await withSession(command, (session) => {
        assertOfficeStore(session, "decide a request");
        const ref = reviewRefOf(session, text);
        const args: DecideArgs = { ...ref, outcome, reasons, deferred, ...(options.supersedes !== undefined && { supersedes: options.supersedes }), ...(options.id !== undefined && { decisionId: options.id }) };
        let view: DecisionView;
        try {
          view = decide(session, args);
        } catch (error) {
          if (!(error instanceof DecisionReasonsRequiredError)) throw error;
          const draft = draftReasonsFor(session, ref);
          const lines = error.areas.filter(isArea).map((area) => `  --reason ${area}="${draft[area].replace(/\n/g, " ")}"`);
          throw new CliError(`${error.message}\nA draft from the review, to edit (it is never signed as it stands):\n${lines.join("\n")}`);
        }
        if (options.json) printJson(view);
        else process.stdout.write(`${summaryLine(view)}\n`);
      });
    });
  program
    .command("decisions")
    .description("every signed decision, newest first, with whether it is final")
    .option("--json", "one JSON object per decision")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        for (const summary of listDecisions(session)) {
          if (options.json) printJson(summary);
          else process.stdout.write(`${summaryLine(summary)}\n`);
        }
      });
    });
  program
    .command("export")
    .description("write a decision's verification copy (<id>.json, .json.minisig, .pdf) into DIR; --seal adds the sealed reply to the issuing authority (<id>.sealed)")
    .argument("<decision>", "the decision's id")
    .requiredOption("--out <dir>", "an existing folder; nothing in it is overwritten")
    .option("--seal", "also seal the reply to the issuing authority's age recipient in the keyring")
    .option("--json", 'print {"files","sealedTo","sha256"}')
    .action(async (id: string, options: { out: string; seal?: boolean; json?: boolean }, command: Command) => {
      await withSession(command, async (session) => {
        const result = await exportDecision(session, id, options.out, { seal: options.seal === true });
        if (options.json) printJson(result);
        else process.stdout.write(`${result.files.join("\n")}\n${result.sealedTo === null ? "verification copy only" : `sealed to ${result.sealedTo}`}; sha256 ${result.sha256}\n`);
      });
    });
}

function summaryLine(summary: DecisionSummary): string {
  const { request } = summary;
  const superseded = summary.supersededBy === null ? "" : `; superseded by ${summary.supersededBy}`;
  const countersigned = summary.countersignatures.map((each) => `; ${each.verdict === "signed" ? "countersigned" : "countersignature declined"} by ${each.reviewer.name} (key ${each.reviewer.keyId}) as ${each.id}`).join("");
  return `${summary.id}  ${summary.outcome} on ${request.authority}/${request.id}/${request.revision}  ${summary.status}${superseded}${countersigned}  sha256 ${summary.sha256}`;
}
