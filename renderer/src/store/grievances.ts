// The grievance register: the list with its response deadlines (as the store's clocks), the
// open grievance with its response and exports, registering one from a letter and responding.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { GrievanceEntry, GrievanceResponseArgs, GrievanceView } from "../../../shared/api/grievances.js";
import type { KeyringEntry } from "../../../shared/api/keyring.js";
import type { ReviewClock } from "../../../shared/api/review.js";
import type { ExportKind, ExportState } from "./decisions.js";
import { failureFrom, type Failure } from "./failure.js";

/** A grievance's response deadline as the store's clocks give it, named by the grievance. */
export type GrievanceClock = ReviewClock & { grievance: string };

interface GrievancesState {
  list: GrievanceView[] | null;
  clocks: GrievanceClock[];
  listError: Failure | null;
  view: GrievanceView | null;
  viewError: Failure | null;
  keyring: KeyringEntry[] | null;
  exported: ExportState;
  busy: boolean;
  loadList: () => Promise<void>;
  loadGrievance: (id: string) => Promise<void>;
  /** Loads the keyring for the form's "reply to" choice. */
  loadKeyring: () => Promise<void>;
  /** Answers the registered grievance, or throws the API error for the form to show. */
  register: (grievance: GrievanceEntry, replyTo: string | null) => Promise<GrievanceView>;
  /** Answers the answered grievance, or throws the API error for the form to show. */
  respond: (args: GrievanceResponseArgs) => Promise<GrievanceView>;
  exportResponse: (id: string, kind: ExportKind) => Promise<void>;
  reset: () => void;
}

const EMPTY = { list: null, clocks: [], listError: null, view: null, viewError: null, keyring: null, exported: { state: "idle" } as ExportState, busy: false };

export const useGrievances = create<GrievancesState>()((set, get) => ({
  ...EMPTY,
  loadList: async () => {
    set({ listError: null });
    try {
      const [list, clocks] = await Promise.all([api.listGrievances({}), api.listClocks({})]);
      set({ list, clocks: clocks.flatMap((clock) => ("grievance" in clock ? [clock] : [])) });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ listError: failure });
    }
  },
  loadGrievance: async (id) => {
    if (get().view?.id !== id) set({ view: null });
    set({ viewError: null, exported: { state: "idle" } });
    try {
      set({ view: await api.getGrievance({ id }) });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ viewError: failure });
    }
  },
  loadKeyring: async () => {
    try {
      set({ keyring: await api.listKeyring({}) });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ listError: failure });
    }
  },
  register: async (grievance, replyTo) => {
    set({ busy: true });
    try {
      const view = await api.registerGrievance({ grievance, ...(replyTo === null ? {} : { replyTo }) });
      set({ view, list: null });
      return view;
    } finally {
      set({ busy: false });
    }
  },
  respond: async (args) => {
    set({ busy: true });
    try {
      const view = await api.respondToGrievance(args);
      set({ view, list: null });
      return view;
    } finally {
      set({ busy: false });
    }
  },
  exportResponse: async (id, kind) => {
    set({ exported: { state: "busy", kind } });
    try {
      const result = await api.exportGrievanceResponse({ id, seal: kind === "sealed" });
      set({ exported: result.saved ? { state: "done", kind, result } : { state: "cancelled", kind } });
    } catch (error) {
      const failure = failureFrom(error);
      set({ exported: failure ? { state: "failed", kind, error: failure } : { state: "idle" } });
    }
  },
  reset: () => set({ ...EMPTY }),
}));
