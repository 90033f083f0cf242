// The case state machine: every legal step, and a reason for every illegal one.
import { describe, expect, it } from "vitest";
import { allowedEvents, transition } from "../../shared/review/case-state.js";
import { CASE_EVENTS, CASE_STATES, type CaseEvent, type CaseState } from "../../shared/vocabulary/case-states.js";

const LEGAL: ReadonlyArray<[CaseState, CaseEvent, CaseState]> = [
  ["received", "start-review", "in-review"],
  ["received", "supersede", "superseded"],
  ["in-review", "return-for-information", "returned-for-information"],
  ["in-review", "decide", "decided"],
  ["in-review", "supersede", "superseded"],
  ["returned-for-information", "information-received", "in-review"],
  ["returned-for-information", "start-review", "in-review"],
  ["returned-for-information", "supersede", "superseded"],
  ["decided", "supersede", "superseded"],
];

describe("case transitions", () => {
  it.each(LEGAL)("%s --%s--> %s", (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, state: to });
  });

  it("refuses every other pair with a reason", () => {
    for (const state of CASE_STATES)
      for (const event of CASE_EVENTS) {
        if (LEGAL.some(([from, e]) => from === state && e === event)) continue;
        const result = transition(state, event);
        expect(result.ok, `${state} + ${event}`).toBe(false);
        if (!result.ok) expect(result.reason).toMatch(/^Cannot /);
      }
  });

  it("explains why and what is possible instead", () => {
    expect(transition("received", "decide")).toEqual({ ok: false, reason: "Cannot decide the case: the review has not started; from received one can start or resume the review or supersede the case." });
    expect(transition("superseded", "start-review")).toEqual({ ok: false, reason: "Cannot start or resume the review: the case is superseded by a newer revision; nothing more can happen to it." });
    expect(transition("decided", "return-for-information")).toMatchObject({ reason: expect.stringContaining("only a newer revision can supersede it") });
  });

  it("refuses unknown states and events by name", () => {
    expect(transition("archived" as CaseState, "decide")).toEqual({ ok: false, reason: '"archived" is not a case state (received, in-review, returned-for-information, decided, superseded)' });
    expect(transition("received", "reopen" as CaseEvent)).toMatchObject({ ok: false, reason: expect.stringContaining('"reopen" is not a case event') });
  });

  it("lists the allowed events of each state", () => {
    expect(allowedEvents("in-review")).toEqual(["return-for-information", "decide", "supersede"]);
    expect(allowedEvents("superseded")).toEqual([]);
  });
});
