// The counterseal CLI as users run it: built once per test process from the current sources.
import { execFile, execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const CLI_ENTRY = "dist/electron/cli/main.js";

let built = false;

/** Builds dist/ when it is missing or older than any source file of the CLI. */
export function ensureCliBuilt(): string {
  if (built) return CLI_ENTRY;
  const builtAt = modifiedAt(CLI_ENTRY);
  if (builtAt === undefined || newestSource(["electron", "shared"]) > builtAt) {
    execFileSync(process.execPath, ["scripts/build-node.mjs"], { stdio: "inherit" });
  }
  built = true;
  return CLI_ENTRY;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with only the environment given (plus PATH and HOME), never a terminal. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const entry = ensureCliBuilt();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [entry, ...args],
      { env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource(folders: readonly string[]): number {
  let newest = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  folders.forEach(visit);
  return newest;
}
