// Turns an error into one line on stderr and the exit code the CLI contract promises.
import { BundleRefusal } from "../core/bundles/refusal.js";
import { CliError, exitCodeForErrorCode, type ExitCode } from "./exit-codes.js";

/** The CLI's own errors name their exit code; every other error's follows from its API code. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  return exitCodeForErrorCode(typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined);
}

export function reportFailure(error: unknown): ExitCode {
  const message = error instanceof Error ? error.message : String(error);
  const prefix = error instanceof BundleRefusal ? `refused (${error.refusal}): ` : "";
  process.stderr.write(`counterseal: ${prefix}${message}\n`);
  if (process.env["COUNTERSEAL_DEBUG"] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return exitCodeFor(error);
}
