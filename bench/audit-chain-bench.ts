// `npm run bench` (second part): verification of a 1,000,000-event audit chain, printed in events
// per second against the target of 200,000/s (issue 12). Two verifiers: the store's own walk of its
// encrypted audit_log (`counterseal audit verify`), and the store-free check of a content-free
// export (`counterseal audit verify --file`), signature included. Not a test: numbers vary by machine.
//
// The chain is built once through the store's real appendAudit (canonical details, digests, the
// chain triggers), in transactions of BATCH rows, with a mix of small and request-sized details.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { exportAudit } from "../electron/core/audit/export-audit.js";
import { verifyAuditExport } from "../electron/core/audit/export-verify.js";
import { systemRuntime } from "../electron/core/runtime.js";
import { initializeStore } from "../electron/core/session/create-store.js";
import type { Session } from "../electron/core/session/session.js";

const EVENTS = Number(process.env["BENCH_AUDIT_EVENTS"] ?? 1_000_000);
const TARGET_PER_SECOND = 200_000;
const BATCH = 10_000;
const PASSPHRASE = "bench passphrase for the audit chain";
const work = resolve("bench/.work/audit-chain");

const hex = (seed: number): string => (seed.toString(16).padStart(8, "0").repeat(8)).slice(0, 64);

function fillChain(session: Session, events: number): void {
  const { store, actor } = session;
  let appended = store.audit.auditHead().seq;
  while (appended < events - 1) {
    store.transaction(() => {
      for (let i = 0; i < BATCH && appended < events - 1; i += 1, appended += 1) {
        if (appended % 4 === 0) {
          store.audit.appendAudit({ actor, action: "attachment.saved", objectId: `attachment-${appended}`, details: { path: "attachments/order.pdf", sha256: hex(appended), bytes: 150_000 + (appended % 977) } });
        } else {
          store.audit.appendAudit({ actor, action: "settings.changed", objectId: "settings", details: { idleLockMinutes: 1 + (appended % 60) } });
        }
      }
    });
    if (appended % 100_000 < BATCH) process.stdout.write(`  ${appended.toLocaleString("en")} events…\n`);
  }
}

interface Timed<T> {
  value: T;
  seconds: number;
  /** CPU time of this process (user + system): on a shared machine, what the work itself cost. */
  cpuSeconds: number;
}

function timed<T>(work: () => T): Timed<T> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}

const rate = (events: number, seconds: number): string => `${Math.round(events / seconds).toLocaleString("en")} events/s`;
const measured = (events: number, run: Timed<unknown>): string =>
  `${run.seconds.toFixed(2)} s, ${rate(events, run.seconds)} (${run.cpuSeconds.toFixed(2)} s of CPU, ${rate(events, run.cpuSeconds)} per CPU second)`;

function main(): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const storeDir = join(work, "store");
  const session = initializeStore(storeDir, PASSPHRASE, { reviewerName: "Bench", office: "Bench Office" }, systemRuntime);
  process.stdout.write(`building a chain of ${EVENTS.toLocaleString("en")} events through appendAudit…\n`);
  const built = timed(() => fillChain(session, EVENTS));
  process.stdout.write(`  built in ${built.seconds.toFixed(1)} s (${rate(EVENTS, built.seconds)} appended)\n`);

  const exportFile = join(work, "audit.jsonl");
  const exported = timed(() => exportAudit(session, exportFile));
  const reviewer = session.store.reviewer.getReviewer();
  if (reviewer === undefined) throw new Error("the bench store has no reviewer");
  const events = exported.value.header.count;

  const store = timed(() => session.store.audit.verifyAuditChain());
  if (!store.value.ok || store.value.count !== events) throw new Error(`the store's chain did not verify: ${JSON.stringify(store.value)}`);
  // A decision page's "requests sent" (listCountersignRequestsSent) reads one object's rows of one
  // action, through the log's index by object (migration 010).
  const sent = timed(() => session.store.audit.entriesOf("countersignature.requested", "D-bench"));
  if (sent.value.length !== 0) throw new Error("the bench chain holds no countersignature request");
  session.store.close();

  const bytes = readFileSync(exportFile);
  const signature = readFileSync(`${exportFile}.minisig`, "utf8");
  const file = timed(() => verifyAuditExport(bytes, signature, { keyId: reviewer.keyId, publicKey: reviewer.publicKey }));
  if (!file.value.ok) throw new Error(`the export did not verify: ${JSON.stringify(file.value)}`);

  const verdict = (seconds: number) => (events / seconds >= TARGET_PER_SECOND ? "meets" : "MISSES");
  process.stdout.write(
    [
      "",
      `audit chain of ${events.toLocaleString("en")} events (target: at least ${TARGET_PER_SECOND.toLocaleString("en")} events/s)`,
      `  store (audit verify):               ${measured(events, store)}: ${verdict(store.seconds)} the target`,
      `  export file (audit verify --file):  ${measured(events, file)}: ${verdict(file.seconds)} the target (${(bytes.length / 1e6).toFixed(0)} MB, signature included)`,
      `  export written in ${exported.seconds.toFixed(2)} s`,
      `  a decision page's requests sent (one action of one object): ${(sent.seconds * 1000).toFixed(2)} ms (${events.toLocaleString("en")} events, by the log's index by object)`,
      "",
    ].join("\n"),
  );
  if (!process.env["BENCH_KEEP"] && existsSync(work)) rmSync(work, { recursive: true, force: true });
}

main();
