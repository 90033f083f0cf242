// The soonest deadline a request still runs against: the inbox sorts on it and `counterseal
// clocks` lists every open clock. A clock is open until it is met; an overdue clock stays open
// (it is the one that most needs seeing). Which clocks a case still owes follows its state: a
// superseded revision owes none (the newer revision carries them), and a decided one only those
// that run past the decision (a reassess date, the end of non-disclosure).
import type { CaseState } from "../vocabulary/case-states.js";
import type { ClockKind } from "../vocabulary/clock-kinds.js";
import type { Clock } from "./clocks.js";
import { instant } from "./instants.js";

const AFTER_DECISION: ReadonlySet<ClockKind> = new Set(["reassess", "non-disclosure-end"]);

/** The clocks that still matter for a case in this state, soonest first (ties in clock order). */
export function openClocks(clocks: readonly Clock[], state: CaseState): Clock[] {
  if (state === "superseded") return [];
  const owed = clocks.filter((clock) => clock.state !== "met" && (state !== "decided" || AFTER_DECISION.has(clock.kind)));
  return owed
    .map((clock, order) => ({ clock, order, due: instant(clock.due) }))
    .sort((a, b) => a.due - b.due || a.order - b.order)
    .map(({ clock }) => clock);
}

/** The soonest open clock, or undefined when the case owes none. */
export const nextDeadline = (clocks: readonly Clock[], state: CaseState): Clock | undefined => openClocks(clocks, state)[0];
