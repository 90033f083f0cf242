// `npm run bench`: Counterseal's import against the stock pipeline, same machine, same run, same
// files. Prints rates, peak RSS and ratios against the targets. Not a test: numbers vary by machine.
//
//   stock, per bundle:  age -d -i KEY F | tar -x ; minisign -V -H ; sha256sum -c (both manifests)
//   ours:               counterseal import F… (one process, every layer verified, stored encrypted)
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
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
import { startUpSeconds, storeRowsSecondsPerBundle, storeWriteSeconds } from "./floors.js";

const SMALL_COUNT = Number(process.env["BENCH_SMALL_COUNT"] ?? 1000);
const SMALL_ATTACHMENT = 20 * 1024;
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

function requestDocument(index: number, attachment: string): Uint8Array {
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
    attachments: [{ path: `attachments/${attachment}`, title: "Attachment", mediaType: "application/octet-stream" }],
  };
  return new TextEncoder().encode(JSON.stringify(document));
}

async function sealTo(file: string, index: number, attachment: { name: string; size: number; open: () => AsyncIterable<Uint8Array> }, signer: MinisignKeyPair, recipient: string) {
  const sealed = await sealBundle({
    bundleType: "request",
    documentBytes: requestDocument(index, attachment.name),
    identifier: { authority: AUTHORITY.id, id: `BENCH-${String(index).padStart(6, "0")}`, revision: 1 },
    sourceOrganization: AUTHORITY.name,
    attachments: [attachment],
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

const ratio = (ours: number, stock: number): string => `${(ours / stock).toFixed(1)}×`;
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
    await sealTo(file, i, { name: "evidence.bin", size: bytes.byteLength, open: async function* () { yield bytes; } }, signer, recipient);
    smallFiles.push(file);
  }
  const smallBytes = smallFiles.reduce((sum, file) => sum + statSync(file).size, 0);

  process.stdout.write(`sealing one bundle with a ${LARGE_ATTACHMENT / 1024 / 1024} MiB attachment…\n`);
  const payload = join(work, "large.bin");
  await pipeline(
    Readable.from((function* () { for (let left = LARGE_ATTACHMENT; left > 0; left -= 1 << 24) yield randomBytes(Math.min(left, 1 << 24)); })()),
    createWriteStream(payload),
  );
  const largeFile = join(work, "large.sealed");
  await sealTo(largeFile, 0, { name: "extraction.bin", size: LARGE_ATTACHMENT, open: () => createReadStream(payload, { highWaterMark: 1 << 20 }) }, signer, recipient);
  rmSync(payload);
  const largeBytes = statSync(largeFile).size;

  process.stdout.write("running the stock pipeline and counterseal import…\n");
  const stockSmall = measure("bash", ["-c", stockScript(identityFile, publicKeyFile, join(work, "stock-small")), "bench", ...smallFiles]);
  rmSync(join(work, "stock-small"), { recursive: true, force: true });
  const oursSmall = measure(process.execPath, [cli, "--store", prepareOffice("store-small", identity, signer), "import", ...smallFiles], env);
  const stockLarge = measure("bash", ["-c", stockScript(identityFile, publicKeyFile, join(work, "stock-large")), "bench", largeFile]);
  rmSync(join(work, "stock-large"), { recursive: true, force: true });
  const oursLarge = measure(process.execPath, [cli, "--store", prepareOffice("store-large", identity, signer), "import", largeFile], env);

  process.stdout.write("measuring the floors: start-up alone, storing rows alone, store writes alone…\n");
  const startUp = startUpSeconds(cli, prepareOffice("store-empty", identity, signer), env);
  const rowsPerBundle = await storeRowsSecondsPerBundle(join(work, "store-rows"), PASSPHRASE, SMALL_COUNT, (session) => trustBenchAuthority(session, signer), (index) => ({
    authorityId: AUTHORITY.id,
    documentId: `BENCH-${String(index).padStart(6, "0")}`,
    document: new TextDecoder().decode(requestDocument(index, "evidence.bin")),
    attachmentPath: "attachments/evidence.bin",
    attachmentBytes: SMALL_ATTACHMENT,
  }));
  const storeAlone = await storeWriteSeconds(join(work, "store-writes"), PASSPHRASE, LARGE_ATTACHMENT);
  // At 50× the stock rate the whole small run may take stock/50 seconds; start-up comes first.
  const budgetPerBundle = (stockSmall.seconds / 50 - startUp) / SMALL_COUNT;
  const stockLargeRate = mb(largeBytes) / stockLarge.seconds;
  const storeAloneRate = mb(LARGE_ATTACHMENT) / storeAlone;

  const rows = [
    ["", "stock pipeline", "counterseal import", "ratio", "target"],
    [`${SMALL_COUNT} small bundles, bundles/s`, (SMALL_COUNT / stockSmall.seconds).toFixed(0), (SMALL_COUNT / oursSmall.seconds).toFixed(0), ratio(stockSmall.seconds, oursSmall.seconds), "≥ 50×"],
    ["small bundles, MB/s", (mb(smallBytes) / stockSmall.seconds).toFixed(1), (mb(smallBytes) / oursSmall.seconds).toFixed(1), "", ""],
    ["small bundles, peak RSS", rss(stockSmall), rss(oursSmall), "", "< 256 MB"],
    [`1 bundle of ${(mb(largeBytes) / 1000).toFixed(2)} GB, MB/s`, (mb(largeBytes) / stockLarge.seconds).toFixed(0), (mb(largeBytes) / oursLarge.seconds).toFixed(0), ratio(stockLarge.seconds, oursLarge.seconds), "≥ 1.0×"],
    ["large bundle, peak RSS", rss(stockLarge), rss(oursLarge), "", "< 256 MB"],
    [],
    ["floors (parts every import pays)", "", "", "", ""],
    ["start-up and unlock, s", "", startUp.toFixed(2), "", `≤ ${(stockSmall.seconds / 50).toFixed(2)} for all`],
    ["small: time per bundle after it, ms", milliseconds(stockSmall.seconds / SMALL_COUNT), milliseconds((oursSmall.seconds - startUp) / SMALL_COUNT), "", budgetPerBundle > 0 ? `≤ ${milliseconds(budgetPerBundle)}` : "none left"],
    ["small: storing the rows alone, ms", "", milliseconds(rowsPerBundle), "", budgetPerBundle > 0 ? `≤ ${milliseconds(budgetPerBundle)}` : "none left"],
    ["store writes alone, MB/s", stockLargeRate.toFixed(0), storeAloneRate.toFixed(0), `${(storeAloneRate / stockLargeRate).toFixed(1)}×`, "≥ 1.0×"],
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  process.stdout.write(`\n${rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ")).join("\n")}\n`);
  process.stdout.write(`\n(stock ${stockSmall.seconds.toFixed(2)} s vs ours ${oursSmall.seconds.toFixed(2)} s for small; ${stockLarge.seconds.toFixed(2)} s vs ${oursLarge.seconds.toFixed(2)} s for large. Ours includes process start-up and the store's key derivation.)\n`);
  process.stdout.write(
    "(Floors: \"start-up and unlock\" is `counterseal requests --json` on an empty store. \"Storing the rows alone\" stores each small bundle's blob, request, search, category and audit rows in batches as an import does, in-process, with nothing opened or verified. \"Store writes alone\" writes the large attachment's bytes into a fresh store as an import does — WAL, commit, checkpoint, fsyncs — with nothing decrypted, parsed or hashed; the stock pipeline never fsyncs.)\n",
  );
  if (process.env["BENCH_KEEP"]) process.stdout.write(`kept the sealed files and stores in ${work} (BENCH_KEEP)\n`);
  else rmSync(work, { recursive: true, force: true });
}

await main();
