// The review of one request revision as the core last answered it, the reviewer's place in it,
// and the state of every change on its way to the core. The UI never claims more than the core
// has stored: an answer being saved shows as "saving" beside the stored one, and a failed save
// shows its failure (from failureFrom) with a retry, while the stored answer stays what it was.
// Writes go one at a time, in order, so a slow answer never overwrites a newer one.
import { create } from "zustand";
import { api } from "../api/client.js";
import type { EvidenceRef, ReviewItem, ReviewRef, ReviewView, ScopeChangeArgs } from "../../../shared/api/review.js";
import type { ChecklistAnswer } from "../../../shared/vocabulary/checklist-answers.js";
import type { ChecklistArea } from "../../../shared/vocabulary/checklist-areas.js";
import { firstOpenItem, neighbourItem, saveKey, scopePartOf } from "../features/review/review-model.js";
import { failureFrom, type Failure } from "./failure.js";
import { useInbox } from "./inbox.js";

/** The workspace's steps: the three checklists, then the scope, then the completeness check. */
export type ReviewStep = ChecklistArea | "scope" | "check";

export type SaveState = { status: "saving" } | { status: "failed"; error: Failure };

/** An answer on its way to the core, shown as pending until the core's view comes back. */
export interface PendingAnswer {
  answer: ChecklistAnswer;
  note: string | null;
  evidence: EvidenceRef[];
}

interface ReviewState {
  key: string | null;
  view: ReviewView | null;
  loading: boolean;
  error: Failure | null;
  step: ReviewStep;
  currentItem: string | null;
  /** Bumped to ask the current item's note field to take focus (the `n` key). */
  noteFocus: number;
  pending: Record<string, PendingAnswer>;
  /** Notes being typed, per item: sent with the item's next answer or by saving the note. */
  drafts: Record<string, string>;
  saves: Record<string, SaveState>;
  /** Opens a review; the one already open is read again (after the writes on their way), so it is never stale. */
  load: (ref: ReviewRef) => Promise<void>;
  /** Reads the open review again, e.g. so its clocks' states follow the time. */
  refresh: () => Promise<void>;
  setStep: (step: ReviewStep) => void;
  select: (item: string) => void;
  move: (delta: 1 | -1) => void;
  focusNote: () => void;
  setDraft: (item: string, note: string) => void;
  declareIndependence: (conflict: boolean, note: string | null) => Promise<boolean>;
  answer: (item: string, answer: ChecklistAnswer) => Promise<boolean>;
  /** Saves the item's draft note with its answer; false when the item has no answer to save it with. */
  saveNote: (item: string) => Promise<boolean>;
  setEvidence: (item: string, evidence: EvidenceRef[]) => Promise<boolean>;
  confirmCarriedOver: (items: string[]) => Promise<boolean>;
  reviewFinding: (rule: string, status: "accepted" | "overridden", note: string) => Promise<boolean>;
  changeScope: (change: ScopeChangeArgs) => Promise<boolean>;
  /** Sends a failed change again, as it was. */
  retry: (key: string) => Promise<boolean>;
  dismissFailure: (key: string) => void;
  reset: () => void;
}

const refKey = (ref: ReviewRef): string => JSON.stringify([ref.authority, ref.id, ref.revision]);

const initial = { key: null, view: null, loading: false, error: null, step: "legality", currentItem: null, noteFocus: 0, pending: {}, drafts: {}, saves: {} } satisfies Partial<ReviewState>;

/** A note as it is stored: trimmed, and null when nothing is left. */
const cleanNote = (note: string | undefined): string | null | undefined => (note === undefined ? undefined : note.trim() === "" ? null : note.trim());

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _gone, ...rest } = record;
  return rest;
};

export const useReview = create<ReviewState>()((set, get) => {
  let queue: Promise<unknown> = Promise.resolve();
  /** The last attempt of each change, so Retry sends exactly what failed. */
  const attempts = new Map<string, () => Promise<boolean>>();

  const refOf = (view: ReviewView): ReviewRef => ({ ...view.request });
  const itemOf = (id: string): ReviewItem | undefined => get().view?.items.find((item) => item.id === id);

  /** Queues one change; resolves true once the core stored it and its view is shown. */
  function write(key: string, call: (ref: ReviewRef) => Promise<ReviewView>, pending?: { item: string; value: PendingAnswer }): Promise<boolean> {
    const view = get().view;
    if (!view) return Promise.resolve(false);
    const ref = refOf(view);
    const reviewKey = get().key;
    const attempt = () => write(key, call, pending);
    attempts.set(key, attempt);
    set((state) => ({
      saves: { ...state.saves, [key]: { status: "saving" } },
      pending: pending ? { ...state.pending, [pending.item]: pending.value } : state.pending,
    }));
    const run = async (): Promise<boolean> => {
      try {
        const next = await call(ref);
        if (get().key !== reviewKey) return false;
        attempts.delete(key);
        // The inbox shows the case's state and next deadline, which this change may have moved.
        useInbox.getState().invalidate();
        set((state) => ({
          view: next,
          error: null,
          saves: without(state.saves, key),
          pending: pending && state.pending[pending.item] === pending.value ? without(state.pending, pending.item) : state.pending,
          drafts: pending && cleanNote(state.drafts[pending.item]) === pending.value.note ? without(state.drafts, pending.item) : state.drafts,
        }));
        return true;
      } catch (error) {
        if (get().key !== reviewKey) return false;
        const failure = failureFrom(error);
        set((state) => ({
          saves: failure ? { ...state.saves, [key]: { status: "failed", error: failure } } : without(state.saves, key),
          pending: pending && state.pending[pending.item] === pending.value ? without(state.pending, pending.item) : state.pending,
        }));
        return false;
      }
    };
    const result = queue.then(run);
    queue = result;
    return result;
  }

  /** The answer, note and evidence an item's next save sends: its pending one, else the stored one, with the draft note. */
  function answerBase(id: string): PendingAnswer | null {
    const item = itemOf(id);
    // A carried-over answer is not this review's until confirmed: a note cannot confirm it on the side.
    const stored = item?.answer && !item.carriedOver ? { answer: item.answer, note: item.note, evidence: item.evidence } : null;
    const base = get().pending[id] ?? stored;
    const draft = cleanNote(get().drafts[id]);
    return base && draft !== undefined ? { ...base, note: draft } : base;
  }

  function sendAnswer(id: string, value: PendingAnswer): Promise<boolean> {
    return write(
      saveKey.answer(id),
      // The whole answer every time: an empty note removes the stored one (an omitted one would keep it).
      (ref) => api.setAnswer({ ...ref, item: id, answer: value.answer, note: value.note ?? "", evidence: value.evidence }),
      { item: id, value },
    );
  }

  return {
    ...initial,
    load: async (ref) => {
      const key = refKey(ref);
      if (get().key === key && get().loading) return;
      if (get().key === key && get().view) return get().refresh();
      attempts.clear();
      set({ ...initial, key, loading: true });
      try {
        const view = await api.getReview(ref);
        if (get().key !== key) return;
        set({ view, loading: false, currentItem: firstOpenItem(view.items), step: view.items.find((item) => item.id === firstOpenItem(view.items))?.area ?? "legality" });
      } catch (error) {
        const failure = failureFrom(error);
        if (failure && get().key === key) set({ error: failure, loading: false });
      }
    },
    refresh: () => {
      const view = get().view;
      const key = get().key;
      if (!view) return Promise.resolve();
      const run = async () => {
        try {
          const next = await api.getReview(refOf(view));
          if (get().key === key) set({ view: next, error: null });
        } catch (error) {
          const failure = failureFrom(error);
          if (failure && get().key === key) set({ error: failure });
        }
      };
      const result = queue.then(run);
      queue = result;
      return result;
    },
    setStep: (step) => {
      // A checklist shown is the one the keys answer in: its current item moves into it.
      const items = get().view?.items ?? [];
      const current = items.find((item) => item.id === get().currentItem);
      if (step === "scope" || step === "check" || current?.area === step) return set({ step });
      set({ step, currentItem: firstOpenItem(items.filter((item) => item.area === step)) ?? get().currentItem });
    },
    select: (item) => {
      const found = itemOf(item);
      if (found?.applies) set({ currentItem: item, step: found.area });
    },
    move: (delta) => {
      const view = get().view;
      const next = view ? neighbourItem(view.items, get().currentItem, delta) : null;
      if (next) get().select(next);
    },
    focusNote: () => set((state) => ({ noteFocus: state.noteFocus + 1 })),
    declareIndependence: (conflict, note) =>
      write(saveKey.independence, (ref) => api.declareIndependence({ ...ref, conflict, ...(note?.trim() ? { note: note.trim() } : {}) })),
    setDraft: (item, note) => set((state) => ({ drafts: { ...state.drafts, [item]: note } })),
    answer: (id, answer) => {
      const base = answerBase(id);
      const draft = cleanNote(get().drafts[id]);
      return sendAnswer(id, { answer, note: draft !== undefined ? draft : (base?.note ?? null), evidence: base?.evidence ?? [] });
    },
    saveNote: (id) => {
      // A note belongs to an answer: without one it stays a draft and goes with the first answer.
      const base = answerBase(id);
      if (!base) return Promise.resolve(false);
      return sendAnswer(id, base);
    },
    setEvidence: (id, evidence) => {
      const base = answerBase(id);
      if (!base) return Promise.resolve(false);
      return sendAnswer(id, { ...base, evidence });
    },
    confirmCarriedOver: (items) => write(items.length === 1 ? saveKey.confirm(items[0] ?? "") : saveKey.confirm("all"), (ref) => api.confirmCarriedOver({ ...ref, items })),
    reviewFinding: (rule, status, note) => write(saveKey.finding(rule), (ref) => api.reviewFinding({ ...ref, rule, status, note })),
    changeScope: (change) => write(saveKey.scope(scopePartOf(change)), (ref) => api.changeScope({ ...ref, change })),
    retry: (key) => attempts.get(key)?.() ?? Promise.resolve(false),
    dismissFailure: (key) => {
      attempts.delete(key);
      set((state) => ({ saves: without(state.saves, key) }));
    },
    reset: () => {
      attempts.clear();
      set({ ...initial });
    },
  };
});
