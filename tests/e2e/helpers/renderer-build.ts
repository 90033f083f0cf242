// The e2e tests drive the built renderer (dist/app/renderer). Before they start, it is rebuilt if
// index.html is missing or older than any source it is built from. Several vitest forks may ask at
// once: a lock directory (mkdir is atomic) lets one at a time check, build if needed and take its
// copy, so only the first builds and the others find the build fresh. The build goes to a sibling
// folder first and is swapped in by rename, so nobody else reading dist/app/renderer (npm run
// preview) sees a half-written folder.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_DIR = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const RENDERER_DIR = path.join(PROJECT_DIR, "dist", "app", "renderer");
const INDEX = path.join(RENDERER_DIR, "index.html");
const LOCK = path.join(PROJECT_DIR, "dist", "app", ".renderer-build.lock");
/** The renderer bundles renderer/ and the shared/ modules it imports. */
const SOURCES = [path.join(PROJECT_DIR, "renderer"), path.join(PROJECT_DIR, "shared"), path.join(PROJECT_DIR, "package.json")];
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 3 * 60_000;
const WAIT_LIMIT_MS = 4 * 60_000;

function newestMtime(entry: string): number {
  let stats;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

export function rendererIsFresh(): boolean {
  if (!existsSync(INDEX)) return false;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

function tryLock(): boolean {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Released between the two calls: try again on the next round.
    }
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function build(): void {
  const staging = path.join(PROJECT_DIR, "dist", "app", `.renderer-build-${process.pid}`);
  const retired = path.join(PROJECT_DIR, "dist", "app", `.renderer-old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  console.info(`Building the renderer (dist/app/renderer is missing or older than its sources), pid ${process.pid}…`);
  // The project's own vite, run directly (npx could fetch a package).
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_DIR, "node_modules", "vite", "bin", "vite.js"), "build", "--config", path.join("renderer", "vite.config.ts"), "--outDir", staging, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: PROJECT_DIR, encoding: "utf8", timeout: 180_000 },
  );
  if (result.status !== 0 || !existsSync(path.join(staging, "index.html"))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`The renderer build failed (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
  }
  if (existsSync(RENDERER_DIR)) renameSync(RENDERER_DIR, retired);
  renameSync(staging, RENDERER_DIR);
  rmSync(retired, { recursive: true, force: true });
}

/**
 * Makes sure dist/app/renderer is built from the current sources (building at most once however
 * many forks ask), then copies it to `destination` for this test file to serve: a later rebuild by
 * another run then cannot pull files (pdf.js is loaded lazily) from under a page that is open.
 */
export async function ensureRendererBuilt(destination: string): Promise<string> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`Waited too long for another process's renderer build (lock ${LOCK}).`);
    await sleep(250);
  }
  try {
    if (!rendererIsFresh()) build();
    cpSync(RENDERER_DIR, destination, { recursive: true });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return destination;
}
