// What every store-using command needs: the store folder (--store, $COUNTERSEAL_STORE, or the
// app's default) and an unlocked session, closed when the command is done.
import type { Command } from "commander";
import { systemRuntime } from "../core/runtime.js";
import { openSession, type Session } from "../core/session/session.js";
import { resolveStoreDir } from "../core/store-location.js";
import { readSecret } from "./prompt.js";

export const storeDirOf = (command: Command): string => resolveStoreDir(command.optsWithGlobals<{ store?: string }>().store);

export const readPassphrase = (): Promise<string> => readSecret("Store passphrase", "COUNTERSEAL_PASSPHRASE");

export async function withSession<T>(command: Command, work: (session: Session) => Promise<T> | T): Promise<T> {
  const session = openSession(storeDirOf(command), await readPassphrase(), systemRuntime);
  try {
    return await work(session);
  } finally {
    session.store.close();
  }
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};
