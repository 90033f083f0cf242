// The C2SP CCTV age vectors (/work/shared/corpora/cctv-age/age/testdata), mapped to our codes.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decryptAge, generateAgeIdentity } from "../../electron/core/crypto/age.js";
import type { AgeDecryptErrorCode } from "../../electron/core/crypto/age.js";
import { chunked, settle, sha256Hex } from "./support.js";
import { seededRandom } from "../helpers/runtime.js";

const TESTDATA = "/work/shared/corpora/cctv-age/age/testdata";

type Vector = {
  name: string;
  expect: string;
  payload: string | undefined;
  identities: string[];
  passphrases: number;
  body: Uint8Array;
};

function loadVector(name: string): Vector {
  const raw = readFileSync(join(TESTDATA, name));
  const split = raw.indexOf("\n\n");
  const fields = raw.subarray(0, split).toString("utf8").split("\n").map((line) => {
    const colon = line.indexOf(": ");
    return [line.slice(0, colon), line.slice(colon + 2)] as const;
  });
  const values = (key: string): string[] => fields.filter(([k]) => k === key).map(([, v]) => v);
  let body: Uint8Array = raw.subarray(split + 2);
  if (values("compressed")[0] === "zlib") body = inflateSync(body);
  return {
    name,
    expect: values("expect")[0] ?? "",
    payload: values("payload")[0],
    identities: values("identity"),
    passphrases: values("passphrase").length,
    body: new Uint8Array(body),
  };
}

const isX25519Identity = (identity: string): boolean => identity.startsWith("AGE-SECRET-KEY-1");
const vectors = readdirSync(TESTDATA).sort().map(loadVector);

/**
 * Skip rule: vectors that need a passphrase (scrypt) or an ML-KEM hybrid identity and offer no
 * X25519 identity test features sealed bundles do not have. Their outcome is still checked
 * below: never a success.
 */
const outOfScope = (v: Vector): boolean => (v.passphrases > 0 || v.identities.some((i) => !isX25519Identity(i))) && !v.identities.some(isX25519Identity);
const inScope = vectors.filter((v) => !outOfScope(v));
const skipped = vectors.filter(outOfScope);

/** Where the spec's codes are more precise than CCTV's classes: the file simply ends early. */
const TRUNCATED: Record<string, string> = {
  stream_no_nonce: "ends right after an authentic header",
  stream_short_nonce: "ends inside the payload nonce",
  armor_no_end_line: "the armor ends without its END line",
};

function expectedCode(v: Vector): AgeDecryptErrorCode | null {
  if (v.name in TRUNCATED) return "age-corrupt";
  switch (v.expect) {
    case "success":
      return null;
    case "no match":
      return "age-no-identity";
    case "HMAC failure":
    case "payload failure":
      return "age-corrupt";
    case "header failure":
    case "armor failure":
      return "age-invalid";
    default:
      throw new Error(`${v.name}: unknown expectation "${v.expect}"`);
  }
}

describe("CCTV age vectors", () => {
  it("are all present, and the in-scope ones are most of them", () => {
    expect(vectors).toHaveLength(143);
    expect(inScope.length).toBeGreaterThanOrEqual(90);
    expect(inScope.filter((v) => v.expect === "success").length).toBeGreaterThanOrEqual(15);
  });

  it.each(inScope.map((v) => [v.name, v] as const))("%s", async (_name, v) => {
    const identities = v.identities.filter(isX25519Identity);
    for (const sizes of [[v.body.length || 1], [13, 1000, 65_537]]) {
      const outcome = await settle(decryptAge(chunked(v.body, sizes), identities));
      expect({ code: outcome.code, message: outcome.message }).toMatchObject({ code: expectedCode(v) });
      if (outcome.code !== null) expect(outcome.message ?? "").not.toBe("");
      // Everything released, also before a failure, must be exactly the expected plaintext.
      if (v.payload !== undefined) expect(sha256Hex(outcome.released)).toBe(v.payload);
      else if (outcome.code !== "age-corrupt") expect(outcome.released).toHaveLength(0);
    }
  });

  it("never open the out-of-scope ones (passphrase or ML-KEM only)", async () => {
    expect(skipped.length).toBeGreaterThan(30);
    const stranger = generateAgeIdentity(seededRandom("cctv-stranger"));
    for (const v of skipped) {
      const outcome = await settle(decryptAge(chunked(v.body), [stranger]));
      expect({ name: v.name, released: outcome.released.length }).toEqual({ name: v.name, released: 0 });
      expect(["age-passphrase", "age-invalid", "age-no-identity"]).toContain(outcome.code);
      // A well-formed passphrase-only file is refused as such, not as a mere mismatch.
      if (v.passphrases > 0 && v.expect === "success") expect({ name: v.name, code: outcome.code }).toEqual({ name: v.name, code: "age-passphrase" });
      if (v.passphrases === 0 && v.expect === "success") expect({ name: v.name, code: outcome.code }).toEqual({ name: v.name, code: "age-no-identity" });
    }
  });
});
