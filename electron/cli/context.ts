// What every store-using command needs: the store folder (--store, $COUNTERSEAL_STORE, or the
// app's default) and an unlocked session, closed when the command is done.
import type { Command } from "commander";
import { systemRuntime } from "../core/runtime.js";
import { openSession, type Session } from "../core/session/session.js";
import { resolveStoreDir } from "../core/store-location.js";
import { storePermissionWarnings } from "../core/store/index.js";
import { readSecret } from "./prompt.js";

export const storeDirOf = (command: Command): string => resolveStoreDir(command.optsWithGlobals<{ store?: string }>().store);

export const readPassphrase = (): Promise<string> => readSecret("Store passphrase", "COUNTERSEAL_PASSPHRASE");

/** Says on stderr what other users can read of the store, each time a command opens it. */
export function warnAboutPermissions(dir: string): void {
  for (const warning of storePermissionWarnings(dir)) process.stderr.write(`counterseal: warning: ${warning}\n`);
}

export async function withSession<T>(command: Command, work: (session: Session) => Promise<T> | T): Promise<T> {
  const dir = storeDirOf(command);
  const session = openSession(dir, await readPassphrase(), systemRuntime);
  warnAboutPermissions(dir);
  try {
    return await work(session);
  } finally {
    session.store.close();
  }
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};
