// The rules engine: every rule, in checklist order, run against one request.
import { instant } from "../instants.js";
import type { RequestDocument } from "../request-vocabulary.js";
import { LEGALITY_RULES } from "./legality.js";
import { SCOPE_RULES } from "./scope.js";
import type { Finding, Rule, RuleContext, RuleSettings } from "./types.js";

export type { Finding, FindingSeverity, Rule, RuleSettings } from "./types.js";
export { FINDING_SEVERITIES } from "./types.js";

export const DEFAULT_MAX_TARGETS = 10;
export const DEFAULT_MAX_PERIOD_DAYS = 366;

export const RULES: readonly Rule[] = [...LEGALITY_RULES, ...SCOPE_RULES];

function bound(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`setting ${name} must be a whole number of at least 1; got ${value}`);
  return value;
}

/** Every finding the rules make about the request, in rule order. */
export function runRules(request: RequestDocument, settings: RuleSettings): Finding[] {
  const context: RuleContext = {
    nowMs: instant(settings.now),
    maxTargets: bound("maxTargets", settings.maxTargets, DEFAULT_MAX_TARGETS),
    maxPeriodDays: bound("maxPeriodDays", settings.maxPeriodDays, DEFAULT_MAX_PERIOD_DAYS),
  };
  return RULES.flatMap((rule) => {
    const outcome = rule.check(request, context);
    return outcome === undefined ? [] : [{ ruleId: rule.id, itemId: rule.itemId, reason: outcome.reason, source: rule.source, severity: outcome.severity }];
  });
}
