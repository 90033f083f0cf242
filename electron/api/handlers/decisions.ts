// Decisions: list, read, decide (signed), the draft reasons and the unsigned preview the decision
// screen offers, and the export, whose folder the door chooses inside the call.
import { basename } from "node:path";
import type { DocumentExported } from "../../../shared/api/decisions.js";
import { decide } from "../../core/decisions/decide.js";
import { exportDecision } from "../../core/decisions/decision-export.js";
import { previewDecision } from "../../core/decisions/decision-preview.js";
import { getDecision, listDecisions } from "../../core/decisions/decision-views.js";
import { draftReasonsFor } from "../../core/decisions/draft-reasons.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";

type DecisionHandlers = Pick<ApiHandlers, "listDecisions" | "getDecision" | "decide" | "draftReasons" | "previewDecision" | "exportDecision">;

export function decisionHandlers(sessions: SessionState, files: FileDoor): DecisionHandlers {
  return {
    listDecisions: () => listDecisions(sessions.current()),
    getDecision: ({ id }) => getDecision(sessions.current(), id),
    decide: (args) => decide(sessions.current(), args),
    draftReasons: (ref) => draftReasonsFor(sessions.current(), ref),
    previewDecision: (args) => previewDecision(sessions.current(), args),
    exportDecision: async ({ id, seal }) => {
      // Refused before the dialog opens: an unknown decision asks nobody where to put it.
      getDecision(sessions.current(), id);
      const folder = await files.chooseFolder(id);
      if (folder === null) return { saved: false };
      // Asked again: the store may have been locked while the dialog was open.
      return exportedAnswer(folder, await exportDecision(sessions.current(), id, folder, { seal }));
    },
  };
}

/** What the page may see of an export: the folder's and the files' names, never a path. */
export function exportedAnswer(folder: string, written: { files: string[]; sealedTo: string | null; sha256: string }): DocumentExported {
  return { saved: true, folder: basename(folder), files: written.files.map((file) => basename(file)), sealedTo: written.sealedTo, sha256: written.sha256 };
}
