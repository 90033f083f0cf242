// `counterseal demo --store DIR`: a store with a dozen realistic requests to look at.
import type { Command } from "commander";
import { systemRuntime } from "../../core/runtime.js";
import { EXIT } from "../exit-codes.js";
import { storeDirOf } from "../context.js";
import { readNewSecret } from "../prompt.js";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("create a store (--store DIR) filled with a dozen realistic demo requests")
    .action(async (_options: unknown, command: Command) => {
      const dir = storeDirOf(command);
      const passphrase = await readNewSecret("Store passphrase", "COUNTERSEAL_PASSPHRASE");
      // Loaded on demand: the demo's PDF generator is large and no other command needs it.
      const { buildDemoStore } = await import("../../core/demo/demo-store.js");
      const outcomes = await buildDemoStore(dir, passphrase, systemRuntime);
      for (const outcome of outcomes) {
        if (outcome.status === "refused") {
          process.stderr.write(`counterseal: demo request refused: ${outcome.message} [${outcome.code}]\n`);
          process.exitCode = EXIT.refused;
        }
      }
      const imported = outcomes.filter((outcome) => outcome.status === "imported").length;
      process.stdout.write(`created a demo store in ${dir} with ${imported} requests\n`);
    });
}
