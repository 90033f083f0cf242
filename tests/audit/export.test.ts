// The content-free audit export of a 1,000-entry chain: intact, it verifies with our verifier,
// with stock minisign and with the Python program of docs/audit-export.md; flipping a byte,
// deleting, reordering, truncating and splicing rows are each detected and named.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportAudit } from "../../electron/core/audit/export-audit.js";
import { checkChain, verifyAuditExport } from "../../electron/core/audit/export-verify.js";
import { encodePublicKeyFile, generateMinisignKeyPair, type MinisignPublicKey } from "../../electron/core/crypto/minisign.js";
import { updateSettings } from "../../electron/core/settings/settings-service.js";
import { auditRowHash } from "../../electron/core/store/index.js";
import { REPO_ROOT } from "../helpers/builds.js";
import { openTestOffice } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { fileTempFolder } from "../helpers/temp.js";

const ENTRIES = 1000;
const work = fileTempFolder("audit-export");

interface Exported {
  bytes: Buffer;
  signature: string;
  key: MinisignPublicKey;
  lines: string[];
}

/** A store whose chain, with the export's own entry, is `entries` long, exported. */
function exportedChain(name: string, entries: number, seed: string): Exported {
  const office = openTestOffice(testRuntime(undefined, seed));
  const { session } = office;
  const start = session.store.audit.auditHead().seq;
  session.store.transaction(() => {
    for (let i = start; i < entries - 1; i += 1) {
      office.runtime.advance(1000);
      updateSettings(session, { idleLockMinutes: 1 + (i % 50) });
    }
  });
  const file = join(work, name);
  const result = exportAudit(session, file);
  const reviewer = session.store.reviewer.getReviewer();
  session.store.close();
  if (reviewer === undefined) throw new Error("no reviewer");
  expect(result.header.count).toBe(entries);
  const bytes = readFileSync(file);
  return { bytes, signature: readFileSync(`${file}.minisig`, "utf8"), key: { keyId: reviewer.keyId, publicKey: reviewer.publicKey }, lines: bytes.toString("utf8").split("\n").slice(0, -1) };
}

const fileOf = (lines: readonly string[]): Buffer => Buffer.from(lines.map((line) => `${line}\n`).join(""), "utf8");
const rowLine = (seq: number): number => seq; // line index (0-based) of row seq: the header is line 0

let ours: Exported;
let theirs: Exported;

beforeAll(() => {
  ours = exportedChain("audit.jsonl", ENTRIES, "export-ours");
  theirs = exportedChain("other.jsonl", 40, "export-theirs");
}, 60_000);

describe("an intact export", () => {
  it("holds a header and 1,000 rows of exactly the hashed fields, no details, ending with its own export entry", () => {
    expect(ours.lines).toHaveLength(ENTRIES + 1);
    const header = JSON.parse(ours.lines[0] ?? "") as Record<string, unknown>;
    expect(header).toEqual({ format: "counterseal.audit-export/1", exportedAt: expect.stringMatching(/Z$/), signer: expect.stringMatching(/^[0-9A-F]+$/), count: ENTRIES, headSeq: ENTRIES, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const rows = ours.lines.slice(1).map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row)).toEqual(["action", "actor", "at", "detailsDigest", "objectId", "objectType", "prevHash", "rowHash", "seq"]);
    expect(rows.map((row) => row["action"]).slice(0, 4)).toEqual(["store.created", "reviewer.created", "age-identity.added", "authority-key.added"]);
    expect(rows.at(-1)).toMatchObject({ action: "audit.exported", objectType: "audit-log", seq: ENTRIES, rowHash: header["headHash"] });
    // Nothing of the details: no names, no settings values, no labels.
    const text = ours.bytes.toString("utf8");
    for (const secret of ["Test Reviewer", "Test Office", "idleLockMinutes", "label", "recipient", "age1"]) expect(text).not.toContain(secret);
  });

  it("verifies: signature by the reviewer's key, chain intact to the head", () => {
    const check = verifyAuditExport(ours.bytes, ours.signature, ours.key);
    expect(check).toEqual({
      ok: true,
      signature: { ok: true, keyId: expect.any(String), trustedComment: expect.stringMatching(new RegExp(`^counterseal audit-export seq ${ENTRIES} head [0-9a-f]{64}$`)) },
      chain: { ok: true, count: ENTRIES, headSeq: ENTRIES, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it("verifies with the stock minisign binary (minisign -Vm FILE -p KEY), which refuses a changed byte", () => {
    const file = join(work, "audit.jsonl");
    const pub = join(work, "reviewer.pub");
    writeFileSync(pub, encodePublicKeyFile(ours.key));
    const stdout = execFileSync("minisign", ["-Vm", file, "-p", pub], { encoding: "utf8" });
    expect(stdout).toContain(`Trusted comment: counterseal audit-export seq ${ENTRIES} head `);
    const changed = join(work, "changed.jsonl");
    const bytes = Buffer.from(ours.bytes);
    bytes[200] = (bytes[200] ?? 0) ^ 0x01;
    writeFileSync(changed, bytes);
    writeFileSync(`${changed}.minisig`, ours.signature);
    expect(spawnSync("minisign", ["-Vm", changed, "-p", pub]).status).not.toBe(0);
  });

  it("verifies with the Python program of docs/audit-export.md, which names a broken row", () => {
    const page = readFileSync(join(REPO_ROOT, "docs/audit-export.md"), "utf8");
    const program = join(work, "verify_export.py");
    writeFileSync(program, page.match(/```python verify_export\.py\n([\s\S]*?)```/)?.[1] ?? "missing");
    const intact = spawnSync("python3", [program, join(work, "audit.jsonl")], { encoding: "utf8" });
    expect(intact.stderr).toBe("");
    expect(intact.stdout).toBe(`intact: ${ENTRIES} rows, head ${String((JSON.parse(ours.lines[0] ?? "") as { headHash: string }).headHash)}\n`);
    const lines = [...ours.lines];
    lines.splice(rowLine(400), 1);
    writeFileSync(join(work, "deleted.jsonl"), fileOf(lines));
    const broken = spawnSync("python3", [program, join(work, "deleted.jsonl")], { encoding: "utf8" });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toBe("broken at row 400 (line 401)\n");
  });
});

describe("every change to the export is detected and named", () => {
  const expectBroken = (bytes: Buffer, seq: number, reason: RegExp) => {
    const check = verifyAuditExport(bytes, ours.signature, ours.key);
    expect(check.ok).toBe(false);
    expect(check.signature).toEqual({ ok: false, reason: "the signature does not match the file" });
    expect(check.chain).toEqual({ ok: false, seq, line: expect.any(Number), reason: expect.stringMatching(reason) });
  };

  it("a flipped byte in a row's time, in its row hash, in its action, and a bit that breaks UTF-8", () => {
    const flip = (seq: number, at: (line: string) => number, mask: number): Buffer => {
      const line = Buffer.from(ours.lines[rowLine(seq)] ?? "", "utf8");
      const offset = at(line.toString("utf8"));
      line[offset] = (line[offset] ?? 0) ^ mask;
      return Buffer.concat([fileOf(ours.lines.slice(0, rowLine(seq))), line, Buffer.from("\n"), fileOf(ours.lines.slice(rowLine(seq) + 1))]);
    };
    expectBroken(flip(500, (line) => line.indexOf('"at":') + 6, 0x01), 500, /^row 500 \(line 501\): its rowHash does not match its contents$/);
    expectBroken(flip(300, (line) => line.indexOf('"rowHash":"') + 12, 0x01), 300, /^row 300 \(line 301\): its rowHash does not match its contents$/);
    expectBroken(flip(77, (line) => line.indexOf("settings.changed") + 2, 0x01), 77, /^row 77 \(line 78\): its rowHash does not match/);
    expectBroken(flip(640, (line) => line.indexOf("settings") + 1, 0x80), 640, /^line 641 is not valid UTF-8$/);
    expectBroken(flip(12, (line) => line.indexOf("{"), 0x01), 12, /^line 13 is not JSON$/);
  });

  it("a deleted row", () => {
    const lines = [...ours.lines];
    lines.splice(rowLine(400), 1);
    expectBroken(fileOf(lines), 400, /^row 400 is missing: line 401 holds row 401$/);
  });

  it("two rows swapped, and a row moved far away", () => {
    const swapped = [...ours.lines];
    [swapped[rowLine(600)], swapped[rowLine(601)]] = [swapped[rowLine(601)] ?? "", swapped[rowLine(600)] ?? ""];
    expectBroken(fileOf(swapped), 600, /^rows out of order: line 601 holds row 601 where row 600 belongs \(row 600 is at line 602\)$/);
    const moved = [...ours.lines];
    const [row] = moved.splice(rowLine(100), 1);
    moved.splice(rowLine(900), 0, row ?? "");
    expectBroken(fileOf(moved), 100, /^rows out of order: line 101 holds row 101 where row 100 belongs \(row 100 is at line 901\)$/);
  });

  it("the end cut off, by rows and mid-line", () => {
    expectBroken(fileOf(ours.lines.slice(0, -10)), 991, /^the rows end at row 990, but the header names 1000 rows: rows 991 to 1000 are missing \(cut short\)$/);
    expectBroken(ours.bytes.subarray(0, ours.bytes.length - 25), 1000, /^line 1001 does not end in a newline: the file was cut short$/);
  });

  it("rows spliced in from another chain, a row repeated, and a forged row with its own hash recomputed", () => {
    const spliced = [...ours.lines];
    spliced.splice(rowLine(10), 11, ...theirs.lines.slice(rowLine(10), rowLine(21)));
    expectBroken(fileOf(spliced), 10, /^row 10 \(line 11\) does not link to the row before: its prevHash is not row 9's rowHash$/);

    const repeated = [...ours.lines];
    repeated.splice(rowLine(201), 0, repeated[rowLine(200)] ?? "");
    expectBroken(fileOf(repeated), 201, /^row 200 appears again at line 202, where row 201 belongs$/);

    const forged = [...ours.lines];
    const row = JSON.parse(forged[rowLine(700)] ?? "") as Parameters<typeof auditRowHash>[0] & { rowHash: string };
    const altered = { ...row, detailsDigest: "0".repeat(64) };
    forged[rowLine(700)] = JSON.stringify({ ...altered, rowHash: auditRowHash(altered) });
    expectBroken(fileOf(forged), 701, /^row 701 \(line 702\) does not link to the row before: its prevHash is not row 700's rowHash$/);

    // Both stores began alike (row 1 is the same), so their second rows both link to it: the
    // break shows at the first row that links to the stranger's.
    const second = [...ours.lines];
    second.splice(rowLine(2), 1, theirs.lines[rowLine(2)] ?? "");
    expect(checkChain(fileOf(second))).toMatchObject({ ok: false, seq: 3, line: 4, reason: expect.stringMatching(/^row 3 \(line 4\) does not link/) });
  });

  it("a consistent rewrite from some row on, header and all, passes the chain but not the signature", () => {
    const rows = ours.lines.slice(1).map((line) => JSON.parse(line) as Parameters<typeof auditRowHash>[0] & { rowHash: string });
    let prevHash = rows[rowLine(699) - 1]?.rowHash ?? "";
    const rewritten = rows.map((row) => {
      if (row.seq < 700) return row;
      const fields = { ...row, prevHash, objectId: row.seq === 700 ? "forged" : row.objectId };
      prevHash = auditRowHash(fields);
      return { ...fields, rowHash: prevHash };
    });
    const header = { ...(JSON.parse(ours.lines[0] ?? "") as object), headHash: prevHash };
    const file = fileOf([JSON.stringify(header), ...rewritten.map((row) => JSON.stringify(row))]);
    const check = verifyAuditExport(file, ours.signature, ours.key);
    expect(check.chain.ok).toBe(true);
    expect(check.ok).toBe(false);
    expect(check.signature).toEqual({ ok: false, reason: "the signature does not match the file" });
    // A key other than the reviewer's is refused by its id.
    const stranger = generateMinisignKeyPair(testRuntime(undefined, "stranger").ids.randomBytes);
    expect(verifyAuditExport(ours.bytes, ours.signature, stranger).signature).toMatchObject({ ok: false, reason: expect.stringMatching(/^the signature was made by key [0-9A-F]+, not by key/) });
  });
});
