// Narrowing a request's scope into what is granted. The grant starts as the requested scope and
// can only shrink: strike a category or a target, restrict a target, shorten the period or the
// retention inside what was asked, and attach conditions. Each operation returns the new scope
// or an error that names the fault; none changes its input.
import { describeZodIssue } from "../formats/request.js";
import { identifierKey } from "./identifiers.js";
import { instant } from "./instants.js";
import type { DataCategory, RequestDocument, TargetKind } from "./request-vocabulary.js";
import { grantedScopeSchema, scopeConditionSchema, scopePeriodSchema, type GrantedScope, type GrantedTarget, type ScopePeriod } from "./scope-schema.js";

export type { GrantedScope, GrantedTarget, ScopeCondition, ScopePeriod } from "./scope-schema.js";

export type ScopeEdit = { readonly ok: true; readonly scope: GrantedScope } | { readonly ok: false; readonly error: string };

const edited = (scope: GrantedScope): ScopeEdit => ({ ok: true, scope });
const refused = (error: string): ScopeEdit => ({ ok: false, error });

/** The scope the request asks for, as a grant with no conditions. */
export function requestedScope(request: RequestDocument): GrantedScope {
  return grantedScopeSchema.parse({
    categories: [...request.dataCategories],
    targets: request.targets.map((target) => ({ ...target })),
    ...(request.period === undefined ? {} : { period: { ...request.period } }),
    ...(request.retentionDays === undefined ? {} : { retentionDays: request.retentionDays }),
    conditions: [],
  });
}

export interface TargetRef {
  readonly kind: TargetKind;
  readonly value: string;
}

const sameTarget = (a: TargetRef, b: TargetRef): boolean => identifierKey(a.kind, a.value) === identifierKey(b.kind, b.value);

function findTarget(scope: GrantedScope, target: TargetRef): number | string {
  const index = scope.targets.findIndex((candidate) => sameTarget(candidate, target));
  return index >= 0 ? index : `the ${target.kind} "${target.value}" is not among the granted targets`;
}

export function strikeCategory(scope: GrantedScope, category: DataCategory): ScopeEdit {
  if (!scope.categories.includes(category)) return refused(`the category ${category} is not in the granted scope (${scope.categories.join(", ")})`);
  if (scope.categories.length === 1) return refused(`${category} is the only category left; striking it grants nothing, so refuse the request instead`);
  return edited({ ...scope, categories: scope.categories.filter((c) => c !== category) });
}

export function strikeTarget(scope: GrantedScope, target: TargetRef): ScopeEdit {
  const index = findTarget(scope, target);
  if (typeof index === "string") return refused(index);
  if (scope.targets.length === 1) return refused(`the ${target.kind} "${target.value}" is the only target left; striking it grants nothing, so refuse the request instead`);
  return edited({ ...scope, targets: scope.targets.filter((_, i) => i !== index) });
}

/** Grants this identifier only within the restriction, e.g. "messages exchanged with account X only". */
export function narrowTarget(scope: GrantedScope, target: TargetRef, restriction: string): ScopeEdit {
  const index = findTarget(scope, target);
  if (typeof index === "string") return refused(index);
  if (!/\S/.test(restriction)) return refused("a target's restriction must say what is granted; it is empty");
  const targets: GrantedTarget[] = scope.targets.map((t, i) => (i === index ? { ...t, restriction: restriction.trim() } : t));
  return edited({ ...scope, targets });
}

/** Sets the granted period; it must lie inside the requested period (any period, if none was asked). */
export function setPeriod(requested: GrantedScope, scope: GrantedScope, period: ScopePeriod): ScopeEdit {
  const parsed = scopePeriodSchema.safeParse(period);
  if (!parsed.success) return refused(`the period is malformed: ${parsed.error.issues.map(describeZodIssue).join("; ").replaceAll("$", "period")}`);
  const bound = requested.period;
  if (bound !== undefined) {
    const inside = `the period must lie inside the requested period ${bound.from} – ${bound.to}`;
    if (instant(period.from) < instant(bound.from)) return refused(`${inside}; its start ${period.from} is before the requested start`);
    if (instant(period.to) > instant(bound.to)) return refused(`${inside}; its end ${period.to} is after the requested end`);
  }
  return edited({ ...scope, period: { from: period.from, to: period.to } });
}

/** Sets the granted retention; no longer than the requested retention, where one was stated. */
export function setRetention(requested: GrantedScope, scope: GrantedScope, days: number): ScopeEdit {
  if (!Number.isInteger(days) || days < 0) return refused(`the retention must be a whole number of days, 0 or more; got ${days}`);
  if (requested.retentionDays !== undefined && days > requested.retentionDays)
    return refused(`a retention of ${days} days is longer than the ${requested.retentionDays} requested; a grant can only narrow`);
  return edited({ ...scope, retentionDays: days });
}

/** Attaches a condition (checked against its schema); the same condition twice is refused. */
export function addCondition(scope: GrantedScope, condition: unknown): ScopeEdit {
  const parsed = scopeConditionSchema.safeParse(condition, { reportInput: true });
  if (!parsed.success) return refused(`the condition is malformed: ${parsed.error.issues.map(describeZodIssue).join("; ").replaceAll("$", "condition")}`);
  const key = JSON.stringify(parsed.data);
  if (scope.conditions.some((existing) => JSON.stringify(existing) === key)) return refused(`the ${parsed.data.kind} condition is already attached`);
  return edited({ ...scope, conditions: [...scope.conditions, parsed.data] });
}
