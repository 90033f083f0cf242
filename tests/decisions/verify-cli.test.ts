// `counterseal verify` as a real process: exit 0 only when every file verified, 1 when any did
// not (naming the check that failed), 2 for usage errors; keys from --pubkey or from the store.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeVerificationCopy } from "../../electron/core/decisions/export-copy.js";
import { signDocument } from "../../electron/core/decisions/sign-document.js";
import type { CopyReport } from "../../electron/core/decisions/verify-copy.js";
import { expectExit, jsonLines, runCli } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { openTestOffice, STORE_PASSPHRASE } from "../helpers/office.js";
import { exampleDecision } from "./examples.js";
import { FIXTURES } from "./fixture-files.js";
import { signerOf } from "./support.js";

let dir: string;
const copy = (name: string): string => join(dir, "copies", name);
const reviewerPub = (): string => copy("reviewer.pub");
const colleaguePub = (): string => copy("colleague.pub");

beforeAll(() => {
  dir = suiteTempFolder("verify-cli").dir;
  cpSync(FIXTURES, join(dir, "copies"), { recursive: true });
});

let folders = 0;

/** A fresh folder holding one fixture copy, with `change` applied to its files. */
function tampered(id: string, change: (files: { json: Buffer; minisig: Buffer }) => { json: Buffer; minisig: Buffer }): string {
  const folder = join(dir, `tampered-${++folders}`);
  mkdirSync(folder);
  const changed = change({ json: readFileSync(copy(`${id}.json`)), minisig: readFileSync(copy(`${id}.json.minisig`)) });
  writeFileSync(join(folder, `${id}.json`), changed.json);
  writeFileSync(join(folder, `${id}.json.minisig`), changed.minisig);
  return join(folder, `${id}.json`);
}

const flip = (bytes: Buffer, index: number): Buffer => {
  const out = Buffer.from(bytes);
  out[index] = (out[index] ?? 0) ^ 0x01;
  return out;
};

const failedChecks = (report: CopyReport): string[] => report.checks.filter((check) => !check.ok).map((check) => check.check);

describe("counterseal verify --pubkey", () => {
  it("verifies copies of every kind, reporting signature, key id, trusted comment, digest and countersignatures", async () => {
    const files = ["D-2026-0001.json", "D-2026-0002.json", "CS-D-2026-0002-1.json", "GR-2026-0001.json"].map(copy);
    const result = await runCli(["verify", "--json", "--pubkey", reviewerPub(), "--pubkey", colleaguePub(), ...files]);
    expectExit(result, 0);
    const reports = jsonLines(result.stdout) as CopyReport[];
    expect(reports.map((report) => [report.kind, report.id, report.ok])).toEqual([
      ["decision", "D-2026-0001", true],
      ["decision", "D-2026-0002", true],
      ["countersignature", "CS-D-2026-0002-1", true],
      ["grievance-response", "GR-2026-0001", true],
    ]);
    const [first, refusal] = reports;
    expect(refusal?.status).toBe("final");
    expect(first?.trustedComment).toBe(`counterseal decision D-2026-0001 sha256:${first?.digest ?? ""}`);
    expect(first?.keyId).toMatch(/^[0-9A-F]+$/);
    expect(refusal?.countersignaturesRequired).toBe(true);
    expect(refusal?.countersignatures).toEqual([expect.objectContaining({ id: "CS-D-2026-0002-1", verdict: "signed", digestMatches: true, verified: true })]);
  });

  it("prints what was verified in words, and a .pdf or .minisig stands for its JSON, counted once", async () => {
    const result = await runCli(["verify", "--pubkey", reviewerPub(), copy("D-2026-0001.json"), copy("D-2026-0001.pdf"), copy("D-2026-0001.json.minisig")]);
    expectExit(result, 0);
    expect(result.stdout.match(/: verified$/gm)).toHaveLength(1);
    expect(result.stdout).toContain("(decision D-2026-0001): verified");
    expect(result.stdout).toContain("ok     signature: the signature of the JSON file's bytes and the signature of its trusted comment verify");
    expect(result.stdout).toContain("ok     trusted-comment: the trusted comment names decision D-2026-0001");
    expect(result.stdout).toContain("countersignatures: not required");
  });

  it("fails, naming the signature and the digest, when a byte of the JSON changed", async () => {
    const file = tampered("D-2026-0001", ({ json, minisig }) => ({ json: flip(json, 100), minisig }));
    const result = await runCli(["verify", "--json", "--pubkey", reviewerPub(), file]);
    expectExit(result, 1);
    const [report] = jsonLines(result.stdout) as CopyReport[];
    expect(report && failedChecks(report)).toEqual(expect.arrayContaining(["signature", "digest"]));
    const human = await runCli(["verify", "--pubkey", reviewerPub(), file]);
    expectExit(human, 1);
    expect(human.stdout).toContain("(decision D-2026-0001): FAILED");
    expect(human.stdout).toMatch(/FAILED digest: the trusted comment names sha256:[0-9a-f]{64}, but these bytes have sha256:[0-9a-f]{64}/);
  });

  it("fails, naming the signature, when a byte of the .minisig's signature changed", async () => {
    const file = tampered("D-2026-0001", ({ json, minisig }) => {
      const secondLine = minisig.indexOf(0x0a) + 1;
      // The 40th base64 character lies inside the Ed25519 signature, past the algorithm and key id.
      const index = secondLine + 40;
      const out = Buffer.from(minisig);
      out[index] = out[index] === 0x41 ? 0x42 : 0x41;
      return { json, minisig: out };
    });
    const result = await runCli(["verify", "--json", "--pubkey", reviewerPub(), file]);
    expectExit(result, 1);
    const [report] = jsonLines(result.stdout) as CopyReport[];
    expect(report && failedChecks(report)).toEqual(["signature"]);
  });

  it("fails, saying the trusted comment was changed, when its text changed", async () => {
    const file = tampered("D-2026-0001", ({ json, minisig }) => ({ json, minisig: Buffer.from(minisig.toString("utf8").replace("\ntrusted comment: counterseal decision D-2026-0001", "\ntrusted comment: counterseal decision D-2026-0003"), "utf8") }));
    const result = await runCli(["verify", "--pubkey", reviewerPub(), file]);
    expectExit(result, 1);
    expect(result.stdout).toContain("FAILED signature: the trusted comment was changed after signing: its signature does not verify");
    expect(result.stdout).toContain("FAILED trusted-comment: the trusted comment names D-2026-0003, not D-2026-0001");
  });

  it("fails a copy signed by another key than the one given, naming the key", async () => {
    const result = await runCli(["verify", "--pubkey", colleaguePub(), copy("D-2026-0001.json")]);
    expectExit(result, 1);
    expect(result.stdout).toMatch(/FAILED key: signed by key [0-9A-F]+, which is not among the keys given/);
  });

  it("fails a file that does not exist, one that is no verification copy and one that cannot be read, verifying the rest", async () => {
    mkdirSync(join(dir, "folder.json"));
    writeFileSync(join(dir, "huge.json"), Buffer.alloc(1024 * 1024 + 1, 0x20));
    const result = await runCli(["verify", "--json", "--pubkey", reviewerPub(), copy("D-2026-0001.json"), copy("nothing.json"), copy("README.md"), join(dir, "folder.json"), join(dir, "huge.json")]);
    expectExit(result, 1);
    const reports = jsonLines(result.stdout) as { ok: boolean; type: string; detail?: string }[];
    expect(reports.map((report) => [report.type, report.ok])).toEqual([
      ["verification-copy", true],
      ["unverifiable", false],
      ["unverifiable", false],
      ["unverifiable", false],
      ["unverifiable", false],
    ]);
    expect(reports[1]?.detail).toBe(`${copy("nothing.json")} does not exist`);
    expect(reports[2]?.detail).toBe("not a verification copy (<id>.json, <id>.json.minisig or <id>.pdf)");
    expect(reports[3]?.detail).toContain("cannot be read (EISDIR)");
    expect(reports[4]?.detail).toBe(`${join(dir, "huge.json")} is larger than the 1048576 bytes a document may have`);
  });

  it("exits 2 for a --pubkey that is no minisign key", async () => {
    const result = await runCli(["verify", "--pubkey", "not a key", copy("D-2026-0001.json")]);
    expectExit(result, 2);
    expect(result.stderr).toContain("--pubkey not a key:");
  });
});

describe("counterseal verify with the store's keys", () => {
  it("needs --pubkey when there is no store", async () => {
    const result = await runCli(["--store", join(dir, "no-store"), "verify", copy("D-2026-0001.json")]);
    expectExit(result, 2);
    expect(result.stderr).toContain(`no --pubkey given and no store at ${join(dir, "no-store")}`);
  });

  it("verifies a copy the store's reviewer signed, and fails one signed by a key the store does not know", async () => {
    const office = openTestOffice();
    const { key, signer, publicKeyLine } = signerOf(office);
    const out = join(dir, "store-export");
    mkdirSync(out);
    const paths = await writeVerificationCopy(out, signDocument("decision", exampleDecision(signer), key), { publicKeyLine });
    office.session.store.close();
    const env = { COUNTERSEAL_PASSPHRASE: STORE_PASSPHRASE };
    const own = await runCli(["--store", office.storeDir, "verify", paths.json], { env });
    expectExit(own, 0);
    expect(own.stdout).toContain(`ok     key: signed by key ${signer.keyId}`);
    const foreign = await runCli(["--store", office.storeDir, "verify", copy("D-2026-0001.json")], { env });
    expectExit(foreign, 1);
    expect(foreign.stdout).toContain(`which is not among the keys given (${signer.keyId})`);
  });
});
