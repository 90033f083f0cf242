// Auditor mode: the packs the store took in, importing packs (main's open dialog or a drop, as
// tokens: the page never names a path), the open pack with its cases and evaluation, recording a
// finding (the pack is read again, so the evaluation follows at once), and the signed findings
// report through the door's folder.
import { create } from "zustand";
import { api, chooseImportFiles, tokenForDroppedFile } from "../api/client.js";
import type { AuditPackSummary, AuditPackView, PackImport, RecordFindingArgs } from "../../../shared/api/auditor.js";
import type { DocumentExported } from "../../../shared/api/decisions.js";
import type { PickedFile } from "../../../shared/api/bridge.js";
import type { PickedImportFile } from "../../../shared/api/requests.js";
import { failureFrom, type Failure } from "./failure.js";

/** One picked pack's outcome: stored (or already there), or refused with the core's sentence. */
export type PackOutcome = { name: string; result: PackImport; error: null } | { name: string; result: null; error: Failure };

export type ImportPhase = "idle" | "choosing" | "importing" | "done" | "failed";

export type SaveState = { state: "idle" } | { state: "busy"; reference: string } | { state: "saved"; reference: string } | { state: "failed"; reference: string; error: Failure };

export type ReportExport =
  | { state: "idle" }
  | { state: "busy" }
  | { state: "done"; result: Extract<DocumentExported, { saved: true }> }
  | { state: "cancelled" }
  | { state: "failed"; error: Failure };

interface AuditorState {
  packs: AuditPackSummary[] | null;
  packsError: Failure | null;
  importPhase: ImportPhase;
  outcomes: PackOutcome[];
  importError: Failure | null;
  view: AuditPackView | null;
  viewError: Failure | null;
  saving: SaveState;
  exported: ReportExport;
  loadPacks: () => Promise<void>;
  /** Opens the door's file picker and imports each pack picked; false when cancelled or busy. */
  choosePacks: () => Promise<boolean>;
  /** Imports dropped packs. */
  dropPacks: (files: readonly PickedFile[]) => Promise<boolean>;
  loadPack: (id: string) => Promise<void>;
  /** Records (or replaces) a finding; true when stored. */
  recordFinding: (args: RecordFindingArgs & { pack: string }) => Promise<boolean>;
  exportReport: (pack: string) => Promise<void>;
  reset: () => void;
}

const EMPTY = {
  packs: null,
  packsError: null,
  importPhase: "idle" as ImportPhase,
  outcomes: [],
  importError: null,
  view: null,
  viewError: null,
  saving: { state: "idle" } as SaveState,
  exported: { state: "idle" } as ReportExport,
};

export const isPackImportBusy = (phase: ImportPhase): boolean => phase === "choosing" || phase === "importing";

export const useAuditor = create<AuditorState>()((set, get) => {
  /** Each pack on its own: a refusal of one says why and does not stop the next. */
  const importEach = async (picked: readonly PickedImportFile[]): Promise<boolean> => {
    set({ importPhase: "importing", outcomes: [], importError: null });
    const outcomes: PackOutcome[] = [];
    for (const file of picked) {
      try {
        outcomes.push({ name: file.name, result: await api.importAuditPack({ token: file.token }), error: null });
      } catch (error) {
        const failure = failureFrom(error);
        if (failure === null) return false;
        outcomes.push({ name: file.name, result: null, error: failure });
      }
    }
    set({ importPhase: "done", outcomes });
    await get().loadPacks();
    return true;
  };

  const failImport = (error: unknown): false => {
    const failure = failureFrom(error);
    set(failure ? { importPhase: "failed", importError: failure } : { importPhase: "idle" });
    return false;
  };

  return {
    ...EMPTY,
    loadPacks: async () => {
      set({ packsError: null });
      try {
        set({ packs: await api.listAuditPacks({}) });
      } catch (error) {
        const failure = failureFrom(error);
        if (failure) set({ packsError: failure });
      }
    },
    choosePacks: async () => {
      const before = get().importPhase;
      if (isPackImportBusy(before)) return false;
      set({ importPhase: "choosing" });
      let picked: PickedImportFile[];
      try {
        picked = await chooseImportFiles();
      } catch (error) {
        return failImport(error);
      }
      if (picked.length === 0) {
        set({ importPhase: before });
        return false;
      }
      return importEach(picked);
    },
    dropPacks: async (files) => {
      if (files.length === 0 || isPackImportBusy(get().importPhase)) return false;
      set({ importPhase: "importing", outcomes: [], importError: null });
      const picked: PickedImportFile[] = [];
      try {
        for (const file of files) picked.push(await tokenForDroppedFile(file));
      } catch (error) {
        return failImport(error);
      }
      return importEach(picked);
    },
    loadPack: async (id) => {
      if (get().view?.summary.id !== id) set({ view: null, saving: { state: "idle" }, exported: { state: "idle" } });
      set({ viewError: null });
      try {
        set({ view: await api.getAuditPack({ pack: id }) });
      } catch (error) {
        const failure = failureFrom(error);
        if (failure) set({ viewError: failure });
      }
    },
    recordFinding: async (args) => {
      set({ saving: { state: "busy", reference: args.reference }, exported: { state: "idle" } });
      try {
        await api.recordAuditorFinding(args);
        const view = await api.getAuditPack({ pack: args.pack });
        set({ view, saving: { state: "saved", reference: args.reference }, packs: null });
        return true;
      } catch (error) {
        const failure = failureFrom(error);
        set({ saving: failure ? { state: "failed", reference: args.reference, error: failure } : { state: "idle" } });
        return false;
      }
    },
    exportReport: async (pack) => {
      set({ exported: { state: "busy" } });
      try {
        const result = await api.exportFindingsReport({ pack });
        set({ exported: result.saved ? { state: "done", result } : { state: "cancelled" } });
      } catch (error) {
        const failure = failureFrom(error);
        set({ exported: failure ? { state: "failed", error: failure } : { state: "idle" } });
      }
    },
    reset: () => set({ ...EMPTY }),
  };
});
