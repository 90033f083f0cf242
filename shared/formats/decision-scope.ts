// A scope of access: what a request asks for (requestedScope) and what a decision grants
// (grantedScope). One schema for both, so that the two can be compared field by field. Field
// names follow the request document (dataCategories, targets, period, retentionDays).
import { z } from "zod";
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";
import type { DATED_SCOPE_CONDITION_KINDS, ScopeConditionKind } from "../vocabulary/scope-conditions.js";
import { TARGET_KINDS, TARGET_ROLES } from "../vocabulary/targets.js";
import { civilDate, dateTime, duplicatesIn, notBefore, text } from "./document-fields.js";

/** Undated conditions say what they impose; dated ones carry their date and may explain it. */
export const scopeConditionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("purpose-limitation"), text }),
  z.strictObject({ kind: z.literal("no-onward-transfer"), text }),
  z.strictObject({ kind: z.literal("report-back-by"), date: civilDate, text: text.optional() }),
  z.strictObject({ kind: z.literal("reassess-by"), date: civilDate, text: text.optional() }),
  z.strictObject({ kind: z.literal("notify-person-by"), date: civilDate, text: text.optional() }),
]);
export type ScopeCondition = z.infer<typeof scopeConditionSchema>;

export const scopeTargetSchema = z.strictObject({
  kind: z.enum(TARGET_KINDS),
  value: text,
  role: z.enum(TARGET_ROLES).optional(),
  /** What is granted for this identifier when less than all, e.g. "messages exchanged with account X only". */
  restriction: text.optional(),
});
export type ScopeTarget = z.infer<typeof scopeTargetSchema>;

export const scopePeriodSchema = z
  .strictObject({ from: dateTime, to: dateTime })
  .refine((period) => notBefore(period.to, period.from), { path: ["to"], message: "must not be before period.from" });

export const scopeSchema = z.strictObject({
  dataCategories: z
    .array(z.enum(DATA_CATEGORIES))
    .min(1)
    .superRefine((categories, ctx) => duplicatesIn(categories, ctx, [], "dataCategories")),
  targets: z.array(scopeTargetSchema).min(1),
  period: scopePeriodSchema.optional(),
  retentionDays: z.number().int().min(0).optional(),
  conditions: z.array(scopeConditionSchema),
});
export type Scope = z.infer<typeof scopeSchema>;

/** The same scope whatever order its sets were listed in: categories, targets and conditions sorted. */
export function normalisedScope(scope: Scope): string {
  const sorted = (values: readonly unknown[]): string[] => values.map((value) => JSON.stringify(sortKeys(value))).sort();
  return JSON.stringify({
    dataCategories: [...scope.dataCategories].sort(),
    targets: sorted(scope.targets),
    period: scope.period ?? null,
    retentionDays: scope.retentionDays ?? null,
    conditions: sorted(scope.conditions),
  });
}

export const sameScope = (a: Scope, b: Scope): boolean => normalisedScope(a) === normalisedScope(b);

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, member]) => [key, sortKeys(member)]));
}

// The schema and the vocabulary must name the same kinds, and the dated ones must carry a date.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsAgree: Same<ScopeCondition["kind"], ScopeConditionKind> = true;
const datedAgree: Same<Extract<ScopeCondition, { date: string }>["kind"], (typeof DATED_SCOPE_CONDITION_KINDS)[number]> = true;
export const SCOPE_SCHEMA_MATCHES_VOCABULARY = kindsAgree && datedAgree;
