// Auditor mode: which kind of store is open, the packs an auditor's store holds, their cases and
// findings, the evaluation, importing a pack the door's open dialog picked (by its one-shot token,
// never a path), and the signed findings report, whose folder the door chooses inside the call.
import { AuditPackRefusedError } from "../../core/auditor/auditor-errors.js";
import { listFindings, recordFinding } from "../../core/auditor/findings.js";
import { assertReportable, evaluateFindings, exportFindingsReport } from "../../core/auditor/findings-report.js";
import { evaluationOf, findPack, getAuditPack, listAuditPacks } from "../../core/auditor/auditor-views.js";
import { importAuditPack } from "../../core/auditor/pack-import.js";
import { storeModeOf } from "../../core/auditor/store-mode.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";
import type { ImportTokens } from "../import-tokens.js";
import { exportedAnswer } from "./decisions.js";

type AuditorHandlers = Pick<
  ApiHandlers,
  "getStoreMode" | "listAuditPacks" | "getAuditPack" | "importAuditPack" | "recordAuditorFinding" | "listAuditorFindings" | "getAuditEvaluation" | "exportFindingsReport"
>;

export function auditorHandlers(sessions: SessionState, tokens: ImportTokens, files: FileDoor): AuditorHandlers {
  return {
    getStoreMode: () => ({ mode: storeModeOf(sessions.current()) }),
    listAuditPacks: () => listAuditPacks(sessions.current()),
    getAuditPack: ({ pack }) => getAuditPack(sessions.current(), pack),
    importAuditPack: async ({ token }) => {
      const session = sessions.current();
      const [file] = tokens.take([token], session);
      if (file === undefined) throw new Error("a taken token answered no file");
      try {
        return await importAuditPack(session, file.path);
      } catch (error) {
        // The refusal names the file; the page knows it by the name it picked, never by its path.
        if (error instanceof AuditPackRefusedError) throw new AuditPackRefusedError(error.message.replaceAll(file.path, file.name));
        throw error;
      }
    },
    recordAuditorFinding: (args) => recordFinding(sessions.current(), args),
    listAuditorFindings: ({ pack }) => listFindings(sessions.current(), pack),
    getAuditEvaluation: ({ pack }) => {
      const session = sessions.current();
      return evaluationOf(session, findPack(session, pack));
    },
    exportFindingsReport: async ({ pack }) => {
      // Refused before the dialog opens: no pack, or findings missing, asks nobody where to put it.
      const report = evaluateFindings(sessions.current(), pack);
      assertReportable(sessions.current(), report.pack);
      const folder = await files.chooseFolder(report.id);
      if (folder === null) return { saved: false };
      // Asked again: the store may have been locked, or a finding changed, while the dialog was open.
      const written = await exportFindingsReport(sessions.current(), { pack: report.pack, outDir: folder });
      return exportedAnswer(folder, { files: written.files, sealedTo: null, sha256: written.sha256 ?? "" });
    },
  };
}
