// `counterseal import [--json] FILE…`, `counterseal requests --json` and `counterseal show`, fed
// with bundles made by tar, age and minisign alone.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cliOk,
  expectExit,
  identityOf,
  importJson,
  initStore,
  jsonLines,
  pdfLikeBytes,
  runCli,
  sha256Hex,
  stockRequestBundle,
  type RequestSummaryJson,
} from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { stockAgeKeygen, stockMinisignKeygen, type StockMinisignKey } from "../helpers/stock-tools.js";

const IMPORTED_FIELDS = ["authority", "file", "id", "revision", "status"];
const REFUSED_FIELDS = ["code", "file", "message", "status"];

const keyIdOf = (key: StockMinisignKey): string => Buffer.from(key.publicKeyLine, "base64").readBigUInt64LE(2).toString(16).toUpperCase();

describe.concurrent("counterseal import (tests share one store and run side by side)", () => {
  const temp = suiteTempFolder("cli-import");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  let recipient = "";
  let issuer: StockMinisignKey;
  let bundles = 0;
  /** A stock-made bundle of sampleRequest(overrides), signed by `key` (default: the trusted issuer). */
  const bundle = (overrides: Record<string, unknown>, options: { key?: StockMinisignKey; to?: string[]; armor?: boolean; name?: string; sign?: boolean } = {}) => {
    const out = join(temp.dir, options.name ?? `bundle-${++bundles}.sealed`);
    stockRequestBundle({
      workDir: temp.dir,
      document: sampleRequest(overrides),
      key: options.key ?? issuer,
      recipients: options.to ?? [recipient],
      out,
      ...(options.armor !== undefined && { armor: options.armor }),
      ...(options.sign !== undefined && { sign: options.sign }),
    });
    return out;
  };
  const trust = (authority: string, key: StockMinisignKey, ...more: string[]) =>
    cliOk([...store, "trust", "add", "--authority", authority, "--name", `Authority ${authority}`, "--country", "NL", "--minisign-key", key.publicKeyFile, ...more]);
  const requests = async () => jsonLines((await cliOk([...store, "requests", "--json"])).stdout) as RequestSummaryJson[];

  beforeAll(async () => {
    await initStore(storeDir);
    recipient = (await identityOf(storeDir)).ageRecipients[0] ?? "";
    issuer = stockMinisignKeygen(temp.dir, "issuer");
    await trust(SAMPLE_AUTHORITY.id, issuer);
  });
  afterAll(() => temp.remove());

  it("--json prints one line per file; the same bundle again, or re-armored, is a duplicate", async () => {
    const file = bundle({ id: "DUP-1" }, { name: "dup.sealed" });
    const first = await importJson(storeDir, [file]);
    expectExit(first.result, 0);
    expect(first.result.stdout.split("\n")).toHaveLength(2);
    expect(first.lines).toEqual([{ file, status: "imported", authority: SAMPLE_AUTHORITY.id, id: "DUP-1", revision: 1 }]);
    expect(Object.keys(first.lines[0] ?? {}).sort()).toEqual(IMPORTED_FIELDS);

    const again = await importJson(storeDir, [file, file]);
    expectExit(again.result, 0);
    expect(again.lines).toEqual([
      { file, status: "duplicate", authority: SAMPLE_AUTHORITY.id, id: "DUP-1", revision: 1 },
      { file, status: "duplicate", authority: SAMPLE_AUTHORITY.id, id: "DUP-1", revision: 1 },
    ]);
    expect((await requests()).filter((request) => request.id === "DUP-1")).toHaveLength(1);
  });

  it("exits 1 when any file is refused, still importing the others, one line each in order", async () => {
    const first = bundle({ id: "BATCH-1" });
    const second = bundle({ id: "BATCH-2" }, { name: "bündel zwei.sealed" });
    const garbage = join(temp.dir, "not-a-bundle.sealed");
    writeFileSync(garbage, "this is not an age file\n");
    const missing = join(temp.dir, "no-such-file.sealed");

    // "file" is the argument exactly as given, here relative to the working directory.
    const { result, lines } = await importJson(storeDir, [first, garbage, "bündel zwei.sealed", missing], { cwd: temp.dir });
    expect(join(temp.dir, "bündel zwei.sealed")).toBe(second);
    expectExit(result, 1);
    expect(lines.map((line) => [line.file, line.status, line.code])).toEqual([
      [first, "imported", undefined],
      [garbage, "refused", "age-invalid"],
      ["bündel zwei.sealed", "imported", undefined],
      [missing, "refused", "age-invalid"],
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(line.status === "refused" ? REFUSED_FIELDS : IMPORTED_FIELDS);
      if (line.status === "refused") expect(line.message).toMatch(/\S/);
    }
    expect(lines[3]?.message).toContain(missing);
    const ids = (await requests()).map((request) => request.id);
    expect(ids).toContain("BATCH-1");
    expect(ids).toContain("BATCH-2");
  });

  it("refuses a folder, a FIFO and a device unread, with the reason, and imports the bundles beside them", async () => {
    const folder = join(temp.dir, "a-folder.sealed");
    mkdirSync(folder);
    const fifo = join(temp.dir, "a-pipe.sealed");
    execFileSync("mkfifo", [fifo]);
    const good = bundle({ id: "BESIDE-PIPES" });
    const { result, lines } = await importJson(storeDir, [folder, fifo, "/dev/zero", good]);
    expectExit(result, 1);
    expect(lines.map((line) => [line.file, line.status, line.code])).toEqual([
      [folder, "refused", "age-invalid"],
      [fifo, "refused", "age-invalid"],
      ["/dev/zero", "refused", "age-invalid"],
      [good, "imported", undefined],
    ]);
    expect(lines.map((line) => line.message)).toEqual([
      `${folder} is a folder, not a regular file: nothing was read from it`,
      `${fifo} is a pipe (FIFO), not a regular file: nothing was read from it`,
      "/dev/zero is a device, not a regular file: nothing was read from it",
      undefined,
    ]);
  });

  it("refuses untrusted, revoked, mismatched, out-of-window, unsigned and conflicting bundles with their codes", async () => {
    const [stranger, revoked, other, expired, future] = ["stranger", "revoked", "other", "expired", "future"].map((name) => stockMinisignKeygen(temp.dir, name));
    if (!stranger || !revoked || !other || !expired || !future) throw new Error("keys");
    const original = bundle({ id: "CONFLICT-1" });
    const [conflicting] = await Promise.all([
      importJson(storeDir, [original]),
      trust(SAMPLE_AUTHORITY.id, revoked).then(() => cliOk([...store, "trust", "revoke", keyIdOf(revoked)])),
      trust("de-other-authority", other),
      trust(SAMPLE_AUTHORITY.id, expired, "--valid-until", "2020-12-31"),
      trust(SAMPLE_AUTHORITY.id, future, "--valid-from", "2099-01-01"),
    ]);
    expect(conflicting.lines[0]?.status).toBe("imported");
    const officeCannotOpen = stockAgeKeygen(temp.dir, "not-the-office").recipient;

    const cases: [string, string][] = [
      [bundle({ id: "REF-UNKNOWN" }, { key: stranger }), "signer-unknown"],
      [bundle({ id: "REF-REVOKED" }, { key: revoked }), "signer-revoked"],
      [bundle({ id: "REF-MISMATCH" }, { key: other }), "signer-mismatch"],
      [bundle({ id: "REF-EXPIRED" }, { key: expired }), "signer-revoked"],
      [bundle({ id: "REF-FUTURE" }, { key: future }), "signer-revoked"],
      [bundle({ id: "REF-UNSIGNED" }, { sign: false }), "signature-missing"],
      [bundle({ id: "REF-STRANGER" }, { to: [officeCannotOpen] }), "age-no-identity"],
      [bundle({ id: "CONFLICT-1", facts: "The same id and revision, other content." }), "bundle-conflict"],
    ];
    const { result, lines } = await importJson(storeDir, cases.map(([file]) => file));
    expectExit(result, 1);
    expect(lines.map((line) => [line.file, line.status, line.code])).toEqual(cases.map(([file, code]) => [file, "refused", code]));
    for (const line of lines) expect(line.message).toMatch(/\S/);
    const stored = await requests();
    expect(stored.filter((request) => request.id.startsWith("REF-"))).toEqual([]);
    expect(stored.filter((request) => request.id === "CONFLICT-1")).toEqual([
      expect.objectContaining({ revision: 1, revisionCount: 1, status: "received" }),
    ]);
    const shown = await cliOk([...store, "show", `${SAMPLE_AUTHORITY.id}/CONFLICT-1`, "--json"]);
    expect((JSON.parse(shown.stdout) as { document: { facts: string } }).document.facts).toBe(sampleRequest()["facts"]);
  });

  it("a higher revision is stored beside the first; show picks the latest or the one asked for", async () => {
    const pdf = pdfLikeBytes("import-revision");
    const attachments = [{ path: "attachments/order.pdf", title: "Signed order", mediaType: "application/pdf" }];
    const one = join(temp.dir, "rev-1.sealed");
    const two = join(temp.dir, "rev-2.sealed");
    const document1 = sampleRequest({ id: "REV-1", revision: 1 });
    const document2 = sampleRequest({ id: "REV-1", revision: 2, urgency: { level: "expedited", reason: "A deadline moved" }, attachments });
    stockRequestBundle({ workDir: temp.dir, document: document1, key: issuer, recipients: [recipient], out: one });
    stockRequestBundle({ workDir: temp.dir, document: document2, key: issuer, recipients: [recipient], out: two, attachments: [{ name: "order.pdf", bytes: pdf }] });
    const imported = await importJson(storeDir, [one, two]);
    expectExit(imported.result, 0);
    expect(imported.lines.map((line) => line.revision)).toEqual([1, 2]);

    const [latest, first, unknown, malformed] = await Promise.all([
      runCli([...store, "show", `${SAMPLE_AUTHORITY.id}/REV-1`, "--json"]),
      runCli([...store, "show", `${SAMPLE_AUTHORITY.id}/REV-1/1`, "--json"]),
      runCli([...store, "show", `${SAMPLE_AUTHORITY.id}/REV-1/3`, "--json"]),
      runCli([...store, "show", "no-slash-here", "--json"]),
    ]);
    expectExit(latest, 0);
    expectExit(first, 0);
    const view2 = JSON.parse(latest.stdout) as Record<string, unknown>;
    const view1 = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(view2).toMatchObject({ authority: SAMPLE_AUTHORITY.id, id: "REV-1", revision: 2, instrument: "eu-production-order", urgency: "expedited" });
    expect(view2["document"]).toEqual(document2);
    expect(view2["attachments"]).toEqual([{ ...attachments[0], size: pdf.length, sha256: sha256Hex(pdf) }]);
    expect(view2["provenance"]).toMatchObject({ signerKeyId: keyIdOf(issuer), sourceOrganization: SAMPLE_AUTHORITY.name });
    expect((view2["revisions"] as { revision: number }[]).map((revision) => revision.revision).sort()).toEqual([1, 2]);
    expect(view1).toMatchObject({ revision: 1, urgency: "routine" });
    expect(view1["document"]).toEqual(document1);
    expect(view1["attachments"]).toEqual([]);
    expectExit(unknown, 2);
    expect(unknown.stderr).toContain(`${SAMPLE_AUTHORITY.id}/REV-1/3`);
    expectExit(malformed, 2);
  });

  it("requests --json prints one object per stored revision with authority, id, revision, instrument, urgency, receivedAt", async () => {
    const urgency = { level: "emergency", reason: "Threat to life", respondBy: "2026-11-21T12:00:00+01:00" };
    const files = [bundle({ id: "LIST-1", instrument: "mlat", urgency }), bundle({ id: "LIST-1", revision: 2, instrument: "mlat", urgency })];
    const started = Date.now();
    expectExit((await importJson(storeDir, files)).result, 0);
    const lines = await requests();
    const names = lines.map((line) => `${line.authority}/${line.id}/${line.revision}`);
    expect(new Set(names).size).toBe(names.length);
    for (const line of lines) {
      expect(line).toMatchObject({
        authority: expect.any(String),
        id: expect.any(String),
        revision: expect.any(Number),
        instrument: expect.any(String),
        urgency: expect.stringMatching(/^(routine|expedited|emergency)$/),
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      });
    }
    const mine = lines.filter((line) => line.id === "LIST-1").sort((a, b) => a.revision - b.revision);
    expect(mine).toEqual([1, 2].map((revision) => expect.objectContaining({ authority: SAMPLE_AUTHORITY.id, id: "LIST-1", revision, instrument: "mlat", urgency: "emergency" })));
    for (const line of mine) {
      expect(Date.parse(line.receivedAt)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(line.receivedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  // A reader that closes stdout early (`counterseal requests --json | head -1`; here `trust list
  // --json`, which always prints) has had enough: no stack trace, and not exit 1 ("refused").
  it("a reader closing stdout early does not crash the CLI", async () => {
    const result = await runCli([...store, "trust", "list", "--json"], { closeStdout: true });
    expect(result.stderr).not.toMatch(/Unhandled 'error' event|EPIPE|\n\s+at /);
    expectExit(result, 0);
  });
});

