// Turns an error into one line on stderr and the exit code the CLI contract promises.
import { BundleRefusal } from "../core/bundles/refusal.js";
import { StoreError, WrongPassphraseError } from "../core/store/errors.js";
import { CliError, EXIT, type ExitCode } from "./exit-codes.js";

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof WrongPassphraseError) return EXIT.wrongPassphrase;
  if (error instanceof BundleRefusal) return EXIT.refused;
  if (error instanceof StoreError) return EXIT.usage;
  return EXIT.usage;
}

export function reportFailure(error: unknown): ExitCode {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = error instanceof BundleRefusal ? `refused (${error.code}): ` : "";
  process.stderr.write(`counterseal: ${prefix}${message}\n`);
  if (process.env["COUNTERSEAL_DEBUG"] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return exitCodeFor(error);
}
