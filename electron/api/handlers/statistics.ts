// The execution record and the transparency report, for the app (its charts and the execution
// form); the same core services as `counterseal execution` and `counterseal report`.
import { listExecutions, recordExecution } from "../../core/executions/execution-service.js";
import type { SessionState } from "../../core/session/session-state.js";
import { getReportSettings, updateReportSettings } from "../../core/settings/report-settings.js";
import { transparencyReport } from "../../core/statistics/report-service.js";
import type { ApiHandlers } from "../dispatch.js";

type StatisticsHandlers = Pick<ApiHandlers, "listExecutions" | "recordExecution" | "getTransparencyReport" | "getReportSettings" | "updateReportSettings">;

export function statisticsHandlers(sessions: SessionState): StatisticsHandlers {
  return {
    listExecutions: () => listExecutions(sessions.current()),
    recordExecution: (args) => recordExecution(sessions.current(), args),
    getTransparencyReport: (args) => transparencyReport(sessions.current(), args),
    getReportSettings: () => getReportSettings(sessions.current()),
    updateReportSettings: ({ threshold }) => updateReportSettings(sessions.current(), { threshold }),
  };
}
