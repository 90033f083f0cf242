// `npm run bench` (third part): the transparency report over 100,000 decisions, printed with the
// decisions per second against the target of the whole report in under 1 s (issue 12). Four
// cases are imported, reviewed, decided and executed for real (authorised and complied with,
// refused, authorised with modifications, authorised and not complied with); the rest are SQL
// copies of them (tests/helpers/seed-decisions.ts). Timed: the store's one read and the pure
// computation (`transparencyReport`, what the app's charts and `counterseal report` call), then
// writing it as CSV, JSON and the PDF. Not a test: numbers vary by machine.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { sealBundle } from "../electron/core/bundles/seal-bundle.js";
import { importBundleFile } from "../electron/core/bundles/import-bundle.js";
import { encodePublicKey, generateMinisignKeyPair } from "../electron/core/crypto/minisign.js";
import { decide } from "../electron/core/decisions/decide.js";
import { recordExecution } from "../electron/core/executions/execution-service.js";
import { describeIdentity } from "../electron/core/identity/identity-service.js";
import { addAuthorityKey } from "../electron/core/keyring/keyring-service.js";
import { changeScope, declareIndependence, getReview, setAnswer } from "../electron/core/review/review-service.js";
import { systemRuntime } from "../electron/core/runtime.js";
import { initializeStore } from "../electron/core/session/create-store.js";
import { openSession, type Session } from "../electron/core/session/session.js";
import { reportBytes, transparencyReport } from "../electron/core/statistics/report-service.js";
import { seedDecisions } from "../tests/helpers/seed-decisions.js";
import { sampleRequest, SAMPLE_AUTHORITY } from "../tests/helpers/sample-request.js";

const DECISIONS = Number(process.env["BENCH_REPORT_DECISIONS"] ?? 100_000);
const TARGET_SECONDS = 1;
const RUNS = 5;
const PASSPHRASE = "bench passphrase for the transparency report";
const work = resolve("bench/.work/report");
const REASONS = { legality: "The order rests on Art 5.", necessity: "Only these data show who holds the account.", minimization: "Traffic data is not needed." };

async function decidedTemplates(session: Session): Promise<void> {
  const issuer = generateMinisignKeyPair(session.runtime.ids.randomBytes);
  addAuthorityKey(session, { authorityId: SAMPLE_AUTHORITY.id, name: SAMPLE_AUTHORITY.name, country: SAMPLE_AUTHORITY.country, minisignPublicKey: encodePublicKey(issuer) });
  const recipient = describeIdentity(session).ageRecipients[0] ?? "";
  const plans: readonly { id: string; notMet: readonly string[]; outcome: "authorised" | "refused" | "authorised-with-modifications"; strike: boolean; execution: "complied" | "not-complied" | null }[] = [
    { id: "T-AUTHORISED", notMet: [], outcome: "authorised", strike: false, execution: "complied" },
    { id: "T-REFUSED", notMet: ["L1"], outcome: "refused", strike: false, execution: null },
    { id: "T-MODIFIED", notMet: [], outcome: "authorised-with-modifications", strike: true, execution: null },
    { id: "T-NOT-COMPLIED", notMet: [], outcome: "authorised", strike: false, execution: "not-complied" },
   ];
  for (const plan of plans) {
    const document = new TextEncoder().encode(JSON.stringify(sampleRequest({ id: plan.id })));
    const sealed = await sealBundle({ bundleType: "request", documentBytes: document, identifier: { authority: SAMPLE_AUTHORITY.id, id: plan.id, revision: 1 }, sourceOrganization: SAMPLE_AUTHORITY.name, attachments: [], signer: issuer, recipients: [recipient], armor: false, now: new Date() });
    const chunks: Uint8Array[] = [];
    for await (const chunk of sealed) chunks.push(chunk);
    const file = join(work, `${plan.id}.sealed`);
    writeFileSync(file, Buffer.concat(chunks));
    const outcome = await importBundleFile(session, file);
    if (outcome.status !== "imported") throw new Error(`bench template ${plan.id}: ${JSON.stringify(outcome)}`);
    const ref = { authority: outcome.authority, id: outcome.id, revision: outcome.revision };
    declareIndependence(session, { ...ref, conflict: false });
    for (const item of getReview(session, ref).unanswered) setAnswer(session, { ...ref, item, answer: plan.notMet.includes(item) ? "not-met" : "met", ...(plan.notMet.includes(item) ? { note: "Not shown." } : {}) });
    if (plan.strike) changeScope(session, { ...ref, change: { op: "strike-category", category: "traffic" } });
    const decision = decide(session, { ...ref, outcome: plan.outcome, reasons: REASONS });
    if (plan.execution === "complied") recordExecution(session, { target: { decision: decision.id }, outcome: "complied", producedAt: new Date().toISOString() });
    if (plan.execution === "not-complied") recordExecution(session, { target: { decision: decision.id }, outcome: "not-complied", ground: "no-data" });
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

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const storeDir = join(work, "store");
  const setup = initializeStore(storeDir, PASSPHRASE, { reviewerName: "Bench", office: "Bench Office" }, systemRuntime);
  await decidedTemplates(setup);
  setup.store.close();
  process.stdout.write(`seeding ${DECISIONS.toLocaleString("en")} decided cases…\n`);
  const seeded = timed(() => seedDecisions(storeDir, PASSPHRASE, DECISIONS));
  process.stdout.write(`  ${(seeded.value.copies + seeded.value.templates).toLocaleString("en")} cases in ${seeded.seconds.toFixed(1)} s\n`);

  const session = openSession(storeDir, PASSPHRASE, systemRuntime);
  try {
    const args = { from: "2000-01-01", to: "2099-12-31" };
    const first = timed(() => transparencyReport(session, args));
    const runs = Array.from({ length: RUNS }, () => timed(() => transparencyReport(session, args)));
    const counted = first.value.tables.find((table) => table.id === "outcomes")?.totals?.cells[0]?.value ?? 0;
    const decided = first.value.times.find((table) => table.id === "receipt-to-decision")?.rows[0]?.cases.value ?? 0;
    if (decided !== DECISIONS) throw new Error(`the report counted ${decided} decisions, not ${DECISIONS}`);
    const csv = await timedAsync(() => reportBytes(first.value, "csv", "Bench Office"));
    const json = await timedAsync(() => reportBytes(first.value, "json", "Bench Office"));
    const pdf = await timedAsync(() => reportBytes(first.value, "pdf", "Bench Office"));
    const typical = median(runs.map((run) => run.seconds));
    const typicalCpu = median(runs.map((run) => run.cpuSeconds));
    const verdict = (seconds: number) => (seconds < TARGET_SECONDS ? "meets" : "MISSES");
    const perSecond = (seconds: number) => `${Math.round(DECISIONS / seconds).toLocaleString("en")} decisions/s`;
    process.stdout.write(
      [
        "",
        `transparency report over ${DECISIONS.toLocaleString("en")} decisions (${counted.toLocaleString("en")} cases; target: under ${TARGET_SECONDS} s)`,
        `  first (cold cache):   ${first.seconds.toFixed(3)} s, ${perSecond(first.seconds)}: ${verdict(first.seconds)} the target (${first.cpuSeconds.toFixed(3)} s of CPU)`,
        `  median of ${RUNS}:        ${typical.toFixed(3)} s, ${perSecond(typical)}: ${verdict(typical)} the target (${typicalCpu.toFixed(3)} s of CPU, ${perSecond(typicalCpu)} per CPU second)`,
        `  written as CSV in ${csv.seconds.toFixed(3)} s (${csv.value.length.toLocaleString("en")} bytes), JSON in ${json.seconds.toFixed(3)} s, PDF in ${pdf.seconds.toFixed(3)} s (${pdf.value.length.toLocaleString("en")} bytes, before signing)`,
        "",
      ].join("\n"),
    );
  } finally {
    session.store.close();
  }
  if (!process.env["BENCH_KEEP"]) rmSync(work, { recursive: true, force: true });
}

await main();
