// Digest helpers against published test vectors.
import { describe, expect, it } from "vitest";
import { blake2b512, blake2bDigest, createSha256, sha256, sha256Hex } from "../../electron/core/crypto/digest.js";

const abc = new TextEncoder().encode("abc");

describe("digest helpers", () => {
  it("SHA-256 matches FIPS 180-2's 'abc' vector, one-shot and incremental", () => {
    const expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    expect(sha256Hex(abc)).toBe(expected);
    expect(Buffer.from(sha256(abc)).toString("hex")).toBe(expected);
    expect(createSha256().update(abc.subarray(0, 1)).update(abc.subarray(1)).digest("hex")).toBe(expected);
    expect(Buffer.from(createSha256().update(abc).digest()).toString("hex")).toBe(expected);
  });

  it("BLAKE2b-512 matches RFC 7693's 'abc' vector and the empty input, incrementally", () => {
    const expectedAbc =
      "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";
    expect(blake2b512().update(abc).digest("hex")).toBe(expectedAbc);
    const pieces = blake2b512();
    for (const byte of abc) pieces.update(Uint8Array.of(byte));
    expect(Buffer.from(pieces.digest()).toString("hex")).toBe(expectedAbc);
    expect(blake2b512().digest("hex")).toBe(
      "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce",
    );
  });

  it("BLAKE2b-256 (minisign's key checksum) matches the reference", () => {
    expect(Buffer.from(blake2bDigest(abc, 32)).toString("hex")).toBe("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  });
});
