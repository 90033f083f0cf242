// The granted scope as it will be stored and signed: zod schemas, strict like the request's.
import { z } from "zod";
import { DATA_CATEGORIES, TARGET_KINDS, TARGET_ROLES } from "./request-vocabulary.js";
import type { DATED_SCOPE_CONDITION_KINDS, ScopeConditionKind } from "../vocabulary/scope-conditions.js";
import { parseCivilDate } from "./zoned-time.js";

const text = z.string().regex(/\S/, "must not be empty or only whitespace");
const dateTime = z.iso.datetime({ offset: true, error: "expected an RFC 3339 date-time with seconds and an offset, e.g. 2024-06-01T09:30:00+02:00" });
const civilDate = z.string().refine((value) => {
  try {
    parseCivilDate(value);
    return true;
  } catch {
    return false;
  }
}, "expected a calendar date of the form YYYY-MM-DD");

export const scopeConditionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("purpose-limitation"), text }),
  z.strictObject({ kind: z.literal("no-onward-transfer"), text }),
  z.strictObject({ kind: z.literal("report-back-by"), date: civilDate, text }),
  z.strictObject({ kind: z.literal("reassess-by"), date: civilDate, text }),
  z.strictObject({ kind: z.literal("notify-person-by"), date: civilDate, text }),
]);

export const grantedTargetSchema = z.strictObject({
  kind: z.enum(TARGET_KINDS),
  value: text,
  role: z.enum(TARGET_ROLES).optional(),
  /** A narrowing of what is granted for this identifier, e.g. "messages exchanged with +44 20 7946 0018 only". */
  restriction: text.optional(),
});

export const scopePeriodSchema = z.strictObject({ from: dateTime, to: dateTime }).refine((period) => Date.parse(period.from) <= Date.parse(period.to), {
  path: ["to"],
  message: "must not be before period.from",
});

export const grantedScopeSchema = z.strictObject({
  categories: z
    .array(z.enum(DATA_CATEGORIES))
    .min(1)
    .refine((categories) => new Set(categories).size === categories.length, "lists a category twice"),
  targets: z.array(grantedTargetSchema).min(1),
  period: scopePeriodSchema.optional(),
  retentionDays: z.number().int().min(0).optional(),
  conditions: z.array(scopeConditionSchema),
});

export type ScopeCondition = z.infer<typeof scopeConditionSchema>;
export type GrantedTarget = z.infer<typeof grantedTargetSchema>;
export type ScopePeriod = z.infer<typeof scopePeriodSchema>;
export type GrantedScope = z.infer<typeof grantedScopeSchema>;

// The schema and the vocabulary must name the same kinds, and the dated ones must carry a date.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsAgree: Same<ScopeCondition["kind"], ScopeConditionKind> = true;
const _datedAgree: Same<Extract<ScopeCondition, { date: string }>["kind"], (typeof DATED_SCOPE_CONDITION_KINDS)[number]> = true;
