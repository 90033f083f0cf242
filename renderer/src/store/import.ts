// Importing bundles: the files come as tokens main issued (its open dialog, or a drop it
// registered), never as paths; they are imported in one call, and the core's progress is polled
// every 250 ms while it runs.
import { create } from "zustand";
import { api, chooseImportFiles, tokenForDroppedFile } from "../api/client.js";
import type { ImportOutcome, ImportProgress, PickedImportFile } from "../../../shared/api/requests.js";
import type { PickedFile } from "../../../shared/api/bridge.js";
import { failureFrom, type Failure } from "./failure.js";

export const PROGRESS_POLL_MS = 250;

type Phase = "idle" | "choosing" | "preparing" | "importing" | "done" | "failed";

interface ImportState {
  phase: Phase;
  prepared: number;
  fileCount: number;
  progress: ImportProgress | null;
  outcomes: ImportOutcome[];
  error: Failure | null;
  /** Opens the file picker (main's dialog) and imports what is picked; null when cancelled or busy. */
  choose: () => Promise<ImportOutcome[] | null>;
  /** Imports dropped files. */
  run: (files: readonly PickedFile[]) => Promise<ImportOutcome[] | null>;
  clear: () => void;
  reset: () => void;
}

const initial = { phase: "idle" as Phase, prepared: 0, fileCount: 0, progress: null, outcomes: [], error: null };

export const isImportBusy = (phase: Phase): boolean => phase === "choosing" || phase === "preparing" || phase === "importing";

export const useImport = create<ImportState>()((set, get) => {
  const fail = (error: unknown): null => {
    const failure = failureFrom(error);
    if (failure) set({ phase: "failed", error: failure, progress: null });
    else set(initial);
    return null;
  };

  const importPicked = async (picked: readonly PickedImportFile[]): Promise<ImportOutcome[] | null> => {
    set({ phase: "importing", fileCount: picked.length, prepared: picked.length });
    const poll = async () => {
      try {
        const progress = await api.getImportProgress({});
        if (get().phase === "importing") set({ progress });
      } catch {
        // Progress is a nicety: the import's own answer is what counts.
      }
    };
    const timer = window.setInterval(() => void poll(), PROGRESS_POLL_MS);
    try {
      const outcomes = await api.importBundles({ tokens: picked.map((file) => file.token) });
      set({ phase: "done", outcomes, progress: null });
      return outcomes;
    } catch (error) {
      return fail(error);
    } finally {
      window.clearInterval(timer);
    }
  };

  return {
    ...initial,
    choose: async () => {
      const before = get();
      if (isImportBusy(before.phase)) return null;
      set({ phase: "choosing" });
      let picked: PickedImportFile[];
      try {
        picked = await chooseImportFiles();
      } catch (error) {
        return fail(error);
      }
      if (picked.length === 0) {
        // Cancelled: the screen shows what it showed before.
        set({ phase: before.phase });
        return null;
      }
      set({ ...initial, phase: "preparing", fileCount: picked.length, prepared: picked.length });
      return importPicked(picked);
    },
    run: async (files) => {
      if (files.length === 0 || isImportBusy(get().phase)) return null;
      set({ ...initial, phase: "preparing", fileCount: files.length });
      const picked: PickedImportFile[] = [];
      try {
        for (const file of files) {
          picked.push(await tokenForDroppedFile(file));
          set({ prepared: picked.length });
        }
      } catch (error) {
        return fail(error);
      }
      return importPicked(picked);
    },
    clear: () => set(initial),
    reset: () => set(initial),
  };
});
