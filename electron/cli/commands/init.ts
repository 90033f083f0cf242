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
    .requiredOption("--office <name>", "the office's name (an auditor's: the committee's)")
    .option("--auditor", "an auditor's store: it imports audit packs and records findings; case data in it are read-only (fixed for good)")
    .action(async (options: { reviewer: string; office: string; auditor?: boolean }, command: Command) => {
      const dir = storeDirOf(command);
      const passphrase = await readNewSecret("Store passphrase", "COUNTERSEAL_PASSPHRASE");
      const session = initializeStore(dir, passphrase, { reviewerName: options.reviewer, office: options.office, auditor: options.auditor === true }, systemRuntime);
      warnAboutPermissions(dir);
      try {
        const identity = describeIdentity(session);
        process.stdout.write(
          `created the store in ${dir}\n` +
            `reviewer signing key ${identity.reviewer.keyId}: ${identity.reviewer.minisignPublicKey}\n` +
            `office age recipient: ${identity.ageRecipients.join(", ")}\n` +
            (options.auditor === true
              ? "An auditor's store: give the office the age recipient to seal audit packs to, and add the office's minisign key with counterseal trust add.\n"
              : "Hand both to the issuing authorities; ") +
            "keep the passphrase safe: without it the store cannot be opened.\n",
        );
      } finally {
        session.store.close();
      }
    });
}
