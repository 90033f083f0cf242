// The grievance register: list, read, register from a letter, respond (signed), and export the
// response, whose folder the door chooses inside the call.
import { getGrievance, listGrievances, registerGrievance } from "../../core/grievances/grievance-register.js";
import { exportGrievanceResponse } from "../../core/grievances/grievance-export.js";
import { respondToGrievance } from "../../core/grievances/grievance-response.js";
import { GrievanceUnansweredError } from "../../core/grievances/grievance-errors.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";
import { exportedAnswer } from "./decisions.js";

type GrievanceHandlers = Pick<ApiHandlers, "listGrievances" | "getGrievance" | "registerGrievance" | "respondToGrievance" | "exportGrievanceResponse">;

export function grievanceHandlers(sessions: SessionState, files: FileDoor): GrievanceHandlers {
  return {
    listGrievances: () => listGrievances(sessions.current()),
    getGrievance: ({ id }) => getGrievance(sessions.current(), id),
    registerGrievance: ({ grievance, replyTo }) => registerGrievance(sessions.current(), grievance, replyTo === undefined ? {} : { replyTo }),
    respondToGrievance: (args) => respondToGrievance(sessions.current(), args),
    exportGrievanceResponse: async ({ id, seal }) => {
      // Refused before the dialog opens: nothing to export asks nobody where to put it.
      const grievance = getGrievance(sessions.current(), id);
      if (grievance.response === null) throw new GrievanceUnansweredError(`grievance ${id} has no signed response yet: respond to it first`);
      const folder = await files.chooseFolder(grievance.response.id);
      if (folder === null) return { saved: false };
      return exportedAnswer(folder, await exportGrievanceResponse(sessions.current(), id, folder, { seal }));
    },
  };
}
