// Runs the built `counterseal` CLI as a real process, the way scripts use it. The first call in a
// test process (re)builds dist/electron/cli/main.js when it is missing or older than its sources;
// a lock folder keeps parallel test processes from building over each other.
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect } from "vitest";
import { stockBag, stockSeal, stockSign, type StockMinisignKey } from "./stock-tools.js";
import type { KeyringEntry as KeyringEntryJson, ReviewerIdentity as IdentityJson } from "../../shared/api/schemas.js";
import { TEST_PASSPHRASE } from "./passphrases.js";
import { TEST_KDF } from "./runtime.js";
import { systemRuntime, type Runtime } from "../../electron/core/runtime.js";
import { initializeStore } from "../../electron/core/session/create-store.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI_ENTRY = join(REPO_ROOT, "dist", "electron", "cli", "main.js");
export const STORE_PASSPHRASE = TEST_PASSPHRASE;

const execFileAsync = promisify(execFile);
const SOURCE_DIRS = ["electron", "shared"].map((dir) => join(REPO_ROOT, dir));
const BUILD_INPUTS = [join(REPO_ROOT, "scripts", "build-node.mjs"), join(REPO_ROOT, "package.json")];
const LOCK_DIR = join(tmpdir(), `counterseal-cli-build-${createHash("sha256").update(REPO_ROOT).digest("hex").slice(0, 12)}.lock`);

function newestMtime(path: string): number {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The build is stale when main.js is missing or older than any source it is built from. */
export function cliBuildIsStale(): boolean {
  const built = statSync(CLI_ENTRY, { throwIfNoEntry: false });
  if (!built) return true;
  const sources = Math.max(...SOURCE_DIRS.map(newestMtime), ...BUILD_INPUTS.map(newestMtime));
  return built.mtimeMs < sources;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function buildIfStale(): Promise<void> {
  for (;;) {
    if (!cliBuildIsStale()) return;
    try {
      mkdirSync(LOCK_DIR);
    } catch {
      // Another test process is building; a lock older than 30 s is left over from a crash.
      const lock = statSync(LOCK_DIR, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 30_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      await sleep(100);
      continue;
    }
    try {
      if (cliBuildIsStale()) await execFileAsync(process.execPath, ["scripts/build-node.mjs"], { cwd: REPO_ROOT });
      return;
    } finally {
      rmSync(LOCK_DIR, { recursive: true, force: true });
    }
  }
}

let built: Promise<void> | undefined;
/** Builds the CLI at most once per test process. */
export const ensureCliBuilt = (): Promise<void> => (built ??= buildIfStale());

// HOME and XDG_CONFIG_HOME point into a private folder, so a command that falls back to the app's
// default store can never touch the real one.
let home: string | undefined;
function isolatedHome(): string {
  home ??= mkdtempSync(join(tmpdir(), "counterseal-cli-home-"));
  return home;
}

// Folders made by this module for the test file that imports it, removed when the file is done
// (also when a filter skipped the describe block that would have removed its own).
const madeFolders: string[] = [];
afterAll(() => {
  if (home !== undefined) madeFolders.push(home);
  home = undefined;
  for (const folder of madeFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

export interface CliOptions {
  /** Added to the clean environment; `undefined` removes a variable (e.g. COUNTERSEAL_PASSPHRASE). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is a pipe (never a TTY) and closed after it. */
  input?: string | Buffer;
  cwd?: string;
  /** Close our end of the child's stdout at once, as `| head -0` would. */
  closeStdout?: boolean;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `node dist/electron/cli/main.js ARGS` with a clean environment and COUNTERSEAL_PASSPHRASE set. */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  await ensureCliBuilt();
  const folder = isolatedHome();
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: folder,
    XDG_CONFIG_HOME: join(folder, ".config"),
    LANG: "C.UTF-8",
    TZ: "UTC",
    COUNTERSEAL_PASSPHRASE: STORE_PASSPHRASE,
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: options.cwd ?? REPO_ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.stdin.on("error", () => {}); // the CLI may exit before reading its stdin
    child.stdin.end(options.input ?? "");
    child.on("error", fail);
    child.on("close", (code, signal) =>
      done({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** Asserts the exit code, showing the command's output when it differs. */
export function expectExit(result: CliResult, code: number): void {
  expect(result.code, `exit code; stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(code);
}

/** Runs the CLI and asserts it exits 0. */
export async function cliOk(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const result = await runCli(args, options);
  expectExit(result, 0);
  return result;
}

/** Parses output with one JSON value per line. */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
}

// The CLI prints the same shapes the app's API returns.
export type { IdentityJson, KeyringEntryJson };

export interface ImportLine {
  file: string;
  status: "imported" | "duplicate" | "refused";
  code?: string;
  message?: string;
  authority?: string;
  id?: string;
  revision?: number;
}

export interface RequestSummaryJson {
  authority: string;
  id: string;
  revision: number;
  instrument: string;
  urgency: string;
  receivedAt: string;
  [field: string]: unknown;
}

/**
 * A store as `counterseal --store DIR init` makes it, but made in this process with the test
 * runtime's cheap key-derivation cost (TEST_KDF): every later command opens it with the cost it
 * records, so a test file's dozens of commands do not each pay the app's second-long unlock.
 * tests/cli/cli-basics.test.ts runs `init` itself.
 */
export async function initStore(storeDir: string, reviewer = "Test Reviewer", office = "Test Office"): Promise<void> {
  await ensureCliBuilt();
  const runtime: Runtime = { ...systemRuntime, storeKdf: TEST_KDF };
  initializeStore(storeDir, STORE_PASSPHRASE, { reviewerName: reviewer, office }, runtime).store.close();
}

export async function identityOf(storeDir: string): Promise<IdentityJson> {
  const result = await cliOk(["--store", storeDir, "identity", "--json"]);
  return JSON.parse(result.stdout) as IdentityJson;
}

export async function keyringOf(storeDir: string): Promise<KeyringEntryJson[]> {
  const result = await cliOk(["--store", storeDir, "trust", "list", "--json"]);
  return JSON.parse(result.stdout) as KeyringEntryJson[];
}

export async function importJson(storeDir: string, files: readonly string[], options: CliOptions = {}): Promise<{ result: CliResult; lines: ImportLine[] }> {
  const result = await runCli(["--store", storeDir, "import", "--json", ...files], options);
  return { result, lines: jsonLines(result.stdout) as ImportLine[] };
}

/** A temporary folder for a whole describe block: call in beforeAll, remove in afterAll. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `counterseal-${prefix}-`));
  madeFolders.push(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a request document as an issuer would (pretty-printed UTF-8 JSON); returns its bytes. */
export function writeJson(path: string, document: unknown): Buffer {
  const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, "utf8");
  writeFileSync(path, bytes);
  return bytes;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
export const sha256File = (path: string): string => sha256Hex(readFileSync(path));

/** Every file under a folder (relative path → sha256), to show a store was left untouched. */
export function fingerprintDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else out[rel] = sha256File(join(dir, rel));
    }
  };
  walk("");
  return out;
}

/** Deterministic pseudo-random bytes (SHA-256 in counter mode). */
export function deterministicBytes(seed: string, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let offset = 0, block = 0; offset < length; offset += 32, block++) {
    createHash("sha256").update(`${seed}/${block}`).digest().copy(out, offset, 0, Math.min(32, length - offset));
  }
  return out;
}

/** A PDF-looking attachment: a real PDF header and trailer around binary filler. */
export function pdfLikeBytes(seed: string, length = 150_000): Buffer {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1");
  const tail = Buffer.from("\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
  return Buffer.concat([head, deterministicBytes(seed, Math.max(0, length - head.length - tail.length)), tail]);
}

export interface StockBundleInput {
  /** A scratch folder; the bag is laid out in a fresh sub-folder of it. */
  workDir: string;
  document: Record<string, unknown>;
  key: StockMinisignKey;
  recipients: string[];
  out: string;
  root?: string;
  attachments?: { name: string; bytes: Buffer | string }[];
  armor?: boolean;
  sign?: boolean;
  tarFormat?: "gnu" | "pax" | "ustar";
  bagInfo?: Record<string, string>;
}

/** A request bundle made with tar, age and minisign alone (sealed-bundle-v1 "seal"). */
export function stockRequestBundle(input: StockBundleInput): string {
  const issuing = input.document["issuingAuthority"] as { id: string; name: string };
  const root = input.root ?? `${String(input.document["id"])}-r${String(input.document["revision"])}`;
  const bagParent = mkdtempSync(join(input.workDir, "bag-"));
  const bag = stockBag({
    workDir: bagParent,
    root,
    document: `${JSON.stringify(input.document, null, 2)}\n`,
    attachments: input.attachments ?? [],
    bagInfo: {
      "Bundle-Type": "request",
      "Bundle-Version": "1",
      "External-Identifier": `${issuing.id}/${String(input.document["id"])}/${String(input.document["revision"])}`,
      "Source-Organization": issuing.name,
      "Bagging-Date": "2026-11-20",
      ...input.bagInfo,
    },
  });
  if (input.sign ?? true) stockSign(bag, input.key);
  stockSeal(bagParent, root, input.recipients, input.out, input.armor ?? false, input.tarFormat === undefined ? {} : { tarFormat: input.tarFormat });
  return bag;
}
