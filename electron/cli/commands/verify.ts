// `counterseal verify FILE… [--pubkey FILE] [--json]`: checks verification copies against the
// keys given with --pubkey or, without it, the reviewer keys the store knows; prints what was
// verified and what failed for each file, and exits 0 only when every file verified.
import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { type MinisignPublicKey, MinisignFormatError, parsePublicKey } from "../../core/crypto/minisign.js";
import { DECISION_STATUS_LABELS } from "../../core/decisions/decision-status.js";
import { knownReviewerKeys } from "../../core/decisions/reviewer-key.js";
import { verifyFiles, type FileReport } from "../../core/decisions/verify-files.js";
import { CliError, EXIT } from "../exit-codes.js";
import { printJson, storeDirOf, withSession } from "../context.js";

interface VerifyOptions {
  pubkey: string[];
  json?: boolean;
}

export function registerVerifyCommand(program: Command): void {
  program
    .command("verify")
    .description("verify verification copies (<id>.json beside <id>.json.minisig) of decisions, countersignatures, grievance responses and audit findings reports")
    .argument("<files...>", "the <id>.json files (an <id>.json.minisig or <id>.pdf stands for its <id>.json)")
    .option("--pubkey <file>", "a signer's minisign public key: a .pub file or the base64 line (repeatable); without it, the store's reviewer keys", collect, [])
    .option("--json", "print one JSON report per file, one a line")
    .action(async (files: string[], options: VerifyOptions, command: Command) => {
      const keys = options.pubkey.length > 0 ? options.pubkey.map(readPublicKey) : await storeKeys(command);
      const reports = verifyFiles(files, keys);
      for (const report of reports) {
        if (options.json) printJson(report);
        else process.stdout.write(describe(report));
      }
      process.exitCode = reports.every((report) => report.ok) ? EXIT.ok : EXIT.refused;
    });
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function readPublicKey(option: string): MinisignPublicKey {
  const text = existsSync(option) ? readFileSync(option, "utf8") : option;
  try {
    return parsePublicKey(text);
  } catch (error) {
    if (error instanceof MinisignFormatError) throw new CliError(`--pubkey ${option}: ${error.message}`);
    throw error;
  }
}

async function storeKeys(command: Command): Promise<MinisignPublicKey[]> {
  const dir = storeDirOf(command);
  if (!existsSync(dir)) throw new CliError(`no --pubkey given and no store at ${dir}: give the signer's public key with --pubkey FILE, or the store with --store DIR`);
  return withSession(command, (session) => knownReviewerKeys(session));
}

function describe(report: FileReport): string {
  if (report.type === "unverifiable") return `${report.file}: FAILED\n  ${report.detail}\n`;
  const what = report.kind === undefined ? "" : ` (${report.kind} ${report.id ?? ""})`;
  const lines = [`${report.file}${what}: ${report.ok ? "verified" : "FAILED"}`];
  for (const check of report.checks) lines.push(`  ${check.ok ? "ok    " : "FAILED"} ${check.check}: ${check.detail}`);
  if (report.countersignaturesRequired !== undefined) lines.push(`  countersignatures: ${report.countersignaturesRequired ? "required" : "not required"}`);
  if (report.status !== undefined) lines.push(`  status: ${DECISION_STATUS_LABELS[report.status]}`);
  for (const listing of report.countersignatures ?? []) {
    const state = listing.verified && listing.digestMatches ? "verified" : listing.digestMatches ? "does NOT verify" : "names another text of the decision";
    lines.push(`    ${listing.id}: ${listing.verdict} by key ${listing.reviewerKeyId}, ${state} (${listing.file})`);
  }
  if (report.countersigns !== undefined) lines.push(`  countersigns decision ${report.countersigns.id} sha256:${report.countersigns.digest}`);
  return `${lines.join("\n")}\n`;
}
