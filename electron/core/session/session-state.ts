// The one unlocked-or-locked state of a store folder, shared by the desktop shell, the loopback
// test host and the CLI, so that "locked" and "an import is finishing" mean the same everywhere.
//
// Locking while an import streams into the store cannot close it mid-transaction: the state is
// locked at once (every call refused), and the store closes when the import has finished.
import { existsSync } from "node:fs";
import { importBundleFiles, type ImportOutcome } from "../bundles/import-bundle.js";
import type { ImportProgress } from "../../../shared/api/requests.js";
import type { Runtime } from "../runtime.js";
import { storeFile } from "../store/index.js";
import { LockedError } from "./session-errors.js";
import type { Session } from "./session.js";


export type StoreState = "missing" | "locked" | "unlocked";

export interface SessionState {
  readonly storeDir: string;
  readonly runtime: Runtime;
  state(): StoreState;
  /** The unlocked session; throws `locked` when there is none (or a lock is pending). */
  current(): Session;
  /** Replaces whatever session is open with `opened` (after unlock or store creation). */
  become(open: () => Session): Session;
  /** Locks now; with an import in flight the store closes when the import ends. */
  lock(): void;
  /** Imports `paths` into the current session, one import at a time. */
  importFiles(paths: readonly string[]): Promise<ImportOutcome[]>;
  importProgress(): ImportProgress;
}

const idle = (): ImportProgress => ({ active: false, fileIndex: 0, fileCount: 0, bytesRead: 0, bytesTotal: 0 });

export function createSessionState(storeDir: string, runtime: Runtime): SessionState {
  let session: Session | undefined;
  let lockRequested = false;
  let progress = idle();

  const closeNow = (): void => {
    session?.store.close();
    session = undefined;
    lockRequested = false;
  };
  const notImporting = (): void => {
    if (progress.active) throw new LockedError("An import is still finishing; try again in a moment.", "import-busy");
  };
  const current = (): Session => {
    if (!session || lockRequested) throw new LockedError("The store is locked: unlock it with its passphrase.");
    return session;
  };

  return {
    storeDir,
    runtime,
    state: () => (session && !lockRequested ? "unlocked" : existsSync(storeFile(storeDir)) ? "locked" : "missing"),
    current,
    become(open) {
      notImporting();
      const opened = open();
      closeNow();
      session = opened;
      return opened;
    },
    lock() {
      if (progress.active) lockRequested = true;
      else closeNow();
    },
    async importFiles(paths) {
      const importing = current();
      notImporting();
      progress = { ...idle(), active: true, fileCount: paths.length };
      try {
        return await importBundleFiles(importing, paths, {
          onProgress: (fileIndex, bytesRead, bytesTotal) => {
            progress = { ...progress, fileIndex, bytesRead, bytesTotal };
          },
        });
      } finally {
        progress = { ...progress, active: false };
        if (lockRequested) closeNow();
      }
    },
    importProgress: () => ({ ...progress }),
  };
}
