// The life of a review case (shared/review/case-state.ts holds the transitions). A public
// contract: stored with each case and shown in the queue.
export const CASE_STATES = ["received", "in-review", "returned-for-information", "decided", "superseded"] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** What can happen to a case; each event is legal only from some states. */
export const CASE_EVENTS = ["start-review", "return-for-information", "information-received", "decide", "supersede"] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];
