// `counterseal audit checkpoint | export`, and `audit verify --file FILE --pubkey KEY`, which checks
// a content-free export anywhere, with no store (docs/audit-export.md).
import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { makeCheckpoint } from "../../core/audit/checkpoint.js";
import { exportAudit } from "../../core/audit/export-audit.js";
import { verifyAuditExport, type ExportCheck } from "../../core/audit/export-verify.js";
import { MinisignFormatError, type MinisignPublicKey, parsePublicKey } from "../../core/crypto/minisign.js";
import { CliError, EXIT } from "../exit-codes.js";
import { printJson, withSession } from "../context.js";

export function registerAuditExportCommands(audit: Command): void {
  audit
    .command("checkpoint")
    .description("sign the chain's head with the reviewer's key and record it in the chain")
    .option("--out <file>", "also write the signed statement to FILE and its signature to FILE.minisig (never overwritten)")
    .option("--json", "print one object: headSeq, headHash, signedAt, signer, recordedAt, signature (and file, signatureFile)")
    .action(async (options: { out?: string; json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const checkpoint = makeCheckpoint(session, options.out);
        const { files } = checkpoint;
        const { headSeq, headHash, signedAt, signer } = checkpoint.statement;
        if (options.json) return printJson({ headSeq, headHash, signedAt, signer, recordedAt: checkpoint.recordedAt, signature: checkpoint.signature, ...files });
        process.stdout.write(`checkpoint of entry ${headSeq} (${headHash}) signed by key ${signer} at ${signedAt}, recorded as entry ${checkpoint.recordedAt}\n`);
        if (files) process.stdout.write(`wrote ${files.file} and ${files.signatureFile}\n`);
      });
    });
  audit
    .command("export")
    .description("write the chain without case content (actions, times, actors, digests) to FILE, signed (FILE.minisig)")
    .requiredOption("--out <file>", "the export file; FILE and FILE.minisig must not exist yet")
    .option("--json", "print one object: file, signatureFile, count, headSeq, headHash, signer, trustedComment")
    .action(async (options: { out: string; json?: boolean }, command: Command) => {
      await withSession(command, (session) => {
        const result = exportAudit(session, options.out);
        const { count, headSeq, headHash, signer } = result.header;
        if (options.json) return printJson({ file: result.file, signatureFile: result.signatureFile, count, headSeq, headHash, signer, trustedComment: result.trustedComment });
        process.stdout.write(`exported ${count} entries to ${result.file} (signature ${result.signatureFile}); head ${headSeq} ${headHash}\n`);
      });
    });
}

/** `audit verify --file FILE --pubkey KEY`: exit 1 unless the signature and the whole chain hold. */
export function verifyExportFile(file: string, pubkey: string | undefined, json: boolean): void {
  if (pubkey === undefined) throw new CliError("--file needs --pubkey: the exporting reviewer's minisign public key (.pub file or base64 line)");
  const key = readPublicKey(pubkey);
  if (!existsSync(file)) throw new CliError(`--file ${file}: no such file`);
  const signatureFile = `${file}.minisig`;
  const check: ExportCheck = existsSync(signatureFile)
    ? verifyAuditExport(readFileSync(file), readFileSync(signatureFile, "utf8"), key)
    : { ...verifyAuditExport(readFileSync(file), "", key), signature: { ok: false, reason: `no signature file ${signatureFile}` } };
  const ok = check.signature.ok && check.chain.ok;
  process.exitCode = ok ? EXIT.ok : EXIT.refused;
  if (json) return printJson({ file, ...check, ok });
  const { signature, chain } = check;
  process.stdout.write(
    [
      `${file}: ${ok ? "verified" : "FAILED"}`,
      signature.ok ? `  ok     signature: by key ${signature.keyId}, trusted comment "${signature.trustedComment}"` : `  FAILED signature: ${signature.reason}`,
      chain.ok ? `  ok     chain: ${chain.count} entries intact; head ${chain.headSeq} ${chain.headHash}` : `  FAILED chain: broken at entry ${chain.seq} (line ${chain.line}): ${chain.reason}`,
    ].join("\n") + "\n",
  );
}

function readPublicKey(option: string): MinisignPublicKey {
  const text = existsSync(option) ? readFileSync(option, "utf8") : option;
  try {
    return parsePublicKey(text);
  } catch (error) {
    if (error instanceof MinisignFormatError) throw new CliError(`--pubkey ${option}: ${error.message}`);
    throw error;
  }
}
