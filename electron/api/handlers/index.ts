// The API table: each contract method mapped to a core service call, one file per capability.
// The Electron IPC handlers and the e2e test host both serve exactly this table, so what the e2e
// tests prove holds for the app. Core errors carry their own API code (electron/core/errors.ts),
// so the handlers' failures go to the dispatcher as they are.
import { systemRuntime, type Runtime } from "../../core/runtime.js";
import { createSessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";
import { createImportFileRegistry, createImportTokens, type ImportFileRegistry } from "../import-tokens.js";
import { auditHandlers } from "./audit.js";
import { auditorHandlers } from "./auditor.js";
import { decisionHandlers } from "./decisions.js";
import { countersignHandlers } from "./countersign.js";
import { grievanceHandlers } from "./grievances.js";
import { keyringHandlers } from "./keyring.js";
import { requestHandlers } from "./requests.js";
import { retentionHandlers } from "./retention.js";
import { reviewHandlers } from "./review.js";
import { statisticsHandlers } from "./statistics.js";
import { storeHandlers } from "./store.js";

export interface ApiHandlerOptions {
  storeDir: string;
  /** The door's own way to the file system (main's dialogs, or the test host's folders). */
  files: FileDoor;
  runtime?: Runtime;
}

export type ApiHandlerTable = ApiHandlers & {
  /** For the door only, never the page: registers a file main obtained and answers its token. */
  importFiles: ImportFileRegistry;
  /** Closes the store (on quit). */
  close(): void;
};

export function createApiHandlers(options: ApiHandlerOptions): ApiHandlerTable {
  const runtime = options.runtime ?? systemRuntime;
  const sessions = createSessionState(options.storeDir, runtime);
  // Tokens belong to the session they were issued in and are forgotten when it locks.
  const tokens = createImportTokens((length) => runtime.ids.randomBytes(length));
  const store = storeHandlers(sessions);
  const handlers: ApiHandlers = {
    ...store,
    lock: (args) => {
      tokens.clear();
      return store.lock(args);
    },
    ...keyringHandlers(sessions),
    ...requestHandlers({ sessions, files: options.files, tokens }),
    ...auditHandlers(sessions),
    ...reviewHandlers(sessions),
    ...grievanceHandlers(sessions, options.files),
    ...decisionHandlers(sessions, options.files),
    ...retentionHandlers(sessions),
    ...countersignHandlers(sessions, options.files),
    ...statisticsHandlers(sessions),
    ...auditorHandlers(sessions, tokens, options.files),
  };
  return {
    ...handlers,
    importFiles: createImportFileRegistry(tokens, () => sessions.current()),
    close: () => {
      tokens.clear();
      sessions.lock();
    },
  };
}
