// Auditor mode: the packs an auditor's store holds, their cases and findings, the evaluation, and
// importing a pack the door's open dialog picked (by its one-shot token, never a path).
import { listFindings, recordFinding } from "../../core/auditor/findings.js";
import { evaluationOf, findPack, getAuditPack, listAuditPacks } from "../../core/auditor/auditor-views.js";
import { importAuditPack } from "../../core/auditor/pack-import.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import type { ImportTokens } from "../import-tokens.js";

type AuditorHandlers = Pick<ApiHandlers, "listAuditPacks" | "getAuditPack" | "importAuditPack" | "recordAuditorFinding" | "listAuditorFindings" | "getAuditEvaluation">;

export function auditorHandlers(sessions: SessionState, tokens: ImportTokens): AuditorHandlers {
  return {
    listAuditPacks: () => listAuditPacks(sessions.current()),
    getAuditPack: ({ pack }) => getAuditPack(sessions.current(), pack),
    importAuditPack: async ({ token }) => {
      const session = sessions.current();
      const [file] = tokens.take([token], session);
      if (file === undefined) throw new Error("a taken token answered no file");
      const imported = await importAuditPack(session, file.path);
      return imported;
    },
    recordAuditorFinding: (args) => recordFinding(sessions.current(), args),
    listAuditorFindings: ({ pack }) => listFindings(sessions.current(), pack),
    getAuditEvaluation: ({ pack }) => {
      const session = sessions.current();
      return evaluationOf(session, findPack(session, pack));
    },
  };
}
