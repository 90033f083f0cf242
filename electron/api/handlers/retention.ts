// Retention: the office's rule, the cases it lets go, and deleting the ones the reviewer confirmed.
import { deleteConfirmedCases, listRetention } from "../../core/retention/retention-service.js";
import type { SessionState } from "../../core/session/session-state.js";
import { getRetentionSettings, updateRetentionSettings } from "../../core/settings/retention-settings.js";
import type { ApiHandlers } from "../dispatch.js";

type RetentionHandlers = Pick<ApiHandlers, "getRetention" | "updateRetentionRule" | "deleteDueCases">;

export function retentionHandlers(sessions: SessionState): RetentionHandlers {
  return {
    getRetention: () => {
      const session = sessions.current();
      return { rule: getRetentionSettings(session), entries: listRetention(session, { dueOnly: false }) };
    },
    updateRetentionRule: ({ changes }) => updateRetentionSettings(sessions.current(), changes as Record<string, number | null>),
    deleteDueCases: ({ cases }) => deleteConfirmedCases(sessions.current(), cases),
  };
}
