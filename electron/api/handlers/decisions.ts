// Decisions: list, read, decide (signed) and the draft reasons the decision screen offers; and the
// countersignature requests received from colleagues.
import { decide } from "../../core/decisions/decide.js";
import { getDecision, listDecisions } from "../../core/decisions/decision-views.js";
import { draftReasonsFor } from "../../core/decisions/draft-reasons.js";
import { getCountersignRequest, listCountersignRequests } from "../../core/decisions/countersign-views.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type DecisionHandlers = Pick<ApiHandlers, "listDecisions" | "getDecision" | "decide" | "draftReasons" | "listCountersignRequests" | "getCountersignRequest">;

export function decisionHandlers(sessions: SessionState): DecisionHandlers {
  return {
    listDecisions: () => listDecisions(sessions.current()),
    getDecision: ({ id }) => getDecision(sessions.current(), id),
    decide: (args) => decide(sessions.current(), args),
    draftReasons: (ref) => draftReasonsFor(sessions.current(), ref),
    // Four eyes, the colleague's side: the requests received, read-only.
    listCountersignRequests: () => listCountersignRequests(sessions.current()),
    getCountersignRequest: ({ decisionId }) => getCountersignRequest(sessions.current(), decisionId),
  };
}
