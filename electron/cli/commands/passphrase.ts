// `counterseal passphrase`: changes the store's passphrase. Every page is re-encrypted and the key
// derived at the current recommended cost (docs/store.md); the new passphrase must pass the same
// rule as `init` and the app (shared/passphrase/passphrase-rule.ts).
import type { Command } from "commander";
import { systemRuntime } from "../../core/runtime.js";
import { changePassphrase } from "../../core/session/create-store.js";
import { openSession } from "../../core/session/session.js";
import { describeKdf, readKdfRecord } from "../../core/store/index.js";
import { readPassphrase, storeDirOf, warnAboutPermissions } from "../context.js";
import { readNewSecret } from "../prompt.js";

export function registerPassphraseCommand(program: Command): void {
  program
    .command("passphrase")
    .description("change the store's passphrase (every page re-encrypted, the key derived at the current cost)")
    .action(async (_options: unknown, command: Command) => {
      const dir = storeDirOf(command);
      const current = await readPassphrase();
      const next = await readNewSecret("New store passphrase", "COUNTERSEAL_NEW_PASSPHRASE");
      const session = openSession(dir, current, systemRuntime);
      warnAboutPermissions(dir);
      try {
        changePassphrase(session, dir, current, next);
      } finally {
        session.store.close();
      }
      const record = readKdfRecord(dir);
      process.stdout.write(`changed the passphrase of the store in ${dir}${record ? ` (key derived with ${describeKdf(record.kdf)})` : ""}\n`);
    });
}
