// `counterseal init`: a new store with the reviewer's signing key and an office age identity.
import type { Command } from "commander";
import { describeIdentity } from "../../core/identity/identity-service.js";
import { initializeStore } from "../../core/session/create-store.js";
import { systemRuntime } from "../../core/runtime.js";
import { storeDirOf, warnAboutPermissions } from "../context.js";
import { readNewSecret } from "../prompt.js";

export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("create the store, the reviewer's signing key and an office age identity")
    .requiredOption("--reviewer <name>", "the reviewer's name")
    .requiredOption("--office <name>", "the office's name")
    .action(async (options: { reviewer: string; office: string }, command: Command) => {
      const dir = storeDirOf(command);
      const passphrase = await readNewSecret("Store passphrase", "COUNTERSEAL_PASSPHRASE");
      const session = initializeStore(dir, passphrase, { reviewerName: options.reviewer, office: options.office }, systemRuntime);
      warnAboutPermissions(dir);
      try {
        const identity = describeIdentity(session);
        process.stdout.write(
          `created the store in ${dir}\n` +
            `reviewer signing key ${identity.reviewer.keyId}: ${identity.reviewer.minisignPublicKey}\n` +
            `office age recipient: ${identity.ageRecipients.join(", ")}\n` +
            "Hand both to the issuing authorities; keep the passphrase safe: without it the store cannot be opened.\n",
        );
      } finally {
        session.store.close();
      }
    });
}
