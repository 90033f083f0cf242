// minisign format, signatures and secret keys, against the upstream vectors and by round trip.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blake2b512 } from "../../electron/core/crypto/digest.js";
import {
  MinisignFormatError,
  MinisignPasswordError,
  MinisignVerifyError,
  encodePublicKey,
  encodePublicKeyFile,
  encodeSecretKeyFile,
  formatKeyId,
  generateMinisignKeyPair,
  keyIdsEqual,
  parseKeyId,
  parsePublicKey,
  parseSecretKeyFile,
  parseSignature,
  secretKeyNeedsPassword,
  signPrehashed,
  verifyPrehashed,
  verifySignature,
} from "../../electron/core/crypto/minisign.js";
import type { MinisignVerifyReason } from "../../electron/core/crypto/minisign.js";
import { pickScryptParams } from "../../electron/core/crypto/minisign-scrypt.js";
import { seededRandom } from "../helpers/runtime.js";

const VECTORS = "/work/shared/corpora/minisign-vectors";
const vector = (name: string): string => readFileSync(join(VECTORS, name), "utf8");
const vectorBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(VECTORS, name)));
/** Cheap KDF limits for unit tests (N = 2^14); the interop tests use minisign's real ones. */
const FAST_KDF = { opslimit: 524_288n, memlimit: 16_777_216n };

function verifyReason(run: () => unknown): MinisignVerifyReason | "passed" {
  try {
    run();
    return "passed";
  } catch (error) {
    if (error instanceof MinisignVerifyError) return error.reason;
    throw error;
  }
}

describe("minisign vectors (rust-minisign, SOURCE.txt)", () => {
  const publicKey = parsePublicKey(vector("minisign.pub"));
  const message = vectorBytes("test.bin");

  it("reads the public key and prints its key id as minisign does", () => {
    expect(formatKeyId(publicKey.keyId)).toBe("E7620F1842B4E81F");
    expect(encodePublicKey(publicKey)).toBe("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3");
    expect(encodePublicKeyFile(publicKey)).toBe(vector("minisign.pub"));
    expect(parsePublicKey("RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3")).toEqual(publicKey);
  });

  it("accepts the prehashed ED signature and returns its trusted comment", () => {
    const verified = verifySignature(message, vector("test.prehashed-ED.minisig"), publicKey);
    expect(verified.trustedComment).toBe("timestamp:1556193335\tfile:test");
    expect(keyIdsEqual(verified.keyId, publicKey.keyId)).toBe(true);
  });

  it("accepts it from a prehash computed in pieces, as a streaming caller would", () => {
    const hash = blake2b512();
    for (const byte of message) hash.update(Uint8Array.of(byte));
    expect(verifyPrehashed(hash.digest(), vector("test.prehashed-ED.minisig"), publicKey).trustedComment).toContain("file:test");
  });

  it("refuses the legacy Ed signature, like minisign -V -H", () => {
    const legacy = parseSignature(vector("test.legacy-Ed.minisig"));
    expect(legacy.algorithm).toBe("Ed");
    expect(verifyReason(() => verifySignature(message, legacy, publicKey))).toBe("legacy-algorithm");
  });

  it("refuses an altered trusted comment and other content", () => {
    expect(verifyReason(() => verifySignature(message, vector("derived-trusted-comment-altered.minisig"), publicKey))).toBe(
      "trusted-comment-signature-invalid",
    );
    expect(verifyReason(() => verifySignature(vectorBytes("derived-other-content.bin"), vector("test.prehashed-ED.minisig"), publicKey))).toBe(
      "signature-invalid",
    );
  });
});

describe("minisign signing round trip", () => {
  const keyPair = generateMinisignKeyPair(seededRandom("minisign-roundtrip"));
  const other = generateMinisignKeyPair(seededRandom("minisign-other"));
  const message = new TextEncoder().encode("tagmanifest bytes\n");

  it("writes the four-line .minisig format", () => {
    const text = signPrehashed(message, keyPair, "timestamp:1\tfile:x\thashed");
    const lines = text.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe("untrusted comment: signature from minisign secret key");
    expect(lines[2]).toBe("trusted comment: timestamp:1\tfile:x\thashed");
    expect(lines[4]).toBe("");
    const parsed = parseSignature(text);
    expect(parsed.algorithm).toBe("ED");
    expect(keyIdsEqual(parsed.keyId, keyPair.keyId)).toBe(true);
    expect(verifySignature(message, text, keyPair).trustedComment).toBe("timestamp:1\tfile:x\thashed");
    expect(signPrehashed(message, keyPair, "t", "made by us").startsWith("untrusted comment: made by us\n")).toBe(true);
  });

  it("is deterministic (Ed25519) and refuses multi-line comments", () => {
    expect(signPrehashed(message, keyPair, "c")).toBe(signPrehashed(message, keyPair, "c"));
    expect(() => signPrehashed(message, keyPair, "a\nb")).toThrow(RangeError);
    expect(() => signPrehashed(message, keyPair, "c", "a\rb")).toThrow(RangeError);
  });

  it("names each failed check", () => {
    const text = signPrehashed(message, keyPair, "comment");
    const parsed = parseSignature(text);
    expect(verifyReason(() => verifySignature(message, text, other))).toBe("key-id-mismatch");
    expect(verifyReason(() => verifySignature(message, text, { keyId: keyPair.keyId, publicKey: other.publicKey }))).toBe("signature-invalid");
    expect(verifyReason(() => verifySignature(Uint8Array.of(...message, 0), text, keyPair))).toBe("signature-invalid");
    const flippedSignature = Uint8Array.from(parsed.signature);
    flippedSignature[5] = (flippedSignature[5] ?? 0) ^ 1;
    expect(verifyReason(() => verifySignature(message, { ...parsed, signature: flippedSignature }, keyPair))).toBe("signature-invalid");
    expect(verifyReason(() => verifySignature(message, { ...parsed, trustedComment: "comment " }, keyPair))).toBe(
      "trusted-comment-signature-invalid",
    );
    const flippedGlobal = Uint8Array.from(parsed.globalSignature);
    flippedGlobal[63] = (flippedGlobal[63] ?? 0) ^ 0x80;
    expect(verifyReason(() => verifySignature(message, { ...parsed, globalSignature: flippedGlobal }, keyPair))).toBe(
      "trusted-comment-signature-invalid",
    );
    expect(verifyReason(() => verifySignature(message, text, keyPair))).toBe("passed");
  });
});

describe("minisign signature parsing is strict", () => {
  const good = vector("test.prehashed-ED.minisig");
  const [untrusted = "", signature = "", trusted = "", global = ""] = good.split("\n");
  const bad: Record<string, string> = {
    "three lines": `${untrusted}\n${signature}\n${trusted}\n`,
    "an extra line": `${good}\n`,
    "trailing garbage": `${good}x\n`,
    "no untrusted comment prefix": `comment: x\n${signature}\n${trusted}\n${global}\n`,
    "no trusted comment prefix": `${untrusted}\n${signature}\ntrusted: x\n${global}\n`,
    "signature not base64": `${untrusted}\n${signature.replace("R", "*")}\n${trusted}\n${global}\n`,
    "signature not canonical base64": `${untrusted}\n${signature.slice(0, -2)}p=\n${trusted}\n${global}\n`,
    "signature too short": `${untrusted}\n${signature.slice(4)}\n${trusted}\n${global}\n`,
    "unknown algorithm": `${untrusted}\n${Buffer.concat([Buffer.from("EE"), Buffer.from(signature, "base64").subarray(2)]).toString("base64")}\n${trusted}\n${global}\n`,
    "global signature too short": `${untrusted}\n${signature}\n${trusted}\n${global.slice(4)}\n`,
    "global signature not base64": `${untrusted}\n${signature}\n${trusted}\n${global.replace(/.$/, "!")}\n`,
    "stray carriage return": `${untrusted}\n${signature}\r\r\n${trusted}\n${global}\n`,
  };
  it.each(Object.entries(bad))("refuses a signature file with %s", (_name, text) => {
    expect(() => parseSignature(text)).toThrow(MinisignFormatError);
  });

  it("accepts CRLF line ends and a missing final line end", () => {
    expect(parseSignature(good.replaceAll("\n", "\r\n")).trustedComment).toBe("timestamp:1556193335\tfile:test");
    expect(parseSignature(good.slice(0, -1)).algorithm).toBe("ED");
  });
});

describe("minisign key ids and public keys", () => {
  it("formats the little-endian number in upper-case hex without leading zeros", () => {
    expect(formatKeyId(Uint8Array.of(0x1f, 0xe8, 0xb4, 0x42, 0x18, 0x0f, 0x62, 0xe7))).toBe("E7620F1842B4E81F");
    expect(formatKeyId(Uint8Array.of(0xbc, 0x0a, 0, 0, 0, 0, 0, 0))).toBe("ABC");
    expect(formatKeyId(new Uint8Array(8))).toBe("0");
  });

  it("parses the printed form with or without leading zeros, in either case", () => {
    const expected = Uint8Array.of(0xbc, 0x0a, 0, 0, 0, 0, 0, 0);
    for (const text of ["ABC", "abc", "0000000000000ABC", "0aBc", " ABC\n"]) expect(parseKeyId(text)).toEqual(expected);
    expect(parseKeyId("E7620F1842B4E81F")).toEqual(Uint8Array.of(0x1f, 0xe8, 0xb4, 0x42, 0x18, 0x0f, 0x62, 0xe7));
    for (const text of ["", "G", "0x12", "12345678901234567", "-1"]) expect(() => parseKeyId(text)).toThrow(MinisignFormatError);
  });

  it("round-trips generated keys through the .pub file and the bare line", () => {
    const keyPair = generateMinisignKeyPair(seededRandom("pub"));
    const file = encodePublicKeyFile(keyPair);
    expect(file).toMatch(/^untrusted comment: minisign public key [0-9A-F]{1,16}\n[A-Za-z0-9+/]{56}\n$/);
    expect(parsePublicKey(file)).toEqual({ keyId: keyPair.keyId, publicKey: keyPair.publicKey });
    expect(parsePublicKey(encodePublicKey(keyPair))).toEqual({ keyId: keyPair.keyId, publicKey: keyPair.publicKey });
  });

  it.each([
    ["not base64", "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GF*3", /base64/],
    ["too short", "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn", /bytes, expected 42/],
    ["not an Ed key", Buffer.concat([Buffer.from("Xd"), Buffer.alloc(40)]).toString("base64"), /Ed25519/],
    ["three lines", "untrusted comment: x\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\nmore\n", /two lines/],
    ["bad comment line", "comment: x\nRWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n", /untrusted comment/],
  ])("refuses a public key that is %s, saying what is wrong", (_name, text, message) => {
    expect(() => parsePublicKey(text)).toThrow(MinisignFormatError);
    expect(() => parsePublicKey(text)).toThrow(message);
  });
});

describe("minisign secret key files", () => {
  const keyPair = generateMinisignKeyPair(seededRandom("secret"));

  it("writes an unencrypted key like minisign -G -W and reads it back", () => {
    const text = encodeSecretKeyFile(keyPair, undefined, seededRandom("unused"));
    const [comment, base64] = text.split("\n");
    expect(comment).toBe("untrusted comment: minisign encrypted secret key");
    const blob = Buffer.from(base64 ?? "", "base64");
    expect(blob).toHaveLength(158);
    expect(blob.subarray(0, 6).toString("latin1")).toBe("Ed\0\0B2");
    expect(blob.subarray(6, 54).every((byte) => byte === 0)).toBe(true); // salt and limits unused
    expect(secretKeyNeedsPassword(text)).toBe(false);
    expect(parseSecretKeyFile(text)).toEqual(keyPair);
  });

  it("accepts the zero checksum minisign -G -W leaves, and refuses a damaged one", () => {
    const blob = Buffer.from(encodeSecretKeyFile(keyPair, undefined, seededRandom("x")).split("\n")[1] ?? "", "base64");
    const zeroed = Buffer.from(blob);
    zeroed.fill(0, 126);
    expect(parseSecretKeyFile(`untrusted comment: k\n${zeroed.toString("base64")}\n`)).toEqual(keyPair);
    const damaged = Buffer.from(blob);
    damaged[157] = (damaged[157] ?? 0) ^ 1;
    expect(() => parseSecretKeyFile(`untrusted comment: k\n${damaged.toString("base64")}\n`)).toThrow(/checksum mismatch/);
  });

  it("encrypts with scrypt: a password is needed, a wrong one is named as such", () => {
    const text = encodeSecretKeyFile(keyPair, "correct horse", seededRandom("salt"), FAST_KDF);
    const blob = Buffer.from(text.split("\n")[1] ?? "", "base64");
    expect(blob.subarray(0, 6).toString("latin1")).toBe("EdScB2");
    expect(blob.readBigUInt64LE(38)).toBe(FAST_KDF.opslimit);
    expect(blob.readBigUInt64LE(46)).toBe(FAST_KDF.memlimit);
    expect(secretKeyNeedsPassword(text)).toBe(true);
    expect(() => parseSecretKeyFile(text)).toThrow(MinisignPasswordError);
    expect(() => parseSecretKeyFile(text)).toThrow(/password is needed/);
    let wrong: unknown;
    try {
      parseSecretKeyFile(text, "correct horsf");
    } catch (error) {
      wrong = error;
    }
    expect(wrong).toBeInstanceOf(MinisignPasswordError);
    expect((wrong as MinisignPasswordError).reason).toBe("wrong-password");
    expect(parseSecretKeyFile(text, "correct horse")).toEqual(keyPair);
  });

  it("refuses keys with another algorithm, checksum or KDF", () => {
    const blob = Buffer.from(encodeSecretKeyFile(keyPair, undefined, seededRandom("x")).split("\n")[1] ?? "", "base64");
    for (const [offset, bytes, message] of [
      [0, "ED", /signature algorithm/],
      [2, "Ar", /key derivation/],
      [4, "B3", /checksum algorithm/],
    ] as const) {
      const changed = Buffer.from(blob);
      changed.write(bytes, offset, "latin1");
      expect(() => parseSecretKeyFile(`untrusted comment: k\n${changed.toString("base64")}\n`)).toThrow(message);
    }
    expect(() => parseSecretKeyFile(`untrusted comment: k\n${blob.subarray(1).toString("base64")}\n`)).toThrow(/157 bytes/);
  });

  it("derives scrypt N, r, p as libsodium's pickparams does", () => {
    expect(pickScryptParams(33_554_432n, 1_073_741_824n)).toEqual({ N: 2 ** 20, r: 8, p: 1 }); // minisign's SENSITIVE
    expect(pickScryptParams(524_288n, 16_777_216n)).toEqual({ N: 2 ** 14, r: 8, p: 1 }); // INTERACTIVE
    expect(pickScryptParams(1_000n, 1n << 30n)).toEqual({ N: 2 ** 10, r: 8, p: 1 }); // opslimit raised to 32768, first branch
    expect(pickScryptParams(1n << 30n, 1n << 20n)).toEqual({ N: 2 ** 10, r: 8, p: 32_768 }); // memory-bound: (2^30/4)/2^10/8
  });
});
