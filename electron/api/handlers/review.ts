// The review of a request revision: its view, and each change to it (one transaction each).
import { changeScope, confirmCarriedOver, declareIndependence, getReview, reviewFinding, setAnswer } from "../../core/review/review-service.js";
import { listStoreClocks } from "../../core/review/review-clocks.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type ReviewHandlers = Pick<ApiHandlers, "getReview" | "declareIndependence" | "setAnswer" | "confirmCarriedOver" | "reviewFinding" | "changeScope" | "listClocks">;

export function reviewHandlers(sessions: SessionState): ReviewHandlers {
  return {
    getReview: (ref) => getReview(sessions.current(), ref),
    declareIndependence: (args) => declareIndependence(sessions.current(), args),
    setAnswer: (args) => setAnswer(sessions.current(), args),
    confirmCarriedOver: (args) => confirmCarriedOver(sessions.current(), args),
    reviewFinding: (args) => reviewFinding(sessions.current(), args),
    changeScope: (args) => changeScope(sessions.current(), args),
    listClocks: () => listStoreClocks(sessions.current()),
  };
}
