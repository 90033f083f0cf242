// The deadlines a case can run against and the states a clock can be in (shared/review/clocks.ts
// computes them). A public contract: stored, filtered on and shown in the queue.
import { isOneOf } from "./is-one-of.js";

export const CLOCK_KINDS = [
  "provider-deadline",
  "objection-window",
  "validation",
  "preservation-end",
  "urgent-approval",
  "respond-by",
  "non-disclosure-end",
  "reassess",
  "grievance-response",
  "execution-report",
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const isClockKind = isOneOf(CLOCK_KINDS);

/** running: more than 24 h left; due-soon: 24 h or less; overdue: past due; met: done. */
export const CLOCK_STATES = ["running", "due-soon", "overdue", "met"] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
