// `counterseal export-original` and `counterseal delete`: the sealed bundle exactly as it
// arrived, and the deletion of a case with everything the store kept of it.
import { resolve } from "node:path";
import type { Command } from "commander";
import { deleteCase, exportOriginal } from "../../core/requests/evidence-service.js";
import { parseRequestRef } from "../../core/requests/requests-service.js";
import { CliError } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";

export function registerEvidenceCommands(program: Command): void {
  program
    .command("export-original")
    .description("write a request's sealed bundle exactly as it arrived (its SHA-256 is the provenance's sealedSha256)")
    .argument("<ref>", "AUTHORITY/ID or AUTHORITY/ID/REVISION (the latest revision when omitted)")
    .requiredOption("--out <file>", "where to write it; an existing file is never replaced")
    .option("--json", 'print {"file","bytes","sha256"}')
    .action(async (ref: string, options: { out: string; json?: boolean }, command: Command) => {
      const out = resolve(options.out);
      await withSession(command, async (session) => {
        const saved = await exportOriginal(session, parseRequestRef(ref), { path: out, replaceExisting: false });
        if (options.json) printJson({ file: out, bytes: saved.bytes, sha256: saved.sha256 });
        else process.stdout.write(`wrote ${out} (${saved.bytes} bytes, sha256 ${saved.sha256})\n`);
      });
    });
  program
    .command("delete")
    .description("delete a case: every revision, its kept sealed bundles and attachments; the audit log keeps a content-free record")
    .argument("<ref>", "AUTHORITY/ID")
    .option("--yes", "confirm: the deletion cannot be undone")
    .option("--json", 'print {"deleted": REVISIONS}')
    .action(async (ref: string, options: { yes?: boolean; json?: boolean }, command: Command) => {
      const parsed = parseRequestRef(ref);
      if (parsed.revision !== undefined) throw new CliError("delete takes AUTHORITY/ID: a case is deleted with all its revisions");
      if (options.yes !== true) throw new CliError(`delete removes ${ref} and all it holds for good; run it again with --yes to confirm`);
      await withSession(command, (session) => {
        const { revisions } = deleteCase(session, parsed);
        if (options.json) printJson({ deleted: revisions });
        else process.stdout.write(`deleted ${ref}: ${revisions} revision(s) and their sealed bundles\n`);
      });
    });
}
