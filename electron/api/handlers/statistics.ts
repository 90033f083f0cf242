// The execution record and the transparency report, for the app (its charts and the execution
// form); the same core services as `counterseal execution` and `counterseal report`. An export
// asks the door for a folder inside the call, and answers the folder's and files' names only.
import { basename, join } from "node:path";
import { openExecutionClocks } from "../../core/executions/execution-clocks.js";
import { listExecutions, recordExecution } from "../../core/executions/execution-service.js";
import type { SessionState } from "../../core/session/session-state.js";
import { getReportSettings, updateReportSettings } from "../../core/settings/report-settings.js";
import { exportReport, reportFileName, transparencyReport } from "../../core/statistics/report-service.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";

type StatisticsHandlers = Pick<ApiHandlers, "listExecutions" | "recordExecution" | "getExecutionClock" | "getTransparencyReport" | "getReportSettings" | "updateReportSettings" | "exportTransparencyReport">;

export function statisticsHandlers(sessions: SessionState, files: FileDoor): StatisticsHandlers {
  return {
    listExecutions: ({ decision }) => listExecutions(sessions.current(), { decision }),
    recordExecution: (args) => recordExecution(sessions.current(), args),
    getExecutionClock: (ref) => {
      const clock = openExecutionClocks(sessions.current(), ref)[0];
      return clock === undefined ? null : { kind: clock.kind, due: clock.due, state: clock.state, source: clock.source, description: clock.description };
    },
    getTransparencyReport: (args) => transparencyReport(sessions.current(), args),
    getReportSettings: () => getReportSettings(sessions.current()),
    updateReportSettings: ({ threshold }) => updateReportSettings(sessions.current(), { threshold }),
    exportTransparencyReport: async ({ format, ...args }) => {
      // A bad period or threshold is refused before the dialog opens: nobody is asked where to put nothing.
      const draft = transparencyReport(sessions.current(), args);
      const folder = await files.chooseFolder(reportFileName(draft, format));
      if (folder === null) return { saved: false };
      // Made again with the session as it is now: the store may have been locked while the dialog was open.
      const session = sessions.current();
      const report = transparencyReport(session, args);
      const written = await exportReport(session, report, format, join(folder, reportFileName(report, format)));
      return { saved: true, folder: basename(folder), files: written.files.map((file) => basename(file)), sha256: written.sha256 };
    },
  };
}
