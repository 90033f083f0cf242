// `counterseal review`'s change flags read into the review service's changes, all of them before
// any is applied: a flag that does not read is a usage error (exit 2) and nothing is changed.
import type { ScopeChangeArgs } from "../../../shared/api/review.js";
import { CHECKLIST_ANSWERS, isChecklistAnswer, type ChecklistAnswer } from "../../../shared/vocabulary/checklist-answers.js";
import { DATA_CATEGORIES, isDataCategory } from "../../../shared/vocabulary/data-categories.js";
import { isOneOf } from "../../../shared/vocabulary/is-one-of.js";
import { DATED_SCOPE_CONDITION_KINDS, SCOPE_CONDITION_KINDS } from "../../../shared/vocabulary/scope-conditions.js";
import { CliError } from "../exit-codes.js";

export interface ReviewFlags {
  json?: boolean;
  declareIndependence?: boolean;
  conflict?: string;
  set: string[];
  /** Items whose answer carried over from the previous revision's review are confirmed; `all` for every one. */
  confirm: string[];
  note?: string;
  override?: string;
  accept?: string;
  strikeCategory: string[];
  strikeTarget: string[];
  period?: string;
  retention?: string;
  condition: string[];
}

/** One change in the order the CLI applies them; strike-target names only the value (its kind is the request's). */
export type PlannedChange =
  | { kind: "independence"; conflict: boolean; note?: string }
  | { kind: "answer"; item: string; answer: ChecklistAnswer; note?: string }
  | { kind: "confirm"; items: string[] | "all" }
  | { kind: "finding"; rule: string; status: "accepted" | "overridden"; note: string }
  | { kind: "strike-target"; value: string }
  | { kind: "scope"; change: ScopeChangeArgs };

const isConditionKind = isOneOf(SCOPE_CONDITION_KINDS);
const isDated = isOneOf(DATED_SCOPE_CONDITION_KINDS);

function answerOf(flag: string): { item: string; answer: ChecklistAnswer } {
  const match = flag.match(/^([^=]+)=(.*)$/);
  if (match === null) throw new CliError(`--set ${flag}: use ITEM=ANSWER, e.g. --set L1=met`);
  const [, item = "", answer = ""] = match;
  if (!isChecklistAnswer(answer)) throw new CliError(`--set ${flag}: "${answer}" is not an answer; use ${CHECKLIST_ANSWERS.join(", ")}`);
  return { item: item.trim(), answer };
}

function periodOf(flag: string): ScopeChangeArgs {
  const parts = flag.split("..");
  const [from, to] = parts;
  if (parts.length !== 2 || !from || !to) throw new CliError(`--period ${flag}: use FROM..TO, two RFC 3339 date-times, e.g. 2026-09-01T00:00:00+02:00..2026-09-30T23:59:59+02:00`);
  return { op: "set-period", period: { from, to } };
}

function retentionOf(flag: string): ScopeChangeArgs {
  if (!/^\d{1,6}$/.test(flag)) throw new CliError(`--retention ${flag}: use a whole number of days`);
  return { op: "set-retention", days: Number(flag) };
}

/** KIND[=DATE][:TEXT], e.g. reassess-by=2027-01-31:Reassess once the provider has answered. */
export function conditionOf(flag: string): ScopeChangeArgs {
  const match = flag.match(/^([a-z-]+)(?:=([^:]*))?(?::([\s\S]*))?$/);
  const [, kind = "", date, text] = match ?? [];
  if (!isConditionKind(kind)) throw new CliError(`--condition ${flag}: the kind must be one of ${SCOPE_CONDITION_KINDS.join(", ")}`);
  if (isDated(kind) !== (date !== undefined)) {
    throw new CliError(isDated(kind) ? `--condition ${flag}: ${kind} needs a date, as ${kind}=YYYY-MM-DD:TEXT` : `--condition ${flag}: ${kind} takes no date, only :TEXT`);
  }
  if (text === undefined || text.trim() === "") throw new CliError(`--condition ${flag}: say what the condition is after a colon, as ${kind}${date === undefined ? "" : `=${date}`}:TEXT`);
  const condition = date === undefined ? { kind, text } : { kind, date, text };
  return { op: "add-condition", condition: condition as Extract<ScopeChangeArgs, { op: "add-condition" }>["condition"] };
}

/** --note belongs to the one change that takes it: a single --set, --override or --accept. */
function noteTaker(flags: ReviewFlags): "set" | "override" | "accept" | undefined {
  const takers = [...flags.set.map(() => "set" as const), ...(flags.override === undefined ? [] : ["override" as const]), ...(flags.accept === undefined ? [] : ["accept" as const])];
  if (flags.note === undefined) return undefined;
  if (takers.length !== 1) throw new CliError("--note goes with exactly one --set, --override or --accept; give one per command");
  return takers[0];
}

export function planChanges(flags: ReviewFlags): PlannedChange[] {
  const planned: PlannedChange[] = [];
  if (flags.conflict !== undefined && flags.declareIndependence !== true) throw new CliError("--conflict goes with --declare-independence");
  if (flags.declareIndependence === true) {
    planned.push({ kind: "independence", conflict: flags.conflict !== undefined, ...(flags.conflict === undefined ? {} : { note: flags.conflict }) });
  }
  const taker = noteTaker(flags);
  const note = flags.note;
  for (const flag of flags.set) planned.push({ kind: "answer", ...answerOf(flag), ...(taker === "set" && note !== undefined ? { note } : {}) });
  if (flags.confirm.length > 0) planned.push({ kind: "confirm", items: flags.confirm.includes("all") ? "all" : flags.confirm });
  for (const [rule, status] of [[flags.override, "overridden"], [flags.accept, "accepted"]] as const) {
    if (rule === undefined) continue;
    const option = status === "overridden" ? "--override" : "--accept";
    if (note === undefined || note.trim() === "") throw new CliError(`${option} ${rule} needs --note TEXT saying why`);
    planned.push({ kind: "finding", rule, status, note });
  }
  for (const category of flags.strikeCategory) {
    if (!isDataCategory(category)) throw new CliError(`--strike-category ${category}: use one of ${DATA_CATEGORIES.join(", ")}`);
    planned.push({ kind: "scope", change: { op: "strike-category", category } });
  }
  for (const value of flags.strikeTarget) planned.push({ kind: "strike-target", value });
  if (flags.period !== undefined) planned.push({ kind: "scope", change: periodOf(flags.period) });
  if (flags.retention !== undefined) planned.push({ kind: "scope", change: retentionOf(flags.retention) });
  for (const flag of flags.condition) planned.push({ kind: "scope", change: conditionOf(flag) });
  return planned;
}
