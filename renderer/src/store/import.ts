// Importing bundles: resolve each picked or dropped file to a path through the bridge, import them
// in one call, and poll the core's progress every 250 ms while it runs.
import { create } from "zustand";
import { api, pathForFile } from "../api/client.js";
import type { ImportOutcome, ImportProgress } from "../../../shared/api/requests.js";
import { failureFrom, type Failure } from "./failure.js";

export const PROGRESS_POLL_MS = 250;

type Phase = "idle" | "preparing" | "importing" | "done" | "failed";

interface ImportState {
  phase: Phase;
  prepared: number;
  fileCount: number;
  progress: ImportProgress | null;
  outcomes: ImportOutcome[];
  error: Failure | null;
  run: (files: readonly File[]) => Promise<ImportOutcome[] | null>;
  clear: () => void;
  reset: () => void;
}

const initial = { phase: "idle" as Phase, prepared: 0, fileCount: 0, progress: null, outcomes: [], error: null };

export const useImport = create<ImportState>()((set, get) => ({
  ...initial,
  run: async (files) => {
    const phase = get().phase;
    if (files.length === 0 || phase === "preparing" || phase === "importing") return null;
    set({ ...initial, phase: "preparing", fileCount: files.length });
    let timer: number | undefined;
    try {
      const paths: string[] = [];
      for (const file of files) {
        paths.push(await pathForFile(file));
        set({ prepared: paths.length });
      }
      set({ phase: "importing" });
      const poll = async () => {
        try {
          const progress = await api.getImportProgress({});
          if (get().phase === "importing") set({ progress });
        } catch {
          // Progress is a nicety: the import's own answer is what counts.
        }
      };
      timer = window.setInterval(() => void poll(), PROGRESS_POLL_MS);
      const outcomes = await api.importBundles({ paths });
      set({ phase: "done", outcomes, progress: null });
      return outcomes;
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ phase: "failed", error: failure, progress: null });
      return null;
    } finally {
      if (timer !== undefined) window.clearInterval(timer);
    }
  },
  clear: () => set(initial),
  reset: () => set(initial),
}));
