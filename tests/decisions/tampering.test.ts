// Changing any byte of a verification copy makes verifyCopy fail and name what failed: every
// byte of the JSON, every byte of the .minisig's signed lines (its first line, the untrusted
// comment, is by minisign's design not signed), and the trusted comment's text.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair, signPrehashed, type MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { writeVerificationCopy, type VerificationCopyPaths } from "../../electron/core/decisions/export-copy.js";
import { signDocument, trustedCommentFor } from "../../electron/core/decisions/sign-document.js";
import { verifyCopy, type CopyCheck, type CopyReport } from "../../electron/core/decisions/verify-copy.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { testRuntime } from "../helpers/runtime.js";
import { exampleDecision } from "./examples.js";
import { stockVerify } from "./support.js";

let key: MinisignKeyPair;
let paths: VerificationCopyPaths;
let json: Buffer;
let minisig: Buffer;
let scratch: string;

beforeAll(async () => {
  const { dir } = suiteTempFolder("tampering");
  key = generateMinisignKeyPair(testRuntime(undefined, "tampering").ids.randomBytes);
  const signed = signDocument("decision", exampleDecision({ name: "Anna Müller", office: "Test Office", keyId: formatKeyId(key.keyId) }), key);
  mkdirSync(join(dir, "copy"));
  paths = await writeVerificationCopy(join(dir, "copy"), signed, { publicKeyLine: encodePublicKey(key) });
  json = readFileSync(paths.json);
  minisig = readFileSync(paths.signature);
  scratch = join(dir, "scratch");
  mkdirSync(scratch);
});

/** Writes a copy with these bytes under the real file names and verifies it. */
function verifyVariant(jsonBytes: Uint8Array, signatureBytes: Uint8Array): CopyReport {
  writeFileSync(join(scratch, "D-2026-0001.json"), jsonBytes);
  writeFileSync(join(scratch, "D-2026-0001.json.minisig"), signatureBytes);
  return verifyCopy(join(scratch, "D-2026-0001.json"), [key], { listCountersignatures: false });
}

const failed = (report: CopyReport): CopyCheck[] => report.checks.filter((check) => !check.ok).map((check) => check.check);

const flipped = (bytes: Buffer, index: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
};

describe("a changed verification copy", () => {
  it("verifies unchanged", () => {
    expect(failed(verifyVariant(json, minisig))).toEqual([]);
  });

  it("fails the signature and the digest for a change of any byte of the JSON", () => {
    // Every byte costs a verification; every 7th byte and the last show it across the file.
    const indexes = [...Array.from({ length: Math.ceil(json.length / 7) }, (_, i) => i * 7), json.length - 1];
    for (const index of indexes) {
      const report = verifyVariant(flipped(json, index), minisig);
      expect(report.ok, `byte ${index}`).toBe(false);
      expect(failed(report), `byte ${index}`).toEqual(expect.arrayContaining(["signature", "digest"]));
    }
  });

  it("fails for a change of any byte of the signature's signed lines, naming the signature file or the signature", () => {
    const firstLineEnd = minisig.indexOf(0x0a);
    for (let index = firstLineEnd; index < minisig.length; index++) {
      const report = verifyVariant(json, flipped(minisig, index));
      expect(report.ok, `byte ${index}`).toBe(false);
      const names = failed(report);
      expect(names.some((name) => ["signature-file", "key", "signature"].includes(name)), `byte ${index}: ${names.join(", ")}`).toBe(true);
    }
  });

  it("says the trusted comment was changed, and the stock minisign refuses it too", () => {
    const text = minisig.toString("utf8");
    const digest = verifyVariant(json, minisig).digest;
    const original = trustedCommentFor("decision", "D-2026-0001", digest);
    const variants = [trustedCommentFor("decision", "D-2026-0009", digest), trustedCommentFor("decision", "D-2026-0001", "0".repeat(64)), `${original} `];
    for (const comment of variants) {
      const changed = Buffer.from(text.replace(original, comment), "utf8");
      const report = verifyVariant(json, changed);
      expect(report.checks.find((check) => check.check === "signature")).toMatchObject({ ok: false, detail: "the trusted comment was changed after signing: its signature does not verify" });
      expect(stockVerify(join(scratch, "D-2026-0001.json"), encodePublicKey(key)).status).not.toBe(0);
    }
  });

  it("still verifies with a changed untrusted comment, which minisign does not sign either", () => {
    const changed = Buffer.from(minisig.toString("utf8").replace(/^untrusted comment: .*$/m, "untrusted comment: anything at all"), "utf8");
    expect(failed(verifyVariant(json, changed))).toEqual([]);
    expect(stockVerify(join(scratch, "D-2026-0001.json"), encodePublicKey(key)).status).toBe(0);
  });

  it("names a signature by a key that was not given, and a missing signature file", () => {
    const other = generateMinisignKeyPair(testRuntime(undefined, "other").ids.randomBytes);
    writeFileSync(join(scratch, "D-2026-0001.json"), json);
    writeFileSync(join(scratch, "D-2026-0001.json.minisig"), minisig);
    const report = verifyCopy(join(scratch, "D-2026-0001.json"), [other]);
    expect(report.checks.find((check) => check.check === "key")).toMatchObject({ ok: false, detail: `signed by key ${formatKeyId(key.keyId)}, which is not among the keys given (${formatKeyId(other.keyId)})` });
    const lone = join(scratch, "lone");
    mkdirSync(lone);
    writeFileSync(join(lone, "D-2026-0001.json"), json);
    expect(verifyCopy(join(lone, "D-2026-0001.json"), [key]).checks[0]).toMatchObject({ check: "signature-file", ok: false, detail: "D-2026-0001.json.minisig is missing beside the JSON file" });
  });

  it("names bytes that are signed but not canonical, and a document that breaks its schema", () => {
    const pretty = Buffer.from(`${JSON.stringify(JSON.parse(json.toString("utf8")), null, 2)}\n`, "utf8");
    const digest = (bytes: Buffer): string => verifyVariant(bytes, minisig).digest;
    // Signed as the office would sign them, so that only the canonical form and the schema are at fault.
    const resign = (bytes: Buffer): Buffer => Buffer.from(signPrehashed(bytes, key, trustedCommentFor("decision", "D-2026-0001", digest(bytes))), "utf8");
    const notCanonical = verifyVariant(pretty, resign(pretty));
    expect(failed(notCanonical)).toEqual(["canonical-json"]);
    const value = JSON.parse(json.toString("utf8")) as Record<string, unknown>;
    const broken = Buffer.from(canonicalJsonBytes({ ...value, reasons: {} }));
    const invalid = verifyVariant(broken, resign(broken));
    expect(failed(invalid)).toEqual(["schema", "reviewer-key"]);
    expect(invalid.checks.find((check) => check.check === "reviewer-key")?.detail).toBe("not checked: an earlier check failed");
    expect(invalid.checks.find((check) => check.check === "schema")?.detail).toContain("$.reasons.legality: a reason is required");
  });
});
