// Decisions: list, read, decide (signed) and the draft reasons the decision screen offers.
import { decide } from "../../core/decisions/decide.js";
import { getDecision, listDecisions } from "../../core/decisions/decision-views.js";
import { draftReasonsFor } from "../../core/decisions/draft-reasons.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type DecisionHandlers = Pick<ApiHandlers, "listDecisions" | "getDecision" | "decide" | "draftReasons">;

export function decisionHandlers(sessions: SessionState): DecisionHandlers {
  return {
    listDecisions: () => listDecisions(sessions.current()),
    getDecision: ({ id }) => getDecision(sessions.current(), id),
    decide: (args) => decide(sessions.current(), args),
    draftReasons: (ref) => draftReasonsFor(sessions.current(), ref),
  };
}
