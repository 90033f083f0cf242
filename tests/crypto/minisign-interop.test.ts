// Interop with the real `minisign` (0.11) in both directions: keys, signatures, key ids.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  MinisignPasswordError,
  MinisignVerifyError,
  encodePublicKey,
  encodePublicKeyFile,
  encodeSecretKeyFile,
  formatKeyId,
  generateMinisignKeyPair,
  parseKeyId,
  parsePublicKey,
  parseSecretKeyFile,
  secretKeyNeedsPassword,
  signPrehashed,
  verifySignature,
} from "../../electron/core/crypto/minisign.js";
import type { MinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { runProgram } from "./support.js";
import { seededRandom } from "../helpers/runtime.js";
import { suiteTempFolder } from "../helpers/temp.js";

const temp = suiteTempFolder("minisign-interop");
afterAll(() => temp.remove());
const path = (name: string): string => join(temp.dir, name);
const message = new TextEncoder().encode("BagIt manifest bytes\n".repeat(100));
writeFileSync(path("message.txt"), message);

/** `minisign -V`, prehashed signatures only (-H), as sealed-bundle-v1 requires. */
function minisignVerifies(signatureText: string, key: { pubFile?: string; base64?: string }): boolean {
  writeFileSync(path("message.txt.minisig"), signatureText);
  const keyArgs = key.pubFile === undefined ? ["-P", key.base64 ?? ""] : ["-p", key.pubFile];
  return runProgram("minisign", ["-V", "-H", "-m", path("message.txt"), ...keyArgs]).status === 0;
}

/** Whether our verifier accepts the signature text; any error other than a refusal is a test failure. */
function oursVerifies(signatureText: string, key: MinisignKeyPair): boolean {
  try {
    verifySignature(message, signatureText, key);
    return true;
  } catch (error) {
    if (!(error instanceof MinisignVerifyError)) throw error;
    return false;
  }
}

describe("our keys and signatures, checked by minisign", () => {
  const keyPair = generateMinisignKeyPair(seededRandom("interop-ours"));
  writeFileSync(path("ours.pub"), encodePublicKeyFile(keyPair));
  const signature = signPrehashed(message, keyPair, "timestamp:1700000000\tfile:message.txt\thashed");

  it("verify with -p PUBFILE and with -P base64, and print our trusted comment", () => {
    writeFileSync(path("message.txt.minisig"), signature);
    const byFile = runProgram("minisign", ["-V", "-H", "-m", path("message.txt"), "-p", path("ours.pub")]);
    expect(byFile.status).toBe(0);
    expect(byFile.stdout).toContain("Trusted comment: timestamp:1700000000\tfile:message.txt\thashed");
    expect(minisignVerifies(signature, { base64: encodePublicKey(keyPair) })).toBe(true);
  });

  it("agree with minisign on every tampered variant", () => {
    const lines = signature.split("\n");
    const flip = (line: string, index: number): string => {
      const bytes = Buffer.from(line, "base64");
      bytes[index] = (bytes[index] ?? 0) ^ 0x01;
      return bytes.toString("base64");
    };
    const variants: Record<string, string> = {
      original: signature,
      "signature bit": [lines[0], flip(lines[1] ?? "", 40), ...lines.slice(2)].join("\n"),
      "key id bit": [lines[0], flip(lines[1] ?? "", 3), ...lines.slice(2)].join("\n"),
      "trusted comment": [lines[0], lines[1], `${lines[2]}x`, ...lines.slice(3)].join("\n"),
      "global signature bit": [...lines.slice(0, 3), flip(lines[3] ?? "", 10), ""].join("\n"),
      "untrusted comment": ["untrusted comment: anything at all", ...lines.slice(1)].join("\n"),
    };
    for (const [name, text] of Object.entries(variants)) {
      expect({ name, ours: oursVerifies(text, keyPair) }).toEqual({ name, ours: minisignVerifies(text, { pubFile: path("ours.pub") }) });
    }
  });

  it("agree with minisign on Ed25519 edge cases that verifiers differ on", () => {
    // RFC 8032's cofactorless check, as OpenSSL runs it, accepts R = identity, S = 0 under the
    // identity point as public key, for any message; libsodium, and so minisign, refuses
    // small-order keys. A signature whose S is not reduced (S + L) is refused by both.
    const identity = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));
    const smallOrder = { ...keyPair, publicKey: identity };
    writeFileSync(path("small-order.pub"), encodePublicKeyFile(smallOrder));
    const forged = Uint8Array.from([...identity, ...new Uint8Array(32)]);
    const signatureLine = (sig: Uint8Array): string => Buffer.from([0x45, 0x44, ...keyPair.keyId, ...sig]).toString("base64");
    const forgedText = `untrusted comment: x\n${signatureLine(forged)}\ntrusted comment: trusted\n${Buffer.from(forged).toString("base64")}\n`;

    const lines = signature.split("\n");
    const sig = Buffer.from(lines[1] ?? "", "base64").subarray(10);
    const unreduced = Uint8Array.from(sig);
    // Adds L = 2^252 + 27742317777372353535851937790883648493 to S (little-endian), keeping it below 2^256.
    const order = Buffer.from("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010", "hex");
    let carry = 0;
    for (let i = 0; i < 32; i++) {
      const sum = (unreduced[32 + i] ?? 0) + (order[i] ?? 0) + carry;
      unreduced[32 + i] = sum & 0xff;
      carry = sum >> 8;
    }
    const unreducedText = [lines[0], signatureLine(unreduced), ...lines.slice(2)].join("\n");

    expect(oursVerifies(forgedText, smallOrder)).toBe(false);
    expect(minisignVerifies(forgedText, { pubFile: path("small-order.pub") })).toBe(false);
    expect(oursVerifies(unreducedText, keyPair)).toBe(false);
    expect(minisignVerifies(unreducedText, { pubFile: path("ours.pub") })).toBe(false);
  });

  it("print key ids the way minisign does, leading zeros included", () => {
    const withId = (pair: MinisignKeyPair, id: string): MinisignKeyPair => ({ ...pair, keyId: parseKeyId(id) });
    const signer = withId(keyPair, "ABC");
    const verifier = withId(generateMinisignKeyPair(seededRandom("interop-verifier")), "0F00000000000001");
    writeFileSync(path("verifier.pub"), encodePublicKeyFile(verifier));
    writeFileSync(path("message.txt.minisig"), signPrehashed(message, signer, "c"));
    const result = runProgram("minisign", ["-V", "-H", "-m", path("message.txt"), "-p", path("verifier.pub")]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`is ${formatKeyId(signer.keyId)}\n`);
    expect(result.stderr).toContain(`public key is ${formatKeyId(verifier.keyId)}\n`);
    expect(formatKeyId(signer.keyId)).toBe("ABC");
  });
});

describe("minisign's keys and signatures, read by us", () => {
  it("an unencrypted key from minisign -G -W loads, signs verifiably, and matches its .pub", () => {
    const generated = runProgram("minisign", ["-G", "-W", "-f", "-p", path("w.pub"), "-s", path("w.key")]);
    expect(generated.status).toBe(0);
    const keyText = readFileSync(path("w.key"), "utf8");
    const pubText = readFileSync(path("w.pub"), "utf8");
    expect(secretKeyNeedsPassword(keyText)).toBe(false);
    const keyPair = parseSecretKeyFile(keyText);
    expect(parsePublicKey(pubText)).toEqual({ keyId: keyPair.keyId, publicKey: keyPair.publicKey });
    expect(encodePublicKeyFile(keyPair)).toBe(pubText);
    expect(pubText.split("\n")[0]).toBe(`untrusted comment: minisign public key ${formatKeyId(keyPair.keyId)}`);
    expect(minisignVerifies(signPrehashed(message, keyPair, "ours"), { pubFile: path("w.pub") })).toBe(true);
  });

  it("a minisign -S signature verifies with ours; a legacy -l one is refused", () => {
    runProgram("minisign", ["-G", "-W", "-f", "-p", path("s.pub"), "-s", path("s.key")]);
    const publicKey = parsePublicKey(readFileSync(path("s.pub"), "utf8"));
    const signed = runProgram("minisign", ["-S", "-s", path("s.key"), "-m", path("message.txt"), "-t", "from minisign"]);
    expect(signed.status).toBe(0);
    expect(verifySignature(message, readFileSync(path("message.txt.minisig"), "utf8"), publicKey).trustedComment).toBe("from minisign");
    runProgram("minisign", ["-S", "-l", "-s", path("s.key"), "-m", path("message.txt")]);
    expect(() => verifySignature(message, readFileSync(path("message.txt.minisig"), "utf8"), publicKey)).toThrow(/legacy/);
  });

  // minisign reads the password from stdin when stdin is not a terminal, so no tty is needed.
  // Each scrypt run at minisign's cost takes ~1 GiB and seconds; wrong passwords are covered
  // with a cheaper KDF in minisign.test.ts.
  it("a password-protected key from minisign -G loads with its password only", { timeout: 120_000 }, () => {
    const generated = runProgram("minisign", ["-G", "-f", "-p", path("p.pub"), "-s", path("p.key")], { input: "s3cret pw\ns3cret pw\n" });
    expect(generated.status).toBe(0);
    const keyText = readFileSync(path("p.key"), "utf8");
    expect(secretKeyNeedsPassword(keyText)).toBe(true);
    expect(() => parseSecretKeyFile(keyText)).toThrow(MinisignPasswordError);
    const keyPair = parseSecretKeyFile(keyText, "s3cret pw");
    expect(minisignVerifies(signPrehashed(message, keyPair, "ours"), { pubFile: path("p.pub") })).toBe(true);
  });

  it("a key we encrypt with minisign's default KDF cost signs with minisign -S", { timeout: 120_000 }, () => {
    const keyPair = generateMinisignKeyPair(seededRandom("interop-encrypted"));
    writeFileSync(path("e.key"), encodeSecretKeyFile(keyPair, "pässwörd", seededRandom("salt")));
    const signed = runProgram("minisign", ["-S", "-s", path("e.key"), "-m", path("message.txt"), "-t", "tc"], { input: "pässwörd\n" });
    expect(signed.status).toBe(0);
    expect(verifySignature(message, readFileSync(path("message.txt.minisig"), "utf8"), keyPair).trustedComment).toBe("tc");
  });
});
