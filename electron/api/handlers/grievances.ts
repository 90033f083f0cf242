// The grievance register: list, read, register from a letter, and respond (signed).
import { getGrievance, listGrievances, registerGrievance } from "../../core/grievances/grievance-register.js";
import { respondToGrievance } from "../../core/grievances/grievance-response.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type GrievanceHandlers = Pick<ApiHandlers, "listGrievances" | "getGrievance" | "registerGrievance" | "respondToGrievance">;

export function grievanceHandlers(sessions: SessionState): GrievanceHandlers {
  return {
    listGrievances: () => listGrievances(sessions.current()),
    getGrievance: ({ id }) => getGrievance(sessions.current(), id),
    registerGrievance: ({ grievance, replyTo }) => registerGrievance(sessions.current(), grievance, replyTo === undefined ? {} : { replyTo }),
    respondToGrievance: (args) => respondToGrievance(sessions.current(), args),
  };
}
