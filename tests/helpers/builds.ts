// The built outputs some tests run: the `counterseal` CLI (dist/electron/cli/main.js, for
// tests/cli, tests/interop and tests/crash) and the renderer (dist/app/renderer, for tests/e2e).
// tests/global-setup.ts builds each once per vitest run, in the main process before any fork
// starts, and only when the run selects a test that needs it and the output is older than its
// sources. The tests only read the outputs, and check they are fresh, so a test outside those
// folders that starts using one fails with a clear message instead of running a stale build.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const REPO_ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const execFileAsync = promisify(execFile);
const fromRoot = (...parts: string[]): string => path.join(REPO_ROOT, ...parts);

export interface BuiltOutput {
  name: string;
  /** The test files that use it, relative to the repository, as a pattern. */
  usedBy: RegExp;
  /** The file whose modification time stands for the whole output. */
  marker: string;
  sources: readonly string[];
  build(): Promise<void>;
}

function newestMtime(entry: string): number {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** Fresh when the marker exists and is no older than any source. */
export function isFresh(output: BuiltOutput): boolean {
  const built = statSync(output.marker, { throwIfNoEntry: false });
  return built !== undefined && output.sources.every((source) => newestMtime(source) <= built.mtimeMs);
}

/** Throws, naming the output, when a test is about to use a missing or stale build. */
export function assertFresh(output: BuiltOutput): void {
  if (isFresh(output)) return;
  throw new Error(
    `${path.relative(REPO_ROOT, output.marker)} is missing or older than its sources: tests/global-setup.ts builds the ${output.name} only for test files matching ${String(output.usedBy)}; put this test there or add its folder to usedBy.`,
  );
}

export const CLI_ENTRY = fromRoot("dist", "electron", "cli", "main.js");
export const CLI_BUILD: BuiltOutput = {
  name: "CLI",
  // Many capabilities test their commands as real processes (tests/audit/cli.test.ts, tests/decisions/…):
  // any run may need it, and a fresh build is skipped.
  usedBy: /^tests\//,
  marker: CLI_ENTRY,
  sources: [fromRoot("electron"), fromRoot("shared"), fromRoot("scripts", "build-node.mjs"), fromRoot("package.json")],
  build: async () => {
    await execFileAsync(process.execPath, [fromRoot("scripts", "build-node.mjs")], { cwd: REPO_ROOT });
  },
};

export const RENDERER_DIR = fromRoot("dist", "app", "renderer");
export const RENDERER_BUILD: BuiltOutput = {
  name: "renderer",
  usedBy: /^tests\/e2e\//,
  marker: path.join(RENDERER_DIR, "index.html"),
  sources: [fromRoot("renderer"), fromRoot("shared"), fromRoot("package.json")],
  // Built into a sibling folder and swapped in by rename, so a preview serving dist/app/renderer
  // (npm run preview) never sees a half-written folder.
  build: async () => {
    const staging = fromRoot("dist", "app", `.renderer-build-${process.pid}`);
    const retired = fromRoot("dist", "app", `.renderer-old-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    const vite = fromRoot("node_modules", "vite", "bin", "vite.js"); // the project's own, never npx
    const args = [vite, "build", "--config", path.join("renderer", "vite.config.ts"), "--outDir", staging, "--emptyOutDir", "--logLevel", "warn"];
    try {
      await execFileAsync(process.execPath, args, { cwd: REPO_ROOT, timeout: 180_000 });
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`The renderer build failed: ${(error as Error).message}`);
    }
    if (!existsSync(path.join(staging, "index.html"))) throw new Error("The renderer build wrote no index.html.");
    if (existsSync(RENDERER_DIR)) renameSync(RENDERER_DIR, retired);
    renameSync(staging, RENDERER_DIR);
    rmSync(retired, { recursive: true, force: true });
  },
};

export const BUILT_OUTPUTS: readonly BuiltOutput[] = [CLI_BUILD, RENDERER_BUILD];
