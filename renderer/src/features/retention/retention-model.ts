// The retention rule form as text fields, one per outcome: empty keeps the outcome's cases, a whole
// number from 1 is the days after the final decision. Pure, so it is tested without a page.
import { DECISION_OUTCOMES, type DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { RetentionEntry, RetentionRule } from "../../../../shared/api/retention.js";

export const MAX_RETENTION_DAYS = 36_600;

export type RuleDraft = Record<DecisionOutcome, string>;

export const draftOf = (rule: RetentionRule): RuleDraft =>
  Object.fromEntries(DECISION_OUTCOMES.map((outcome) => [outcome, rule[outcome] === undefined ? "" : String(rule[outcome])])) as RuleDraft;

export type RuleChanges = Partial<Record<DecisionOutcome, number | null>>;

/** The changes the draft makes to the rule, or the outcomes whose field is not a valid number of days. */
export function changesOf(draft: RuleDraft, rule: RetentionRule): { changes: RuleChanges; invalid: DecisionOutcome[] } {
  const changes: RuleChanges = {};
  const invalid: DecisionOutcome[] = [];
  for (const outcome of DECISION_OUTCOMES) {
    const text = draft[outcome].trim();
    if (text === "") {
      if (rule[outcome] !== undefined) changes[outcome] = null;
      continue;
    }
    const days = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) invalid.push(outcome);
    else if (rule[outcome] !== days) changes[outcome] = days;
  }
  return { changes, invalid };
}

/** The cases whose day has come, and those scheduled for later, each soonest first. */
export function splitDue(entries: readonly RetentionEntry[]): { due: RetentionEntry[]; scheduled: RetentionEntry[] } {
  const sorted = [...entries].sort((a, b) => a.deleteFrom.localeCompare(b.deleteFrom));
  return { due: sorted.filter((entry) => entry.due), scheduled: sorted.filter((entry) => !entry.due) };
}

export const caseReference = (entry: RetentionEntry): string => `${entry.authority}/${entry.id}/${entry.revision}`;
