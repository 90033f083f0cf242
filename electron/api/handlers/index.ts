// The API table: each contract method mapped to a core service call, one file per capability.
// The Electron IPC handlers and the e2e test host both serve exactly this table, so what the e2e
// tests prove holds for the app. Core errors carry their own API code (electron/core/errors.ts),
// so the handlers' failures go to the dispatcher as they are.
import { systemRuntime, type Runtime } from "../../core/runtime.js";
import { createSessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import { auditHandlers } from "./audit.js";
import { keyringHandlers } from "./keyring.js";
import { requestHandlers } from "./requests.js";
import { storeHandlers } from "./store.js";

export interface ApiHandlerOptions {
  storeDir: string;
  runtime?: Runtime;
}

export type ApiHandlerTable = ApiHandlers & {
  /** Closes the store (on quit). */
  close(): void;
};

export function createApiHandlers(options: ApiHandlerOptions): ApiHandlerTable {
  const sessions = createSessionState(options.storeDir, options.runtime ?? systemRuntime);
  const handlers: ApiHandlers = {
    ...storeHandlers(sessions),
    ...keyringHandlers(sessions),
    ...requestHandlers(sessions),
    ...auditHandlers(sessions),
  };
  return { ...handlers, close: () => sessions.lock() };
}
