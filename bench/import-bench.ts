// `npm run bench`: Counterseal's import against the stock pipeline and against the crypto floor,
// same machine, same run, same files. Prints rates, peak RSS and ratios against the targets. Not
// a test: numbers vary by machine.
//
//   stock, per bundle:  age -d -i KEY F | tar -x ; minisign -V -H ; sha256sum -c (both manifests)
//   ours, cold:         counterseal import F… (one process: start-up, unlock, every layer verified, kept encrypted)
//   ours, resident:     the same import in a process that unlocked the store once (as the app does)
//   floor:              floors.ts (the primitives every import must run, and nothing else)
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sealBundle } from "../electron/core/bundles/seal-bundle.js";
import { encodePublicKeyFile, generateMinisignKeyPair, type MinisignKeyPair } from "../electron/core/crypto/minisign.js";
import { ageRecipientOf, generateAgeIdentity } from "../electron/core/crypto/age.js";
import { addAgeIdentities } from "../electron/core/identity/identity-service.js";
import { initializeStore } from "../electron/core/session/create-store.js";
import { systemRuntime } from "../electron/core/runtime.js";
import type { Session } from "../electron/core/session/session.js";
import { addAuthorityKey } from "../electron/core/keyring/keyring-service.js";
import { importBundleFiles } from "../electron/core/bundles/import-bundle.js";
import { readAttachmentInline, saveAttachment } from "../electron/core/requests/attachments-service.js";
import { openSession } from "../electron/core/session/session.js";
import { largeFloorSeconds, smallFloorSecondsPerBundle, startUpSeconds } from "./floors.js";

const SMALL_COUNT = Number(process.env["BENCH_SMALL_COUNT"] ?? 1000);
const SMALL_ATTACHMENT = 20 * 1024;
/** Small bundles a resident import takes first, untimed (a running app has imported before). */
const WARM_UP_COUNT = 100;
const LARGE_ATTACHMENT = Number(process.env["BENCH_LARGE_MB"] ?? 1024) * 1024 * 1024;
const PASSPHRASE = "bench passphrase";
const AUTHORITY = { id: "bench-authority", name: "Bench Prosecution Service", country: "NL" };
const work = resolve("bench/.work");
const cli = resolve("dist/electron/cli/main.js");

interface Measured {
  seconds: number;
  peakRssMb: number | undefined;
}

function requireTools(): void {
  for (const tool of ["age", "minisign", "tar", "sha256sum"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) throw new Error(`the bench needs ${tool} (Debian package)`);
  }
}

const hasGnuTime = (): boolean => existsSync("/usr/bin/time");

/** Runs a command, measuring wall time and (with GNU time) the peak resident set of the process tree's largest process. */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Measured {
  const started = process.hrtime.bigint();
  if (!hasGnuTime()) {
    execFileSync(command, args, { env, stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 30 });
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb: undefined };
  }
  const result = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { env, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  const kb = Number(result.stderr.trim().split("\n").pop());
  return { seconds, peakRssMb: kb / 1024 };
}

function requestDocument(index: number, attachments: readonly string[]): Uint8Array {
  const document = {
    schema: "counterseal.request/1",
    id: `BENCH-${String(index).padStart(6, "0")}`,
    revision: 1,
    submittedAt: "2026-11-20T09:00:00+01:00",
    instrument: "eu-production-order",
    urgency: { level: "routine" },
    issuingAuthority: { ...AUTHORITY, kind: "judge" },
    provider: { name: "Northwind Mail Ltd", country: "IE" },
    legalBasis: [{ citation: "Regulation (EU) 2023/1543, Art. 5" }],
    offences: [{ description: "Computer fraud", maxPenaltyMonths: 48 }],
    targets: [{ kind: "email", value: `user${index}@example.com`, role: "suspect" }],
    dataCategories: ["subscriber"],
    facts: "Benchmark request.",
    necessity: "Benchmark request.",
    proportionality: "Benchmark request.",
    attachments: attachments.map((name) => ({ path: `attachments/${name}`, title: name, mediaType: "application/octet-stream" })),
  };
  return new TextEncoder().encode(JSON.stringify(document));
}

type BenchAttachment = { name: string; size: number; open: () => AsyncIterable<Uint8Array> };

async function sealTo(file: string, index: number, attachments: BenchAttachment[], signer: MinisignKeyPair, recipient: string) {
  const sealed = await sealBundle({
    bundleType: "request",
    documentBytes: requestDocument(index, attachments.map((attachment) => attachment.name)),
    identifier: { authority: AUTHORITY.id, id: `BENCH-${String(index).padStart(6, "0")}`, revision: 1 },
    sourceOrganization: AUTHORITY.name,
    attachments,
    signer,
    recipients: [recipient],
    armor: false,
    now: new Date(),
  });
  await pipeline(Readable.from(sealed), createWriteStream(file));
}

/** Adds the bench authority's signing key to the store's keyring; returns its key id. */
function trustBenchAuthority(session: Session, signer: MinisignKeyPair): Uint8Array {
  addAuthorityKey(session, { authorityId: AUTHORITY.id, name: AUTHORITY.name, country: AUTHORITY.country, minisignPublicKey: encodePublicKeyFile(signer) });
  return signer.keyId;
}

function prepareOffice(name: string, identity: string, signer: MinisignKeyPair): string {
  const storeDir = join(work, name);
  const session = initializeStore(storeDir, PASSPHRASE, { reviewerName: "Bench", office: "Bench Office" }, systemRuntime);
  try {
    addAgeIdentities(session, identity, "bench");
    trustBenchAuthority(session, signer);
  } finally {
    session.store.close();
  }
  return storeDir;
}

/** The stock pipeline over many files, as one shell loop (no per-file Node start-up). */
function stockScript(identityFile: string, publicKeyFile: string, outDir: string): string {
  return `set -e
i=0
for f in "$@"; do
  i=$((i+1)); d="${outDir}/$i"; mkdir -p "$d"
  age -d -i "${identityFile}" "$f" | tar -x -C "$d"
  b="$d/$(ls "$d")"
  minisign -V -H -q -p "${publicKeyFile}" -m "$b/tagmanifest-sha256.txt"
  (cd "$b" && sha256sum -c --quiet --strict tagmanifest-sha256.txt && sha256sum -c --quiet --strict manifest-sha256.txt)
done`;
}

/**
 * `import-bench.js --resident STORE WARM FILE…`: imports in a process that unlocks the store
 * first, untimed, as the app does, and imports the first WARM files untimed; prints the seconds
 * of importing the rest (and of closing, its checkpoint) and the import's peak RSS.
 */
async function residentImport(storeDir: string, warmUp: number, all: readonly string[]): Promise<void> {
  const session = openSession(storeDir, PASSPHRASE, systemRuntime);
  // A running app has imported before: the first bundles, untimed, let V8 optimise the hot paths.
  await importBundleFiles(session, all.slice(0, warmUp));
  const files = all.slice(warmUp);
  // The unlock's Argon2id (192 MiB) has peaked by now; on Linux the peak is reset here, so that
  // the import's own peak can be read at the end (the process's whole peak is GNU time's).
  const resettable = resetPeakRss();
  const started = process.hrtime.bigint();
  const outcomes = await importBundleFiles(session, files);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const refused = outcomes.filter((outcome) => outcome.status !== "imported");
  if (refused.length > 0) throw new Error(`resident import: ${JSON.stringify(refused[0])}`);
  const closing = process.hrtime.bigint();
  session.store.close();
  const importPeakMb = resettable ? peakRssMb() : null;
  process.stdout.write(`${JSON.stringify({ seconds, closeSeconds: Number(process.hrtime.bigint() - closing) / 1e9, importPeakMb })}\n`);
}

function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

const peakRssMb = (): number | null => {
  const line = readFileSync("/proc/self/status", "utf8").split("\n").find((text) => text.startsWith("VmHWM:"));
  return line === undefined ? null : Number(line.replace(/\D+/g, "")) / 1024;
};

/** Runs the resident import in a child (its own peak RSS), returning its timings. */
function measureResident(
  storeDir: string,
  warmUp: readonly string[],
  files: readonly string[],
  env: NodeJS.ProcessEnv,
): Measured & { importSeconds: number; closeSeconds: number; importPeakMb: number | null } {
  const args = [process.argv[1] ?? "", "--resident", storeDir, String(warmUp.length), ...warmUp, ...files];
  const started = process.hrtime.bigint();
  const result = hasGnuTime()
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { env, encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { env, encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`resident import failed: ${result.stderr}`);
  const timing = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as { seconds: number; closeSeconds: number; importPeakMb: number | null };
  const kb = hasGnuTime() ? Number(result.stderr.trim().split("\n").pop()) : Number.NaN;
  return {
    seconds,
    peakRssMb: Number.isNaN(kb) ? undefined : kb / 1024,
    importSeconds: timing.seconds,
    closeSeconds: timing.closeSeconds,
    importPeakMb: timing.importPeakMb,
  };
}

/**
 * `import-bench.js --save-attachment STORE OUT`: saves the large bundle's 1 GiB attachment from
 * the store to OUT, as the app's Save does; prints the seconds and the save's own peak RSS.
 */
async function saveLargeAttachment(storeDir: string, out: string): Promise<void> {
  const session = openSession(storeDir, PASSPHRASE, systemRuntime);
  const resettable = resetPeakRss();
  const started = process.hrtime.bigint();
  const ref = { authority: AUTHORITY.id, id: "BENCH-000000", revision: 1, path: "attachments/extraction.bin" };
  const saved = await saveAttachment(session, ref, { path: out, replaceExisting: false });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  session.store.close();
  process.stdout.write(`${JSON.stringify({ seconds, bytes: saved.bytes, peakMb: resettable ? peakRssMb() : null })}\n`);
}

function measureSave(storeDir: string, out: string, env: NodeJS.ProcessEnv): { seconds: number; bytes: number; peakMb: number | null } {
  const result = spawnSync(process.execPath, [process.argv[1] ?? "", "--save-attachment", storeDir, out], { env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`saving the attachment failed: ${result.stderr}`);
  rmSync(out, { force: true });
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as { seconds: number; bytes: number; peakMb: number | null };
}

/** Milliseconds to open a 20 KB attachment of the stored large bundle: the first time, and the median of five more. */
function attachmentOpenMs(storeDir: string): { first: number; median: number } {
  const session = openSession(storeDir, PASSPHRASE, systemRuntime);
  try {
    const ref = { authority: AUTHORITY.id, id: "BENCH-000000", revision: 1, path: "attachments/small.bin" };
    const once = (): number => {
      const started = process.hrtime.bigint();
      const content = readAttachmentInline(session, ref);
      if (content.size !== SMALL_ATTACHMENT) throw new Error("attachment size");
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const first = once();
    const more = [once(), once(), once(), once(), once()].sort((a, b) => a - b);
    return { first, median: more[2] ?? Number.NaN };
  } finally {
    session.store.close();
  }
}

const ratio = (ours: number, stock: number): string => `${(ours / stock).toFixed(1)}×`;
const importPeak = (m: { importPeakMb: number | null }): string => (m.importPeakMb === null ? "n/a (Linux only)" : `${m.importPeakMb.toFixed(0)} MB`);
const milliseconds = (seconds: number): string => (seconds * 1000).toFixed(2);
const mb = (bytes: number): number => bytes / 1e6;
const rss = (m: Measured): string => (m.peakRssMb === undefined ? "n/a (install GNU time)" : `${m.peakRssMb.toFixed(0)} MB`);

async function main(): Promise<void> {
  requireTools();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, "small"), { recursive: true });
  const identity = generateAgeIdentity();
  const recipient = ageRecipientOf(identity);
  const signer = generateMinisignKeyPair((n) => new Uint8Array(randomBytes(n)));
  const identityFile = join(work, "office.agekey");
  const publicKeyFile = join(work, "issuer.pub");
  writeFileSync(identityFile, `${identity}\n`);
  writeFileSync(publicKeyFile, encodePublicKeyFile(signer));
  const env = { ...process.env, COUNTERSEAL_PASSPHRASE: PASSPHRASE };

  process.stdout.write(`sealing ${SMALL_COUNT} small bundles (${SMALL_ATTACHMENT / 1024} KiB attachment each)…\n`);
  const smallFiles: string[] = [];
  for (let i = 0; i < SMALL_COUNT; i++) {
    const bytes = new Uint8Array(randomBytes(SMALL_ATTACHMENT));
    const file = join(work, "small", `b${i}.sealed`);
    await sealTo(file, i, [{ name: "evidence.bin", size: bytes.byteLength, open: async function* () { yield bytes; } }], signer, recipient);
    smallFiles.push(file);
  }
  const smallBytes = smallFiles.reduce((sum, file) => sum + statSync(file).size, 0);
  const warmFiles: string[] = [];
  for (let i = 0; i < WARM_UP_COUNT; i++) {
    const bytes = new Uint8Array(randomBytes(SMALL_ATTACHMENT));
    const file = join(work, "small", `warm${i}.sealed`);
    await sealTo(file, SMALL_COUNT + i, [{ name: "evidence.bin", size: bytes.byteLength, open: async function* () { yield bytes; } }], signer, recipient);
    warmFiles.push(file);
  }

  process.stdout.write(`sealing one bundle with a ${LARGE_ATTACHMENT / 1024 / 1024} MiB attachment and a ${SMALL_ATTACHMENT / 1024} KiB one after it…\n`);
  const payload = join(work, "large.bin");
  await pipeline(
    Readable.from((function* () { for (let left = LARGE_ATTACHMENT; left > 0; left -= 1 << 24) yield randomBytes(Math.min(left, 1 << 24)); })()),
    createWriteStream(payload),
  );
  const largeFile = join(work, "large.sealed");
  const note = new Uint8Array(randomBytes(SMALL_ATTACHMENT));
  await sealTo(
    largeFile,
    0,
    [
      { name: "extraction.bin", size: LARGE_ATTACHMENT, open: () => createReadStream(payload, { highWaterMark: 1 << 20 }) },
      { name: "small.bin", size: note.byteLength, open: async function* () { yield note; } },
    ],
    signer,
    recipient,
  );
  rmSync(payload);
  const largeBytes = statSync(largeFile).size;

  process.stdout.write("running the stock pipeline, counterseal import (cold, then resident) and the floors…\n");
  const stockSmall = measure("bash", ["-c", stockScript(identityFile, publicKeyFile, join(work, "stock-small")), "bench", ...smallFiles]);
  rmSync(join(work, "stock-small"), { recursive: true, force: true });
  const oursSmall = measure(process.execPath, [cli, "--store", prepareOffice("store-small", identity, signer), "import", ...smallFiles], env);
  const residentSmall = measureResident(prepareOffice("store-small-resident", identity, signer), warmFiles, smallFiles, env);
  const stockLarge = measure("bash", ["-c", stockScript(identityFile, publicKeyFile, join(work, "stock-large")), "bench", largeFile]);
  rmSync(join(work, "stock-large"), { recursive: true, force: true });
  const largeStore = prepareOffice("store-large", identity, signer);
  const oursLarge = measure(process.execPath, [cli, "--store", largeStore, "import", largeFile], env);
  const residentLarge = measureResident(prepareOffice("store-large-resident", identity, signer), warmFiles.slice(0, 20), [largeFile], env);
  const opening = attachmentOpenMs(largeStore);
  const saving = measureSave(largeStore, join(work, "saved-extraction.bin"), env);

  const startUp = startUpSeconds(cli, prepareOffice("store-empty", identity, signer), env);
  await smallFloorSecondsPerBundle(warmFiles, identity); // warmed up like the resident import
  const smallFloor = await smallFloorSecondsPerBundle(smallFiles, identity);
  const largeFloor = await largeFloorSeconds(largeFile, identity, join(work, "floor-copy.sealed"));
  rmSync(join(work, "floor-copy.sealed"), { force: true });

  const perBundle = (seconds: number) => seconds / SMALL_COUNT;
  const stockLargeRate = mb(largeBytes) / stockLarge.seconds;
  const rate = (seconds: number) => (mb(largeBytes) / seconds).toFixed(0);
  const rows = [
    ["", "stock pipeline", "counterseal", "vs stock", "vs floor", "target"],
    [`${SMALL_COUNT} small bundles, cold CLI, bundles/s`, (SMALL_COUNT / stockSmall.seconds).toFixed(0), (SMALL_COUNT / oursSmall.seconds).toFixed(0), ratio(stockSmall.seconds, oursSmall.seconds), "", ""],
    [`${SMALL_COUNT} small bundles, resident, bundles/s`, "", (SMALL_COUNT / residentSmall.importSeconds).toFixed(0), ratio(stockSmall.seconds, residentSmall.importSeconds), "", ""],
    ["small: resident import per bundle, ms", milliseconds(perBundle(stockSmall.seconds)), milliseconds(perBundle(residentSmall.importSeconds)), "", ratio(perBundle(residentSmall.importSeconds), smallFloor), "≤ 3× floor"],
    ["small: crypto floor per bundle, ms", "", milliseconds(smallFloor), "", "1.0×", ""],
    ["small bundles, MB/s (cold CLI)", (mb(smallBytes) / stockSmall.seconds).toFixed(1), (mb(smallBytes) / oursSmall.seconds).toFixed(1), "", "", ""],
    ["small bundles, peak RSS (cold / resident)", rss(stockSmall), `${rss(oursSmall)} / ${rss(residentSmall)}`, "", "", "< 256 MB"],
    ["  of which the import itself (after unlock)", "", importPeak(residentSmall), "", "", "< 256 MB"],
    [`1 bundle of ${(mb(largeBytes) / 1000).toFixed(2)} GB, cold CLI, MB/s`, stockLargeRate.toFixed(0), rate(oursLarge.seconds), ratio(stockLarge.seconds, oursLarge.seconds), ratio(largeFloor, oursLarge.seconds), "≥ 2× stock"],
    ["1 bundle, resident, MB/s", "", rate(residentLarge.importSeconds), ratio(stockLarge.seconds, residentLarge.importSeconds), ratio(largeFloor, residentLarge.importSeconds), "≥ 2× stock"],
    ["1 bundle, floor (read, decrypt, hash, write + fsync), MB/s", "", rate(largeFloor), ratio(stockLarge.seconds, largeFloor), "1.0×", ""],
    ["large bundle, peak RSS (cold / resident)", rss(stockLarge), `${rss(oursLarge)} / ${rss(residentLarge)}`, "", "", "< 256 MB"],
    ["  of which the import itself (after unlock)", "", importPeak(residentLarge), "", "", "< 256 MB"],
    ["20 KB attachment of the stored 1 GiB bundle, ms", "", `${opening.first.toFixed(1)} (then ${opening.median.toFixed(1)})`, "", "", "< 50 ms"],
    [`saving its ${(LARGE_ATTACHMENT / 2 ** 20).toFixed(0)} MiB attachment to a file, MB/s`, "", (mb(saving.bytes) / saving.seconds).toFixed(0), "", "", ""],
    ["  peak RSS of the save (after unlock)", "", saving.peakMb === null ? "n/a (Linux only)" : `${saving.peakMb.toFixed(0)} MB`, "", "", "bounded"],
    ["start-up and unlock (CLI), s", "", startUp.toFixed(2), "", "", ""],
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  process.stdout.write(`\n${rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")).join("\n")}\n`);
  process.stdout.write(
    `\n(stock ${stockSmall.seconds.toFixed(2)} s; cold CLI ${oursSmall.seconds.toFixed(2)} s; resident ${residentSmall.importSeconds.toFixed(2)} s + ${residentSmall.closeSeconds.toFixed(2)} s closing, for small. ` +
      `Stock ${stockLarge.seconds.toFixed(2)} s; cold CLI ${oursLarge.seconds.toFixed(2)} s; resident ${residentLarge.importSeconds.toFixed(2)} s + ${residentLarge.closeSeconds.toFixed(2)} s closing; floor ${largeFloor.toFixed(2)} s, for large. ` +
      "The cold CLI includes process start-up and the store's key derivation; the resident import excludes the unlock, as in the app.)\n",
  );
  process.stdout.write(
    "(Floor per small bundle: read the file, SHA-256 of it, one X25519 and the stanza's unwrap, every payload chunk decrypted and the plaintext hashed, two Ed25519 verifications. The large floor does the same for the 1 GiB bundle and writes its sealed bytes once, with an fsync. The stock pipeline never fsyncs.)\n",
  );
  if (process.env["BENCH_KEEP"]) process.stdout.write(`kept the sealed files and stores in ${work} (BENCH_KEEP)\n`);
  else rmSync(work, { recursive: true, force: true });
}

if (process.argv[2] === "--resident") await residentImport(process.argv[3] ?? "", Number(process.argv[4]), process.argv.slice(5));
else if (process.argv[2] === "--save-attachment") await saveLargeAttachment(process.argv[3] ?? "", process.argv[4] ?? "");
else await main();
