// Crash safety: `kill -9` the CLI at many moments while it imports, a large bundle (kept as a file
// in evidence/) and many small ones (kept in their rows). Each time the store must pass SQLite's
// integrity check and hold nothing half-stored (a request with its kept bundle and attachment,
// or none of them; a file for every row that names one), the next open must leave no file that
// no row names, and a re-import must then succeed. Half the large-bundle kills follow a fixed
// schedule spread over a measured import; the other half come when the kept file being written
// has reached a given size, so that some surely land while the import writes, however fast this
// machine runs its other phases.
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_MAX_FILES } from "../../electron/core/bundles/import-bundle.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { evidenceDir, storeFile } from "../../electron/core/store/index.js";
import { openSession } from "../../electron/core/session/session.js";
import { CLI_ENTRY, assertCliBuilt, jsonLines, runCli, type ImportLine } from "../helpers/cli.js";
import { openTestOffice, STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { sampleRequest } from "../helpers/sample-request.js";

const LARGE_TRIALS = 12;
const SMALL_TRIALS = 8;
/** More than one batch, so kills land between commits as well as inside one. */
const MANY_FILES = 300;
const ATTACHMENT_BYTES = 32 * 1024 * 1024;
const env = { COUNTERSEAL_PASSPHRASE: STORE_PASSPHRASE };

function bigAttachment(): Uint8Array {
  // Incompressible-looking but deterministic content.
  const bytes = new Uint8Array(ATTACHMENT_BYTES);
  let state = 0x2545f491;
  for (let i = 0; i < bytes.length; i += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
    bytes[i + 1] = (state >>> 8) & 0xff;
    bytes[i + 2] = (state >>> 16) & 0xff;
    bytes[i + 3] = (state >>> 24) & 0xff;
  }
  return bytes;
}

const keptFiles = (storeDir: string): string[] => (existsSync(evidenceDir(storeDir)) ? readdirSync(evidenceDir(storeDir)).sort() : []);

/** Bytes in evidence/: the kept file of an import under way (or of one that finished). */
const keptBytes = (storeDir: string): number => {
  let total = 0;
  for (const name of keptFiles(storeDir)) {
    try {
      total += statSync(join(evidenceDir(storeDir), name)).size;
    } catch {
      // Renamed between the listing and the stat: counted at the next look.
    }
  }
  return total;
};

/** When to kill: after a delay, or as soon as evidence/ holds this many bytes. */
type KillAt = { afterMs: number } | { keptBytes: number };

/**
 * Starts an import and SIGKILLs it at `at`; resolves with whether it finished first and the
 * `--json` lines it printed before it died.
 */
function importAndKill(storeDir: string, files: readonly string[], at: KillAt): Promise<{ end: "killed" | "finished"; printed: ImportLine[] }> {
  const child = spawn(process.execPath, [CLI_ENTRY, "--store", storeDir, "import", "--json", ...files], {
    env: { PATH: process.env["PATH"] ?? "", ...env },
    stdio: ["ignore", "pipe", "ignore"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  const kill = () => child.kill("SIGKILL");
  const timer =
    "afterMs" in at
      ? setTimeout(kill, at.afterMs)
      : setInterval(() => {
          if (keptBytes(storeDir) >= at.keptBytes) kill();
        }, 1);
  return new Promise((resolve) => {
    child.on("close", (_code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      const whole = stdout.slice(0, stdout.lastIndexOf("\n") + 1);
      resolve({ end: signal === "SIGKILL" ? "killed" : "finished", printed: jsonLines(whole) as ImportLine[] });
    });
  });
}

/** What a raw connection finds on disk, before anything opens the store (which would sweep). */
function inspect(storeDir: string) {
  const db = openKeyedConnection(storeFile(storeDir), STORE_PASSPHRASE);
  try {
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    const named = db.prepare("SELECT file_name FROM evidence WHERE file_name IS NOT NULL").pluck().all() as string[];
    const present = new Set(keptFiles(storeDir));
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      requests: count("SELECT count(*) FROM requests"),
      attachments: count("SELECT count(*) FROM attachments"),
      evidence: count("SELECT count(*) FROM evidence"),
      /** Requests without their kept bundle, or the reverse: half-stored. */
      unmatched: count("SELECT count(*) FROM requests r FULL JOIN evidence e ON e.request_id = r.id WHERE r.id IS NULL OR e.request_id IS NULL"),
      /** Rows naming a file that is not there (or not whole). */
      missingFiles: named.filter((name) => !present.has(name)).length,
      keptBytesInRows: count("SELECT coalesce(sum(length(content)), 0) FROM evidence"),
    };
  } finally {
    db.close();
  }
}

/** Opens the store as the app does (which sweeps what no row names); returns the files left and the chain's state. */
function openAndSweep(storeDir: string): { files: number; named: number; auditOk: boolean; integrity: string[] } {
  const session = openSession(storeDir, STORE_PASSPHRASE, testRuntime());
  try {
    const rows = session.store.requests.listAllRevisions({ limit: 10_000, offset: 0 });
    return {
      files: keptFiles(storeDir).length,
      named: rows.length,
      auditOk: session.store.audit.verifyAuditChain().ok,
      integrity: session.store.integrityCheck(),
    };
  } finally {
    session.store.close();
  }
}

describe("kill -9 during import", () => {
  it(`leaves a large bundle stored whole or not at all, and no orphan file after the next open (${LARGE_TRIALS} kills)`, async () => {
    const office = openTestOffice(testRuntime());
    const document = sampleRequest({ attachments: [{ path: "attachments/extraction.bin", title: "Device extraction", mediaType: "application/octet-stream" }] });
    const file = await office.seal({ document, attachments: [{ name: "extraction.bin", bytes: bigAttachment() }] });
    office.session.store.close();
    const pristine = join(office.dir, "pristine");
    cpSync(office.storeDir, pristine, { recursive: true });

    // Calibrate: how long a whole import takes on this machine (the faster of two, in scratch copies).
    assertCliBuilt();
    let fullMs = Number.POSITIVE_INFINITY;
    for (const name of ["scratch-1", "scratch-2"]) {
      const scratch = join(office.dir, name);
      cpSync(pristine, scratch, { recursive: true });
      const started = Date.now();
      expect((await runCli(["--store", scratch, "import", file], { env })).code).toBe(0);
      fullMs = Math.min(fullMs, Date.now() - started);
    }
    // ...and how much of that is starting up and unlocking the store, before any write.
    const opening = Date.now();
    expect((await runCli(["--store", pristine, "identity", "--json"], { env })).code).toBe(0);
    const startupMs = Math.min(Date.now() - opening, fullMs / 2);

    // Even trials: moments spread from the end of start-up to the end of the import. Odd trials:
    // the kept file at 1 MiB to about 31 MiB of the bundle's 32.
    const scheduled = Math.ceil(LARGE_TRIALS / 2);
    const killAt = (trial: number): KillAt =>
      trial % 2 === 0
        ? { afterMs: Math.round(startupMs + ((trial / 2 + 1) / (scheduled + 1)) * (fullMs - startupMs)) }
        : { keptBytes: (1 + ((trial - 1) / 2) * 5.5) * 1024 * 1024 };
    const outcomes: string[] = [];
    let killedMidWrite = 0;
    for (let trial = 0; trial < LARGE_TRIALS; trial++) {
      outcomes.push((await importAndKill(office.storeDir, [file], killAt(trial))).end);
      const state = inspect(office.storeDir);
      expect(state.integrity).toBe("ok");
      expect(state).toMatchObject({ unmatched: 0, missingFiles: 0, keptBytesInRows: 0 });
      if (state.requests === 0) {
        expect(state).toMatchObject({ attachments: 0, evidence: 0 });
        // A kept file with no row: the kill came while the import wrote.
        if (keptFiles(office.storeDir).length > 0) killedMidWrite += 1;
      } else {
        expect(state).toMatchObject({ requests: 1, attachments: 1, evidence: 1 });
      }
      const opened = openAndSweep(office.storeDir);
      expect(opened).toEqual({ files: state.requests, named: state.requests, auditOk: true, integrity: ["ok"] });
      if (state.requests === 1) {
        // The import got through before the kill: start the next trial from the empty store again.
        rmSync(office.storeDir, { recursive: true, force: true });
        cpSync(pristine, office.storeDir, { recursive: true });
      }
    }
    expect(outcomes.filter((outcome) => outcome === "killed").length).toBeGreaterThanOrEqual(8);
    console.info(`kill -9: ${outcomes.length} trials, ${killedMidWrite} while the kept file was written; import ${fullMs} ms, start-up ${startupMs} ms`);
    // The schedule must actually hit the import while it writes, or the test proves nothing.
    expect(killedMidWrite).toBeGreaterThanOrEqual(4);

    const again = await runCli(["--store", office.storeDir, "import", "--json", file], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: expect.stringMatching(/^(imported|duplicate)$/) });
    expect(openAndSweep(office.storeDir)).toEqual({ files: 1, named: 1, auditOk: true, integrity: ["ok"] });
  }, 60_000);

  it(`keeps every small bundle it reported imported, in whole batches (${SMALL_TRIALS} kills)`, async () => {
    const office = openTestOffice(testRuntime());
    const files: string[] = [];
    for (let n = 0; n < MANY_FILES; n++) {
      const document = sampleRequest({ id: `CASE-${n}`, attachments: [{ path: "attachments/note.bin", title: "Note", mediaType: "application/octet-stream" }] });
      files.push(await office.seal({ document, attachments: [{ name: "note.bin", bytes: new Uint8Array(20_000).fill(n % 251) }] }));
    }
    office.session.store.close();
    const pristine = join(office.dir, "pristine");
    cpSync(office.storeDir, pristine, { recursive: true });
    assertCliBuilt();
    const scratch = join(office.dir, "scratch");
    cpSync(pristine, scratch, { recursive: true });
    const started = Date.now();
    expect((await runCli(["--store", scratch, "import", ...files], { env })).code).toBe(0);
    const fullMs = Date.now() - started;

    let reportedBeforeKill = 0;
    for (let trial = 0; trial < SMALL_TRIALS; trial++) {
      rmSync(office.storeDir, { recursive: true, force: true });
      cpSync(pristine, office.storeDir, { recursive: true });
      const { printed } = await importAndKill(office.storeDir, files, { afterMs: Math.round(((trial + 1) / (SMALL_TRIALS + 1)) * fullMs) });
      const state = inspect(office.storeDir);
      expect(state.integrity).toBe("ok");
      expect(state).toMatchObject({ unmatched: 0, missingFiles: 0 });
      // Whole batches only (a kept bundle and an attachment per request), and at least every one it reported.
      expect([0, BATCH_MAX_FILES, MANY_FILES]).toContain(state.requests);
      expect(state).toMatchObject({ evidence: state.requests, attachments: state.requests });
      expect(state.requests).toBeGreaterThanOrEqual(printed.filter((line) => line.status === "imported").length);
      // Small bundles are kept in their rows: nothing in evidence/, before or after the next open.
      expect(keptFiles(office.storeDir)).toEqual([]);
      expect(openAndSweep(office.storeDir)).toEqual({ files: 0, named: state.requests, auditOk: true, integrity: ["ok"] });
      reportedBeforeKill += printed.length;
    }
    const again = await runCli(["--store", office.storeDir, "import", "--json", ...files], { env });
    expect(again.code).toBe(0);
    expect(jsonLines(again.stdout).every((line) => ["imported", "duplicate"].includes(String((line as ImportLine).status)))).toBe(true);
    expect(openAndSweep(office.storeDir)).toMatchObject({ named: MANY_FILES, auditOk: true });
    console.info(`kill -9 during ${MANY_FILES}-file imports: ${SMALL_TRIALS} trials, ${reportedBeforeKill} outcomes printed before the kills; import ${fullMs} ms`);
  }, 60_000);
});
