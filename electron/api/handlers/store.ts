// The store and its session: status, creation, unlock and lock, passphrase, settings.
import { changePassphrase, initializeStore } from "../../core/session/create-store.js";
import type { SessionState } from "../../core/session/session-state.js";
import { unlockSession, type UnlockAttempts } from "../../core/session/unlock.js";
import { describeIdentity } from "../../core/identity/identity-service.js";
import { getSettings, updateSettings } from "../../core/settings/settings-service.js";
import { storePermissionWarnings } from "../../core/store/index.js";
import type { ApiHandlers } from "../dispatch.js";

type StoreHandlers = Pick<
  ApiHandlers,
  "getStoreStatus" | "createStore" | "unlock" | "lock" | "changePassphrase" | "getSettings" | "updateSettings"
>;

export function storeHandlers(sessions: SessionState): StoreHandlers {
  const { storeDir, runtime } = sessions;
  const attempts: UnlockAttempts = { failed: 0 };
  return {
    getStoreStatus: () => {
      const warnings = storePermissionWarnings(storeDir);
      return { state: sessions.state(), location: storeDir, ...(warnings.length > 0 ? { warnings } : {}) };
    },
    createStore: ({ reviewerName, office, passphrase, auditor }) =>
      describeIdentity(sessions.become(() => initializeStore(storeDir, passphrase, { reviewerName, office, auditor: auditor === true }, runtime))),
    unlock: ({ passphrase }) => describeIdentity(sessions.become(() => unlockSession(storeDir, passphrase, runtime, attempts))),
    lock: () => {
      sessions.lock();
      return null;
    },
    changePassphrase: ({ current, next }) => {
      changePassphrase(sessions.current(), storeDir, current, next);
      return null;
    },
    getSettings: () => getSettings(sessions.current()),
    updateSettings: (changes) => updateSettings(sessions.current(), changes),
  };
}
