// `counterseal audit verify | list | checkpoint | export`: the store's hash-chained audit log.
import type { Command } from "commander";
import { allAuditEntries, AUDIT_PAGE_LIMIT, listAuditEntries, verifyAudit } from "../../core/audit/audit-service.js";
import { formatActor, type AuditEntry } from "../../../shared/formats/audit.js";
import { CliError, EXIT } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";
import { registerAuditExportCommands, verifyExportFile } from "./audit-export.js";

interface ListOptions {
  after?: string;
  limit?: string;
  json?: boolean;
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("check and read the store's hash-chained audit log");
  audit
    .command("verify")
    .description("walk the hash chain from its first entry (the store's, or an export's with --file); exit 1 naming the first broken link")
    .option("--json", 'print one object: {"ok":true,"count","headSeq","headHash"} or {"ok":false,"seq","reason"}; with --file: {"file","ok","signature","chain"}')
    .option("--file <export>", "verify a content-free export (FILE beside FILE.minisig) instead of the store; needs no store")
    .option("--pubkey <key>", "with --file: the exporting reviewer's minisign public key (.pub file or base64 line)")
    .action(async (options: { json?: boolean; file?: string; pubkey?: string }, command: Command) => {
      if (options.file !== undefined) return verifyExportFile(options.file, options.pubkey, options.json === true);
      if (options.pubkey !== undefined) throw new CliError("--pubkey goes with --file: it checks an export's signature");
      await withSession(command, (session) => {
        const result = verifyAudit(session);
        if (!result.ok) process.exitCode = EXIT.refused;
        if (options.json) return printJson(result);
        process.stdout.write(
          result.ok
            ? `audit log intact: ${result.count} entries; head ${result.headSeq} ${result.headHash}\n`
            : `audit log broken at entry ${result.seq}: ${result.reason}\n`,
        );
      });
    });
  audit
    .command("list")
    .description("list entries in chain order")
    .option("--after <seq>", "only entries after this seq (default 0: from the first)")
    .option("--limit <n>", "at most N entries (default: all)")
    .option("--json", "one JSON object per entry")
    .action(async (options: ListOptions, command: Command) => {
      const afterSeq = options.after === undefined ? 0 : wholeNumber(options.after, "--after", 0);
      const limit = options.limit === undefined ? undefined : wholeNumber(options.limit, "--limit", 1);
      await withSession(command, (session) => {
        const entries =
          limit !== undefined && limit <= AUDIT_PAGE_LIMIT ? listAuditEntries(session, { afterSeq, limit }) : allAuditEntries(session, afterSeq);
        let printed = 0;
        for (const entry of entries) {
          if (limit !== undefined && printed >= limit) break;
          if (options.json) printJson(entry);
          else process.stdout.write(describeEntry(entry));
          printed += 1;
        }
      });
    });
  registerAuditExportCommands(audit);
}

const describeEntry = (entry: AuditEntry): string =>
  `${String(entry.seq).padStart(6)}  ${entry.at}  ${formatActor(entry.actor)}  ${entry.action}  ${entry.objectId}  ${JSON.stringify(entry.details)}\n`;

function wholeNumber(text: string, option: string, min: number): number {
  const value = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) throw new CliError(`${option} ${text}: use a whole number from ${min}`);
  return value;
}
