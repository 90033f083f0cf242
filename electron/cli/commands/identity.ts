// `counterseal identity`: the reviewer's public signing key and the office's age recipients.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { addAgeIdentities, describeIdentity } from "../../core/identity/identity-service.js";
import { printJson, withSession } from "../context.js";

export function registerIdentityCommands(program: Command): void {
  const identity = program
    .command("identity")
    .description("show the reviewer's public signing key and the office's age recipients")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const view = describeIdentity(session);
        if (options.json) return printJson(view);
        process.stdout.write(
          `reviewer: ${view.reviewer.name}, ${view.reviewer.office}\n` +
            `signing key ${view.reviewer.keyId}: ${view.reviewer.minisignPublicKey}\n` +
            view.ageRecipients.map((recipient) => `age recipient: ${recipient}\n`).join(""),
        );
      });
    });
  identity
    .command("add-age")
    .description("add every age identity (AGE-SECRET-KEY-1…) in FILE to the office's identities")
    .argument("<file>", "an age identity file, as age-keygen writes it")
    .action(async (file: string, _options: unknown, command: Command) => {
      const text = readFileSync(file, "utf8");
      await withSession(command, (session) => {
        const { added, known } = addAgeIdentities(session, text, `imported from ${basename(file)}`);
        for (const recipient of added) process.stdout.write(`added ${recipient}\n`);
        for (const recipient of known) process.stdout.write(`already held ${recipient}\n`);
      });
    });
}
