// The office's retention rule and the cases it lets go: what `counterseal retention` and its
// `settings` subcommand do, for the app's retention screen.
import { z } from "zod";
import { DECISION_OUTCOMES } from "../vocabulary/decision-outcomes.js";
import { method, none } from "./method.js";

/** Days after a final decision, by outcome; an outcome left out is kept until deleted by hand. */
export const retentionRule = z.partialRecord(z.enum(DECISION_OUTCOMES), z.number().int().min(1));

export const retentionEntry = z.strictObject({
  authority: z.string(),
  id: z.string(),
  revision: z.number().int(),
  decisionId: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  decidedAt: z.string(),
  /** The instant from which the rule lets the case be deleted. */
  deleteFrom: z.string(),
  due: z.boolean(),
});

export const retentionView = z.strictObject({ rule: retentionRule, entries: z.array(retentionEntry) });

const caseRef = z.strictObject({ authority: z.string().min(1), id: z.string().min(1) });

export const retentionMethods = {
  /** The rule, and every case under it (due or scheduled), soonest first. */
  getRetention: method(none, retentionView),
  /** Sets an outcome's days (a number) or keeps its cases (null); the rest stay as they were. */
  updateRetentionRule: method(z.strictObject({ changes: z.partialRecord(z.enum(DECISION_OUTCOMES), z.number().int().nullable()) }), retentionRule),
  /**
   * Deletes exactly the cases the reviewer confirmed, each of which must still be due: a case that
   * stopped being due since the screen was drawn (a new revision came in, a decision was
   * superseded) refuses the whole call before anything is deleted.
   */
  deleteDueCases: method(z.strictObject({ cases: z.array(caseRef).min(1) }), z.array(retentionEntry)),
} as const;

export type RetentionEntry = z.output<typeof retentionEntry>;
export type RetentionView = z.output<typeof retentionView>;
export type RetentionRule = z.output<typeof retentionRule>;
