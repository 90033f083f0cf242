// The CLI's exit codes are a contract that scripts depend on (README, --help).
import { isErrorCode, type ErrorCode } from "../../shared/api/errors.js";

export const EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  wrongPassphrase: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The API codes with an exit code of their own; every other code, and an error without one
 *  (I/O, SQLite, a bug), exits with EXIT.usage. */
const EXIT_FOR_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  "wrong-passphrase": EXIT.wrongPassphrase,
  "bundle-refused": EXIT.refused,
};

/** The exit code for an error's API code (shared/api/errors.ts), read off the error itself. */
export function exitCodeForErrorCode(code: unknown): ExitCode {
  return isErrorCode(code) ? (EXIT_FOR_CODE[code] ?? EXIT.usage) : EXIT.usage;
}

/** The CLI's own failures (usage, a bad option, a cancelled prompt): a sentence and an exit code. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}
