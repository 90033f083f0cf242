// The CLI's exit codes are a contract that scripts depend on (README, --help).
export const EXIT = {
  ok: 0,
  refused: 1,
  usage: 2,
  wrongPassphrase: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI reports as one line on stderr and turns into an exit code. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}
