// Runs the built `counterseal` CLI as a real process, the way scripts use it. The CLI is built
// once per run by tests/global-setup.ts (tests/helpers/builds.ts); runCli only checks it is fresh.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { deterministicBytes } from "./runtime.js";
import { stockBag, stockSeal, stockSign, type StockMinisignKey } from "./stock-tools.js";
import { assertFresh, CLI_BUILD, CLI_ENTRY, REPO_ROOT } from "./builds.js";
import { fileTempFolder } from "./temp.js";
import type { KeyringEntry as KeyringEntryJson, ReviewerIdentity as IdentityJson } from "../../shared/api/keyring.js";
import type { InboxRow as RequestSummaryJson, RequestDetail as RequestDetailJson } from "../../shared/api/requests.js";
import { TEST_PASSPHRASE } from "./passphrases.js";
import { TEST_KDF } from "./runtime.js";
import { systemRuntime, type Runtime } from "../../electron/core/runtime.js";
import { initializeStore } from "../../electron/core/session/create-store.js";

export { CLI_ENTRY, REPO_ROOT };
export const STORE_PASSPHRASE = TEST_PASSPHRASE;

let checked = false;
/** Fails clearly when the CLI build is missing or stale (the global setup did not build it). */
export function assertCliBuilt(): void {
  if (!checked) assertFresh(CLI_BUILD);
  checked = true;
}

// HOME and XDG_CONFIG_HOME point into a private folder, so a command that falls back to the app's
// default store can never touch the real one.
let home: string | undefined;
const isolatedHome = (): string => (home ??= fileTempFolder("cli-home"));

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
  assertCliBuilt();
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
export type { IdentityJson, KeyringEntryJson, RequestDetailJson, RequestSummaryJson };

export interface ImportLine {
  file: string;
  status: "imported" | "duplicate" | "refused";
  code?: string;
  message?: string;
  authority?: string;
  id?: string;
  revision?: number;
}

/**
 * A store as `counterseal --store DIR init` makes it, but made in this process with the test
 * runtime's cheap key-derivation cost (TEST_KDF): every later command opens it with the cost it
 * records, so a test file's dozens of commands do not each pay the app's second-long unlock.
 * tests/cli/cli-basics.test.ts runs `init` itself.
 */
export async function initStore(storeDir: string, reviewer = "Test Reviewer", office = "Test Office"): Promise<void> {
  assertCliBuilt();
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
