// The decision page's execution record: the record for the open decision if there is one, and
// while there is none, the store's execution-report clock for its request revision
// (getExecutionClock: due when the provider's deadline ends). Recording stops the clock.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { DecisionView } from "../../../shared/api/decisions.js";
import type { ExecutionView, RecordExecutionArgs } from "../../../shared/api/executions.js";
import type { ReviewClock } from "../../../shared/api/review.js";
import { failureFrom, type Failure } from "./failure.js";

interface ExecutionsState {
  decisionId: string | null;
  record: ExecutionView | null;
  clock: ReviewClock | null;
  loaded: boolean;
  error: Failure | null;
  load: (view: DecisionView) => Promise<void>;
  /** Records the execution; throws the API error for the form. */
  save: (args: RecordExecutionArgs) => Promise<ExecutionView>;
  reset: () => void;
}

const EMPTY = { decisionId: null, record: null, clock: null, loaded: false, error: null };

export const useExecutions = create<ExecutionsState>()((set, get) => ({
  ...EMPTY,
  load: async (view) => {
    if (get().decisionId !== view.id) set({ ...EMPTY, decisionId: view.id });
    set({ error: null });
    try {
      const { authority, id, revision } = view.document.request;
      const [records, clock] = await Promise.all([api.listExecutions({ decision: view.id }), api.getExecutionClock({ authority, id, revision })]);
      if (get().decisionId !== view.id) return;
      set({ record: records[0] ?? null, clock, loaded: true });
    } catch (error) {
      set({ error: failureFrom(error) });
    }
  },
  save: async (args) => {
    const record = await api.recordExecution(args);
    set({ record, clock: null });
    return record;
  },
  reset: () => set({ ...EMPTY }),
}));
