// The shape of the rules engine: each rule reads the request (and the office's settings) and
// either stays silent or gives one finding tied to a checklist item, with its legal source.
import type { RequestDocument } from "../request-vocabulary.js";

export const FINDING_SEVERITIES = ["warning", "finding"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface Finding {
  readonly ruleId: string;
  readonly itemId: string;
  /** What is wrong with this request, in plain words. */
  readonly reason: string;
  readonly source: string;
  readonly severity: FindingSeverity;
}

export interface RuleSettings {
  /** The moment the rules run; only deadline rules (L4) read it. */
  readonly now: string | Date;
  /** The office's bound on targets in one request (N4); 10 when not set. */
  readonly maxTargets?: number;
  /** The office's bound on a period's length in days (M3); 366 when not set. */
  readonly maxPeriodDays?: number;
}

export interface RuleContext {
  readonly nowMs: number;
  readonly maxTargets: number;
  readonly maxPeriodDays: number;
}

export type RuleOutcome = { readonly reason: string; readonly severity: FindingSeverity } | undefined;

export interface Rule {
  readonly id: string;
  readonly itemId: string;
  readonly source: string;
  /** The condition in one sentence, for docs/review.md and the reviewer's help. */
  readonly when: string;
  readonly check: (request: RequestDocument, context: RuleContext) => RuleOutcome;
}

export const finding = (reason: string): RuleOutcome => ({ reason, severity: "finding" });
export const warning = (reason: string): RuleOutcome => ({ reason, severity: "warning" });
