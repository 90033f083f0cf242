// The store's state (missing, locked, unlocked) and the reviewer once unlocked. Locking clears
// every feature store's case data first, then asks the core to lock, so nothing lingers in the
// window even if the core does not answer.
import { create } from "zustand";
import { api } from "../api/client.js";
// The session owns the lock, so its own failures are only shown (toFailure), never signalled.
import { toFailure, type Failure } from "../api/errors.js";
import type { ReviewerIdentity } from "../../../shared/api/keyring.js";
import type { StoreMode } from "../../../shared/api/auditor.js";
import { AUDITOR_HOME, isAuditorScreen } from "../app/routes.js";
import { useAuditor } from "./auditor.js";
import { useDecisions } from "./decisions.js";
import { useGrievances } from "./grievances.js";
import { useCountersign } from "./countersign.js";
import { useImport } from "./import.js";
import { useInbox } from "./inbox.js";
import { useKeyring } from "./keyring.js";
import { useRetention } from "./retention.js";
import { onStoreLocked } from "./failure.js";
import { useNavigation } from "./navigation.js";
import { useRequest } from "./request.js";
import { useReview } from "./review.js";
import { useSettings } from "./settings.js";
import { useStatistics } from "./statistics.js";
import { useExecutions } from "./executions.js";

export type Phase = "checking" | "missing" | "locked" | "unlocked" | "unavailable";
export type LockReason = "manual" | "idle" | "core";

interface SessionState {
  phase: Phase;
  location: string;
  /** What other users can read of the store (the store status's warnings), in plain words. */
  storeWarnings: string[];
  identity: ReviewerIdentity | null;
  /** An office's store or a committee auditor's (case data read-only); known once unlocked. */
  mode: StoreMode | null;
  error: Failure | null;
  lockReason: LockReason | null;
  check: () => Promise<void>;
  create: (input: { reviewerName: string; office: string; passphrase: string; auditor?: boolean }) => Promise<boolean>;
  unlock: (passphrase: string) => Promise<boolean>;
  lock: (reason: LockReason) => Promise<Failure | null>;
  clearError: () => void;
}

/** Every feature store forgets its case data. */
export function clearCaseData(): void {
  useInbox.getState().reset();
  useRequest.getState().reset();
  useReview.getState().reset();
  useImport.getState().reset();
  useKeyring.getState().reset();
  useRetention.getState().reset();
  useDecisions.getState().reset();
  useGrievances.getState().reset();
  useStatistics.getState().reset();
  useExecutions.getState().reset();
  useCountersign.getState().reset();
  useAuditor.getState().reset();
  useNavigation.getState().reset();
}

export const useSession = create<SessionState>()((set, get) => {
  // The mode is asked before the shell shows, so an auditor never sees the office's navigation.
  const enter = async (identity: ReviewerIdentity) => {
    const { mode } = await api.getStoreMode({});
    set({ phase: "unlocked", identity, mode, error: null, lockReason: null });
    const navigation = useNavigation.getState();
    if (mode === "auditor" && !isAuditorScreen(navigation.route)) navigation.navigate(AUDITOR_HOME, { replace: true });
    void useSettings.getState().load();
  };

  return {
    phase: "checking",
    location: "",
    storeWarnings: [],
    identity: null,
    mode: null,
    error: null,
    lockReason: null,
    check: async () => {
      try {
        const status = await api.getStoreStatus({});
        set({ location: status.location, storeWarnings: status.warnings ?? [] });
        if (status.state === "unlocked") await enter(await api.getIdentity({}));
        else set({ phase: status.state, error: null });
      } catch (error) {
        set({ phase: "unavailable", error: toFailure(error) });
      }
    },
    create: async (input) => {
      set({ error: null });
      try {
        await enter(await api.createStore(input));
        return true;
      } catch (error) {
        set({ error: toFailure(error) });
        return false;
      }
    },
    unlock: async (passphrase) => {
      set({ error: null });
      try {
        await enter(await api.unlock({ passphrase }));
        return true;
      } catch (error) {
        set({ error: toFailure(error) });
        return false;
      }
    },
    lock: async (reason) => {
      if (get().phase !== "unlocked") return null;
      clearCaseData();
      set({ phase: "locked", identity: null, mode: null, error: null, lockReason: reason });
      if (reason === "core") return null;
      try {
        await api.lock({});
        return null;
      } catch (error) {
        return toFailure(error);
      }
    },
    clearError: () => set({ error: null }),
  };
});

onStoreLocked(() => void useSession.getState().lock("core"));
