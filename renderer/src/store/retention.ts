// The retention screen's state: the office's rule and the cases under it.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { RetentionEntry, RetentionView } from "../../../shared/api/retention.js";
import type { RuleChanges } from "../features/retention/retention-model.js";
import { failureFrom, type Failure } from "./failure.js";

interface RetentionState {
  view: RetentionView | null;
  loading: boolean;
  error: Failure | null;
  load: () => Promise<void>;
  /** Throws the API error for the form to show. */
  updateRule: (changes: RuleChanges) => Promise<void>;
  /** Deletes the confirmed cases (all or none) and reloads; throws the API error for the dialog. */
  deleteCases: (entries: readonly RetentionEntry[]) => Promise<RetentionEntry[]>;
  reset: () => void;
}

export const useRetention = create<RetentionState>()((set, get) => ({
  view: null,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      set({ view: await api.getRetention({}), loading: false });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ error: failure, loading: false });
    }
  },
  updateRule: async (changes) => {
    await api.updateRetentionRule({ changes });
    await get().load();
  },
  deleteCases: async (entries) => {
    try {
      return await api.deleteDueCases({ cases: entries.map(({ authority, id }) => ({ authority, id })) });
    } finally {
      // Deleted or refused as out of date, the screen shows the store as it now is.
      await get().load();
    }
  },
  reset: () => set({ view: null, loading: false, error: null }),
}));
