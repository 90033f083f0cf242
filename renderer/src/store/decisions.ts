// Decisions: the list, the open decision's page with its exports, and the decision screen's
// preview and signing. The preview is kept with the exact arguments it was made from, so the
// screen can tell when an edit has made it stale (signing needs a current preview).
import { create } from "zustand";
import { api } from "../api/client.js";
import type { DecideArgs, DecisionPreview, DecisionSummary, DecisionView, DocumentExported } from "../../../shared/api/decisions.js";
import type { KeyringEntry } from "../../../shared/api/keyring.js";
import type { DraftedReasons } from "../../../shared/api/decisions.js";
import type { ReviewRef } from "../../../shared/api/review.js";
import { previewKey } from "../features/decisions/decision-model.js";
import { failureFrom, type Failure } from "./failure.js";

export type ExportKind = "copy" | "sealed";
export type ExportState =
  | { state: "idle" }
  | { state: "busy"; kind: ExportKind }
  | { state: "done"; kind: ExportKind; result: Extract<DocumentExported, { saved: true }> }
  | { state: "cancelled"; kind: ExportKind }
  | { state: "failed"; kind: ExportKind; error: Failure };

interface DecisionsState {
  list: DecisionSummary[] | null;
  listError: Failure | null;
  view: DecisionView | null;
  viewError: Failure | null;
  /** The keyring, to tell whether a sealed reply can go to the issuing authority. */
  keyring: KeyringEntry[] | null;
  exported: ExportState;
  draft: { key: string; reasons: DraftedReasons } | null;
  draftError: Failure | null;
  preview: { key: string; value: DecisionPreview } | null;
  previewing: boolean;
  previewError: Failure | null;
  signing: boolean;
  signError: Failure | null;
  loadList: () => Promise<void>;
  loadDecision: (id: string) => Promise<void>;
  loadDraft: (ref: ReviewRef) => Promise<void>;
  exportDecision: (id: string, kind: ExportKind) => Promise<void>;
  makePreview: (args: DecideArgs) => Promise<void>;
  /** Signs; answers the signed decision, or null after a failure (shown as signError). */
  sign: (args: DecideArgs) => Promise<DecisionView | null>;
  clearDecide: () => void;
  reset: () => void;
}

const EMPTY = {
  list: null,
  listError: null,
  view: null,
  viewError: null,
  keyring: null,
  exported: { state: "idle" } as ExportState,
  draft: null,
  draftError: null,
  preview: null,
  previewing: false,
  previewError: null,
  signing: false,
  signError: null,
};

export const useDecisions = create<DecisionsState>()((set, get) => ({
  ...EMPTY,
  loadList: async () => {
    set({ listError: null });
    try {
      set({ list: await api.listDecisions({}) });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ listError: failure });
    }
  },
  loadDecision: async (id) => {
    if (get().view?.id !== id) set({ view: null });
    set({ viewError: null, exported: { state: "idle" } });
    try {
      const [view, keyring] = await Promise.all([api.getDecision({ id }), api.listKeyring({})]);
      set({ view, keyring });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ viewError: failure });
    }
  },
  loadDraft: async (ref) => {
    const key = JSON.stringify(ref);
    if (get().draft?.key === key) return;
    set({ draft: null, draftError: null });
    try {
      set({ draft: { key, reasons: await api.draftReasons(ref) } });
    } catch (error) {
      const failure = failureFrom(error);
      if (failure) set({ draftError: failure });
    }
  },
  exportDecision: async (id, kind) => {
    set({ exported: { state: "busy", kind } });
    try {
      const result = await api.exportDecision({ id, seal: kind === "sealed" });
      set({ exported: result.saved ? { state: "done", kind, result } : { state: "cancelled", kind } });
    } catch (error) {
      const failure = failureFrom(error);
      set({ exported: failure ? { state: "failed", kind, error: failure } : { state: "idle" } });
    }
  },
  makePreview: async (args) => {
    set({ previewing: true, previewError: null, signError: null });
    try {
      const value = await api.previewDecision(args);
      set({ preview: { key: previewKey(args), value }, previewing: false });
    } catch (error) {
      const failure = failureFrom(error);
      set({ preview: null, previewing: false, previewError: failure });
    }
  },
  sign: async (args) => {
    set({ signing: true, signError: null });
    try {
      const view = await api.decide(args);
      set({ signing: false, view, preview: null, list: null });
      return view;
    } catch (error) {
      set({ signing: false, signError: failureFrom(error) });
      return null;
    }
  },
  clearDecide: () => set({ preview: null, previewing: false, previewError: null, signing: false, signError: null }),
  reset: () => set({ ...EMPTY }),
}));
