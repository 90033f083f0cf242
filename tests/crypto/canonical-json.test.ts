// RFC 8785 canonical JSON against the cyberphone vectors and the ES6 number sequence.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonBytes } from "../../electron/core/crypto/canonical-json.js";

const TESTDATA = "/work/shared/corpora/json-canonicalization/testdata";
const inputs = readdirSync(join(TESTDATA, "input")).sort();

describe("canonical JSON (cyberphone/json-canonicalization vectors)", () => {
  it("has all six vectors", () => {
    expect(inputs).toEqual(["arrays.json", "french.json", "structures.json", "unicode.json", "values.json", "weird.json"]);
  });

  it.each(inputs)("%s canonicalises to the expected bytes", (name) => {
    const value: unknown = JSON.parse(readFileSync(join(TESTDATA, "input", name), "utf8"));
    const expectedText = readFileSync(join(TESTDATA, "output", name), "utf8");
    const expectedHex = readFileSync(join(TESTDATA, "outhex", name.replace(".json", ".txt")), "utf8").replace(/\s+/g, "");
    expect(canonicalJson(value)).toBe(expectedText);
    expect(Buffer.from(canonicalJsonBytes(value)).toString("hex")).toBe(expectedHex);
  });

  it("refuses what JSON cannot carry", () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ s: "\ud800" })).toThrow(); // lone surrogate
    expect(canonicalJson({ b: 1, a: undefined, c: [undefined] })).toBe('{"b":1,"c":[null]}');
  });
});

/** The deterministic ES6 number sequence of the vectors' README (its numgen.js, first lines). */
function es6NumberLines(count: number): string {
  const readme = readFileSync(join(TESTDATA, "README.md"), "utf8");
  const table = /staticU64s = new BigUint64Array\(\[([\s\S]*?)\]\)/.exec(readme)?.[1] ?? "";
  const staticU64s = BigUint64Array.from([...table.matchAll(/0x([0-9a-f]+)n/g)].map((m) => BigInt(`0x${m[1] ?? ""}`)));
  const staticF64s = new Float64Array(staticU64s.buffer);
  const serialF64s = new Float64Array(BigUint64Array.from({ length: 2000 }, (_, i) => 0x0010000000000000n + BigInt(i)).buffer);
  let block = new Uint8Array(32);
  let pending: number[] = [];
  let out = "";
  for (let index = 0; index < count; index++) {
    let f = 0;
    if (index < staticF64s.length) f = staticF64s[index] ?? 0;
    else if (index < staticF64s.length + serialF64s.length) f = serialF64s[index - staticF64s.length] ?? 0;
    else {
      while (f === 0 || !Number.isFinite(f)) {
        if (pending.length === 0) {
          block = new Uint8Array(createHash("sha256").update(block).digest());
          pending = [...new Float64Array(block.buffer)];
        }
        f = pending.shift() ?? 0;
      }
    }
    const bits = new BigUint64Array(Float64Array.of(f).buffer)[0] ?? 0n;
    out += `${bits.toString(16)},${String(f)}\n`;
  }
  return out;
}

describe("canonical JSON numbers (ES6 test file, regenerated locally)", () => {
  const lines = es6NumberLines(10_000);

  it("regenerates the README's reference file for 10,000 lines", () => {
    expect(createHash("sha256").update(lines).digest("hex")).toBe("b9f7a8e75ef22a835685a52ccba7f7d6bdc99e34b010992cbc5864cd12be6892");
    expect(lines.length).toBe(399_022);
  });

  it("serialises every number exactly as expected", () => {
    const mismatches: string[] = [];
    for (const line of lines.trimEnd().split("\n")) {
      const [hex = "", expected = ""] = line.split(",");
      const value = new Float64Array(BigUint64Array.of(BigInt(`0x${hex}`)).buffer)[0] ?? Number.NaN;
      if (canonicalJson(value) !== expected || canonicalJson([value]) !== `[${expected}]`) mismatches.push(line);
    }
    expect(mismatches).toEqual([]);
  });
});
