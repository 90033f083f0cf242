// Crash safety: `kill -9` the CLI at many moments while it imports a large bundle. Each time the
// store must open, pass SQLite's integrity check, hold nothing half-stored, and a re-import
// must then succeed. Half the kills follow a fixed schedule spread over a measured import; the
// other half come when the write-ahead log has grown to a given size, so that some surely land
// while the import writes, however fast this machine runs its other phases.
import { spawn } from "node:child_process";
import { cpSync, existsSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_MAX_FILES } from "../../electron/core/bundles/import-bundle.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { storeFile } from "../../electron/core/store/index.js";
import { openSession } from "../../electron/core/session/session.js";
import { CLI_ENTRY, assertCliBuilt, jsonLines, runCli, type ImportLine } from "../helpers/cli.js";
import { openTestOffice, STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { sampleRequest } from "../helpers/sample-request.js";

const TRIALS = 20;
/** More than one batch, so kills land between commits as well as inside one. */
const MANY_FILES = 400;
const ATTACHMENT_BYTES = 48 * 1024 * 1024;
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

/** Bytes in the write-ahead log: pages of a transaction that was under way when the kill came. */
const walBytes = (storeDir: string): number => {
  const wal = `${storeFile(storeDir)}-wal`;
  return existsSync(wal) ? statSync(wal).size : 0;
};

/** When to kill: after a delay, or as soon as the store's write-ahead log holds this many bytes. */
type KillAt = { afterMs: number } | { walBytes: number };

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
          if (walBytes(storeDir) >= at.walBytes) kill();
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

function inspect(storeDir: string) {
  const db = openKeyedConnection(storeFile(storeDir), STORE_PASSPHRASE);
  try {
    const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      requests: count("requests"),
      attachments: count("attachments"),
      blobs: count("blobs"),
      orphanChunks: Number(db.prepare("SELECT count(*) FROM blob_chunks WHERE blob_id NOT IN (SELECT id FROM blobs)").pluck().get()),
      chunkBytes: Number(db.prepare("SELECT coalesce(sum(length(data)), 0) FROM blob_chunks").pluck().get()),
    };
  } finally {
    db.close();
  }
}

describe("kill -9 during import", () => {
  it(`leaves the store before or after the import, never between (${TRIALS} kills)`, async () => {
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
    // the log at 1 MiB to about 34 MiB (the attachment is 48 MiB; pages reach the log once the
    // 32 MiB page cache spills, and the rest at the commit).
    const scheduled = Math.ceil(TRIALS / 2);
    const killAt = (trial: number): KillAt =>
      trial % 2 === 0
        ? { afterMs: Math.round(startupMs + ((trial / 2 + 1) / (scheduled + 1)) * (fullMs - startupMs)) }
        : { walBytes: (1 + ((trial - 1) / 2) * 3.7) * 1024 * 1024 };
    const outcomes: string[] = [];
    let killedMidWrite = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      outcomes.push((await importAndKill(office.storeDir, [file], killAt(trial))).end);
      // Counted before anything opens the store again, which would roll the log back.
      if (walBytes(office.storeDir) > 1024 * 1024) killedMidWrite += 1;
      const state = inspect(office.storeDir);
      expect(state.integrity).toBe("ok");
      expect(state.orphanChunks).toBe(0);
      if (state.requests === 0) {
        expect(state).toMatchObject({ attachments: 0, blobs: 0, chunkBytes: 0 });
      } else {
        expect(state).toMatchObject({ requests: 1, attachments: 1, blobs: 1, chunkBytes: ATTACHMENT_BYTES });
        // The import got through before the kill: start the next trial from the empty store again.
        rmSync(office.storeDir, { recursive: true, force: true });
        cpSync(pristine, office.storeDir, { recursive: true });
      }
    }
    expect(outcomes).toHaveLength(TRIALS);
    expect(outcomes.filter((outcome) => outcome === "killed").length).toBeGreaterThanOrEqual(15);
    console.info(`kill -9: ${outcomes.length} trials, ${killedMidWrite} during writes; import ${fullMs} ms, start-up ${startupMs} ms`);
    // The schedule must actually hit the import while it writes, or the test proves nothing.
    expect(killedMidWrite).toBeGreaterThanOrEqual(5);

    const again = await runCli(["--store", office.storeDir, "import", "--json", file], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: expect.stringMatching(/^(imported|duplicate)$/) });
    const session = openSession(office.storeDir, STORE_PASSPHRASE, testRuntime());
    try {
      expect(session.store.integrityCheck()).toEqual(["ok"]);
      expect(session.store.audit.verifyAuditChain()).toMatchObject({ ok: true });
    } finally {
      session.store.close();
    }
    expect(inspect(office.storeDir)).toMatchObject({ requests: 1, blobs: 1, chunkBytes: ATTACHMENT_BYTES });
  }, 240_000);

  it("keeps every bundle it reported imported when killed during a many-file import (10 kills)", async () => {
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
    for (let trial = 0; trial < 10; trial++) {
      rmSync(office.storeDir, { recursive: true, force: true });
      cpSync(pristine, office.storeDir, { recursive: true });
      const { printed } = await importAndKill(office.storeDir, files, { afterMs: Math.round(((trial + 1) / 11) * fullMs) });
      const state = inspect(office.storeDir);
      expect(state.integrity).toBe("ok");
      expect(state.orphanChunks).toBe(0);
      // Whole batches only (as many blobs as requests), and at least every one it reported.
      expect([0, BATCH_MAX_FILES, MANY_FILES]).toContain(state.requests);
      expect(state.blobs).toBe(state.requests);
      expect(state.requests).toBeGreaterThanOrEqual(printed.filter((line) => line.status === "imported").length);
      reportedBeforeKill += printed.length;
    }
    console.info(`kill -9 during ${MANY_FILES}-file imports: 10 trials, ${reportedBeforeKill} outcomes printed before the kills; import ${fullMs} ms`);
  }, 120_000);
});
