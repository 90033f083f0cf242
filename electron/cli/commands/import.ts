// `counterseal import`: verify and store sealed bundles, one line per file.
import { statSync } from "node:fs";
import type { Command } from "commander";
import { assertOfficeStore } from "../../core/auditor/store-mode.js";
import { importBundleFiles, type ImportOutcome } from "../../core/bundles/import-bundle.js";
import { EXIT } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";
import { createImportProgress } from "../import-progress.js";

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("verify and import sealed bundles (requests, grievances, countersignature requests and answers, execution reports); exit 1 if any file is refused")
    .argument("<files...>", "sealed bundle files")
    .option("--json", 'one JSON object per file: {"file","status","code"?,"message"?,"authority"?,"id"?,"revision"?}')
    .action(async (files: string[], options: { json?: boolean }, command: Command) => {
      await withSession(command, async (session) => {
        assertOfficeStore(session, "import request bundles (an audit pack goes in with counterseal auditor import)");
        const progress = createImportProgress(files.map(sizeOf));
        let refused = 0;
        // Outcomes arrive batch by batch, each once its batch is committed.
        await importBundleFiles(session, files, {
          onProgress: (index, read) => progress.update(index, read),
          onOutcome: (index, outcome) => {
            progress.fileDone(index);
            if (outcome.status === "refused") refused += 1;
            progress.interrupt(() => (options.json ? printJson(outcome) : process.stdout.write(describe(outcome))));
          },
        });
        progress.stop();
        if (refused > 0) process.exitCode = EXIT.refused;
      });
    });
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

function describe(outcome: ImportOutcome): string {
  if (outcome.status === "refused") return `refused   ${outcome.file}: ${outcome.message} [${outcome.code}]\n`;
  const name = `${outcome.authority}/${outcome.id}/${outcome.revision}`;
  return `${outcome.status === "imported" ? "imported " : "duplicate"} ${outcome.file}: ${name}\n`;
}
