// The case state machine, defined once: received → in-review → decided, with a return to the
// issuer for information, and superseded when a newer revision of the request arrives (a
// decided case can be superseded too; its decision stays on record). Superseded is final.
import { CASE_EVENTS, CASE_STATES, type CaseEvent, type CaseState } from "../vocabulary/case-states.js";

const TRANSITIONS: Readonly<Record<CaseState, Readonly<Partial<Record<CaseEvent, CaseState>>>>> = {
  received: { "start-review": "in-review", supersede: "superseded" },
  "in-review": { "return-for-information": "returned-for-information", decide: "decided", supersede: "superseded" },
  // Resuming without the information is allowed (start-review), so a case the issuer never
  // answers can still be decided; the log then shows which of the two it was.
  "returned-for-information": { "start-review": "in-review", "information-received": "in-review", supersede: "superseded" },
  decided: { supersede: "superseded" },
  superseded: {},
};

const WHY_NOT: Readonly<Record<CaseState, string>> = {
  received: "the review has not started",
  "in-review": "the case is under review",
  "returned-for-information": "the case is waiting for information from the issuer",
  decided: "the case is decided; only a newer revision can supersede it",
  superseded: "the case is superseded by a newer revision; nothing more can happen to it",
};

const EVENT_WORDS: Readonly<Record<CaseEvent, string>> = {
  "start-review": "start or resume the review",
  "return-for-information": "return the case for information",
  "information-received": "resume after information was received",
  decide: "decide the case",
  supersede: "supersede the case",
};

export type TransitionResult = { readonly ok: true; readonly state: CaseState } | { readonly ok: false; readonly reason: string };

export const allowedEvents = (state: CaseState): CaseEvent[] => CASE_EVENTS.filter((event) => TRANSITIONS[state][event] !== undefined);

/** The state after the event, or why the event is not allowed in this state. */
export function transition(state: CaseState, event: CaseEvent): TransitionResult {
  if (!(CASE_STATES as readonly string[]).includes(state)) return { ok: false, reason: `"${String(state)}" is not a case state (${CASE_STATES.join(", ")})` };
  if (!(CASE_EVENTS as readonly string[]).includes(event)) return { ok: false, reason: `"${String(event)}" is not a case event (${CASE_EVENTS.join(", ")})` };
  const next = TRANSITIONS[state][event];
  if (next !== undefined) return { ok: true, state: next };
  const possible = allowedEvents(state);
  const options = possible.length === 0 ? "" : `; from ${state} one can ${possible.map((e) => EVENT_WORDS[e]).join(" or ")}`;
  return { ok: false, reason: `Cannot ${EVENT_WORDS[event]}: ${WHY_NOT[state]}${options}.` };
}
