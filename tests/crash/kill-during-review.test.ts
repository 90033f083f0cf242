// Crash safety of review changes. A change is one transaction with its audit row: when the audit
// row cannot be written, nothing of the change is stored (not even the review's start), and a
// `kill -9` of `counterseal review` answering every item in one command leaves either all the
// answers with their audit rows or none, in a store that passes SQLite's integrity check and
// whose audit chain verifies.
import { spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { declareIndependence, getReview, setAnswer } from "../../electron/core/review/review-service.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { storeFile } from "../../electron/core/store/index.js";
import { openSession } from "../../electron/core/session/session.js";
import { CLI_ENTRY, assertCliBuilt, runCli } from "../helpers/cli.js";
import { openTestOffice, STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { sampleRequest } from "../helpers/sample-request.js";

const TRIALS = 12;
const env = { COUNTERSEAL_PASSPHRASE: STORE_PASSPHRASE };

/** Makes the audit log refuse rows of one action, as a full disk would refuse the write. */
function refuseAuditRows(storeDir: string, action: string): void {
  const db = openKeyedConnection(storeFile(storeDir), STORE_PASSPHRASE);
  try {
    db.exec(`CREATE TRIGGER refuse_${action.replace(/\W/g, "_")} BEFORE INSERT ON audit_log WHEN NEW.action = '${action}'
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  } finally {
    db.close();
  }
}

function inspect(storeDir: string) {
  const db = openKeyedConnection(storeFile(storeDir), STORE_PASSPHRASE);
  try {
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      answers: count("SELECT count(*) FROM review_answers"),
      answerRows: count("SELECT count(*) FROM audit_log WHERE action = 'review.answer-set'"),
    };
  } finally {
    db.close();
  }
}

function reviewAndKill(storeDir: string, args: readonly string[], afterMs: number): Promise<"killed" | "finished"> {
  const child = spawn(process.execPath, [CLI_ENTRY, "--store", storeDir, "review", ...args], { env: { PATH: process.env["PATH"] ?? "", ...env }, stdio: "ignore" });
  const timer = setTimeout(() => child.kill("SIGKILL"), afterMs);
  return new Promise((resolve) => {
    child.on("close", (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL" ? "killed" : "finished");
    });
  });
}

async function officeWithOrder() {
  const office = openTestOffice(testRuntime());
  const outcome = await importBundleFile(office.session, await office.seal({ document: sampleRequest() }));
  if (outcome.status !== "imported") throw new Error(`fixture import: ${JSON.stringify(outcome)}`);
  return { office, ref: { authority: outcome.authority, id: outcome.id, revision: outcome.revision } };
}

describe("crash safety of a review change", () => {
  it("stores nothing of a change whose audit row cannot be written, the review's start included", async () => {
    const { office, ref } = await officeWithOrder();
    office.session.store.close();
    refuseAuditRows(office.storeDir, "review.independence-declared");
    refuseAuditRows(office.storeDir, "review.answer-set");
    const session = openSession(office.storeDir, STORE_PASSPHRASE, office.runtime);
    try {
      const rows = session.store.audit.listAudit().length;
      expect(() => declareIndependence(session, { ...ref, conflict: false })).toThrow(/database or disk is full/);
      expect(getReview(session, ref)).toMatchObject({ state: "received", independence: null });
      expect(session.store.requests.getRequest(ref.authority, ref.id, ref.revision)?.status).toBe("received");
      expect(session.store.audit.listAudit()).toHaveLength(rows);
    } finally {
      session.store.close();
    }
    // With the declaration allowed, an answer whose row is refused leaves the answer unset.
    const db = openKeyedConnection(storeFile(office.storeDir), STORE_PASSPHRASE);
    db.exec("DROP TRIGGER refuse_review_independence_declared");
    db.close();
    const again = openSession(office.storeDir, STORE_PASSPHRASE, office.runtime);
    try {
      declareIndependence(again, { ...ref, conflict: false });
      expect(() => setAnswer(again, { ...ref, item: "L1", answer: "met", note: "In force." })).toThrow(/database or disk is full/);
      expect(getReview(again, ref).items.find((item) => item.id === "L1")).toMatchObject({ answer: null, note: null });
      expect(again.store.audit.verifyAuditChain().ok).toBe(true);
    } finally {
      again.store.close();
    }
  });

  it(`leaves all of one command's answers or none under kill -9 (${TRIALS} kills)`, async () => {
    const { office, ref } = await officeWithOrder();
    declareIndependence(office.session, { ...ref, conflict: false });
    const applying = getReview(office.session, ref).items.filter((item) => item.applies).map((item) => item.id);
    office.session.store.close();
    const pristine = join(office.dir, "pristine");
    cpSync(office.storeDir, pristine, { recursive: true });
    // Every item answered four times over (info, na, not-met, then met): most of the command's time
    // is then spent inside its one transaction, so the kills spread over it land there.
    const answers = ["info", "na", "not-met", "met"];
    const args = [`${ref.authority}/${ref.id}`, ...answers.flatMap((answer) => applying.flatMap((id) => ["--set", `${id}=${answer}`]))];

    assertCliBuilt();
    const started = Date.now();
    const scratch = join(office.dir, "scratch");
    cpSync(pristine, scratch, { recursive: true });
    expect((await runCli(["--store", scratch, "review", ...args], { env })).code).toBe(0);
    const fullMs = Date.now() - started;
    expect(inspect(scratch)).toMatchObject({ answers: applying.length, answerRows: applying.length * answers.length });
    // ...and how much of that is starting up and unlocking the store, before any write.
    const opening = Date.now();
    expect((await runCli(["--store", pristine, "identity", "--json"], { env })).code).toBe(0);
    const startupMs = Math.min(Date.now() - opening, fullMs / 2);

    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const storeDir = join(office.dir, `trial-${trial}`);
      cpSync(pristine, storeDir, { recursive: true });
      const end = await reviewAndKill(storeDir, args, Math.round(startupMs + ((trial + 1) / (TRIALS + 1)) * (fullMs - startupMs)));
      const state = inspect(storeDir);
      outcomes.push(`${end} with ${state.answers}`);
      expect(state.integrity).toBe("ok");
      expect([0, applying.length]).toContain(state.answers);
      expect(state.answerRows).toBe(state.answers * answers.length);
      const session = openSession(storeDir, STORE_PASSPHRASE, testRuntime());
      expect(session.store.audit.verifyAuditChain().ok).toBe(true);
      session.store.close();
      rmSync(storeDir, { recursive: true, force: true });
    }
    console.info(`kill -9 during counterseal review (${applying.length * answers.length} answers, ${fullMs} ms uncut, ${startupMs} ms to open the store): ${outcomes.join(", ")}`);
    expect(outcomes.some((outcome) => outcome.startsWith("killed"))).toBe(true);
  });
});
