// Four eyes between two stores. On the deciding side: the requests sent for the open decision and
// sending one (the door asks where to save, inside the call). On the colleague's side: the
// requests received, the one open read-only, and the answer (signed or declined), saved the same way.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { BundleSaved, CountersignRequestSent, CountersignRequestSummary, CountersignRequestView } from "../../../shared/api/countersign.js";
import type { KeyringEntry } from "../../../shared/api/keyring.js";
import type { CountersignatureVerdict } from "../../../shared/vocabulary/countersignature-verdicts.js";
import { answerArgsOf } from "../features/countersign/countersign-model.js";
import { failureFrom, type Failure } from "./failure.js";

/** A bundle the page asked the door to save: under way, saved (by name), cancelled in the dialog, or refused. */
export type SaveState =
  | { state: "idle" }
  | { state: "busy" }
  | { state: "done"; result: Extract<BundleSaved, { saved: true }> }
  | { state: "cancelled" }
  | { state: "failed"; error: Failure };

interface CountersignState {
  /** The open decision's requests sent, and the keyring (its reviewer entries are the colleagues). */
  sent: { decisionId: string; requests: CountersignRequestSent[]; keyring: KeyringEntry[] } | null;
  sentError: Failure | null;
  sending: SaveState;
  received: CountersignRequestSummary[] | null;
  receivedError: Failure | null;
  view: CountersignRequestView | null;
  viewError: Failure | null;
  answering: SaveState;
  loadSent: (decisionId: string) => Promise<void>;
  /** Seals the request to the colleague's entry; true when a bundle was saved. */
  send: (decisionId: string, to: string) => Promise<boolean>;
  loadReceived: () => Promise<void>;
  loadView: (decisionId: string) => Promise<void>;
  /** Signs or declines and seals the answer back; true when a bundle was saved. */
  answer: (decisionId: string, verdict: CountersignatureVerdict, reasons: string) => Promise<boolean>;
  clearSending: () => void;
  clearAnswering: () => void;
  /** Forgets what an import may have changed (the requests received, the requests sent), so screens read them again. */
  invalidate: () => void;
  reset: () => void;
}

const EMPTY = {
  sent: null,
  sentError: null,
  sending: { state: "idle" } as SaveState,
  received: null,
  receivedError: null,
  view: null,
  viewError: null,
  answering: { state: "idle" } as SaveState,
};

const saved = (result: BundleSaved): SaveState => (result.saved ? { state: "done", result } : { state: "cancelled" });
const failed = (error: unknown): SaveState => {
  const failure = failureFrom(error);
  return failure ? { state: "failed", error: failure } : { state: "idle" };
};

export const useCountersign = create<CountersignState>()((set, get) => ({
  ...EMPTY,
  loadSent: async (decisionId) => {
    if (get().sent?.decisionId !== decisionId) set({ sent: null, sending: { state: "idle" } });
    set({ sentError: null });
    try {
      const [requests, keyring] = await Promise.all([api.listCountersignRequestsSent({ decisionId }), api.listKeyring({})]);
      set({ sent: { decisionId, requests, keyring } });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ sentError: failure });
    }
  },
  send: async (decisionId, to) => {
    set({ sending: { state: "busy" } });
    try {
      const result = await api.requestCountersignature({ decisionId, to });
      set({ sending: saved(result) });
      if (result.saved) await get().loadSent(decisionId);
      return result.saved;
    } catch (error) {
      set({ sending: failed(error) });
      return false;
    }
  },
  loadReceived: async () => {
    set({ receivedError: null });
    try {
      set({ received: await api.listCountersignRequests({}) });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ receivedError: failure });
    }
  },
  loadView: async (decisionId) => {
    if (get().view?.decisionId !== decisionId) set({ view: null, answering: { state: "idle" } });
    set({ viewError: null });
    try {
      set({ view: await api.getCountersignRequest({ decisionId }) });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ viewError: failure });
    }
  },
  answer: async (decisionId, verdict, reasons) => {
    set({ answering: { state: "busy" } });
    try {
      const result = await api.answerCountersignRequest(answerArgsOf(decisionId, verdict, reasons));
      set({ answering: saved(result), received: null });
      if (result.saved) await get().loadView(decisionId);
      return result.saved;
    } catch (error) {
      set({ answering: failed(error) });
      return false;
    }
  },
  clearSending: () => set({ sending: { state: "idle" } }),
  clearAnswering: () => set({ answering: { state: "idle" } }),
  invalidate: () => set({ received: null, sent: null }),
  reset: () => set({ ...EMPTY }),
}));
