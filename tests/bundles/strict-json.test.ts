import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStrictJson, StrictJsonError, type StrictJsonErrorKind } from "../../electron/core/bundles/strict-json.js";
import { DEFAULT_LIMITS } from "../../electron/core/bundles/limits.js";
import { CORPORA } from "./helpers/corpora.js";

const SUITE = join(CORPORA, "JSONTestSuite", "test_parsing");
const OPTIONS = { maxBytes: DEFAULT_LIMITS.documentBytes, maxDepth: DEFAULT_LIMITS.documentDepth, fileName: "data/request.json" };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array, options = OPTIONS): StrictJsonError {
  try {
    parseStrictJson(bytes, options);
  } catch (error) {
    if (error instanceof StrictJsonError) return error;
    throw error;
  }
  throw new Error("expected a StrictJsonError, but the input was accepted");
}

// Our decision for every implementation-defined (i_) case of JSONTestSuite; see strict-json.ts.
// Each row is the kind of refusal; none is accepted.
const I_POLICY: Readonly<Record<string, StrictJsonErrorKind>> = {
  "i_number_double_huge_neg_exp.json": "number", // underflows to 0
  "i_number_huge_exp.json": "number", // overflows to Infinity
  "i_number_neg_int_huge_exp.json": "number",
  "i_number_pos_double_huge_exp.json": "number",
  "i_number_real_neg_overflow.json": "number",
  "i_number_real_pos_overflow.json": "number",
  "i_number_real_underflow.json": "number",
  "i_number_too_big_neg_int.json": "number", // integer beyond ±(2^53 − 1)
  "i_number_too_big_pos_int.json": "number",
  "i_number_very_big_negative_int.json": "number",
  "i_object_key_lone_2nd_surrogate.json": "encoding", // lone surrogate escapes
  "i_string_1st_surrogate_but_2nd_missing.json": "encoding",
  "i_string_1st_valid_surrogate_2nd_invalid.json": "encoding",
  "i_string_incomplete_surrogate_and_escape_valid.json": "encoding",
  "i_string_incomplete_surrogate_pair.json": "encoding",
  "i_string_incomplete_surrogates_escape_valid.json": "encoding",
  "i_string_invalid_lonely_surrogate.json": "encoding",
  "i_string_invalid_surrogate.json": "encoding",
  "i_string_inverted_surrogates_U+1D11E.json": "encoding",
  "i_string_lone_second_surrogate.json": "encoding",
  "i_string_UTF-16LE_with_BOM.json": "encoding", // not UTF-8
  "i_string_utf16BE_no_BOM.json": "encoding",
  "i_string_utf16LE_no_BOM.json": "encoding",
  "i_string_UTF-8_invalid_sequence.json": "encoding", // invalid UTF-8 bytes
  "i_string_UTF8_surrogate_U+D800.json": "encoding",
  "i_string_invalid_utf-8.json": "encoding",
  "i_string_iso_latin_1.json": "encoding",
  "i_string_lone_utf8_continuation_byte.json": "encoding",
  "i_string_not_in_unicode_range.json": "encoding",
  "i_string_overlong_sequence_2_bytes.json": "encoding",
  "i_string_overlong_sequence_6_bytes.json": "encoding",
  "i_string_overlong_sequence_6_bytes_null.json": "encoding",
  "i_string_truncated-utf-8.json": "encoding",
  "i_structure_500_nested_arrays.json": "limit", // deeper than the document limit of 32
  "i_structure_UTF-8_BOM_empty_object.json": "encoding", // byte order mark
};

// y_ cases our profile refuses on purpose: the spec forbids duplicate object keys.
const Y_REFUSED_BY_POLICY: Readonly<Record<string, StrictJsonErrorKind>> = {
  "y_object_duplicated_key.json": "duplicate-key",
  "y_object_duplicated_key_and_value.json": "duplicate-key",
};

describe("JSONTestSuite (nst/JSONTestSuite test_parsing)", () => {
  const files = readdirSync(SUITE).filter((name) => name.endsWith(".json")).sort();
  const named = (prefix: string) => files.filter((name) => name.startsWith(prefix));

  it("holds the expected number of cases, so the loops below cannot run on nothing", () => {
    expect([named("y_").length, named("n_").length, named("i_").length]).toEqual([95, 188, 35]);
    expect(Object.keys(I_POLICY).sort()).toEqual(named("i_"));
  });

  it("accepts every y_ case with the value JSON.parse gives, but for the duplicate-key policy", () => {
    let accepted = 0;
    for (const name of named("y_")) {
      const bytes = readFileSync(join(SUITE, name));
      const policy = Y_REFUSED_BY_POLICY[name];
      if (policy !== undefined) {
        expect(refusal(bytes).kind, name).toBe(policy);
        continue;
      }
      expect(parseStrictJson(bytes, OPTIONS), name).toEqual(JSON.parse(bytes.toString("utf8")));
      accepted++;
    }
    expect(accepted).toBe(93);
  });

  it("refuses every n_ case", () => {
    const accepted = named("n_").filter((name) => {
      try {
        parseStrictJson(readFileSync(join(SUITE, name)), OPTIONS);
        return true;
      } catch (error) {
        if (!(error instanceof StrictJsonError)) throw error;
        return false;
      }
    });
    expect(accepted).toEqual([]);
  });

  it("decides every i_ case as the policy table says", () => {
    for (const name of named("i_")) {
      expect(refusal(readFileSync(join(SUITE, name))).kind, name).toBe(I_POLICY[name]);
    }
  });
});

describe("parseStrictJson refusals", () => {
  it("names the JSON path and byte offset of a duplicate key", () => {
    const error = refusal(utf8('{"targets":[{"value":"a"},{"kind":"email","value":"b","value":"c"}]}'));
    expect(error.kind).toBe("duplicate-key");
    expect(error.path).toBe("$.targets[1].value");
    expect(error.offset).toBe(54);
    expect(error.message).toBe('data/request.json byte 54 ($.targets[1].value): key "value" appears twice in the same object');
  });

  it("treats keys as equal after unescaping", () => {
    expect(refusal(utf8('{"a":1,"\\u0061":2}')).kind).toBe("duplicate-key");
  });

  it("quotes keys that are not identifiers in paths", () => {
    expect(refusal(utf8('{"a b":{"x":1,"x":2}}')).path).toBe('$["a b"].x');
  });

  it("refuses a byte order mark and invalid UTF-8 with the byte offset", () => {
    expect(refusal(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toMatchObject({ kind: "encoding", offset: 0 });
    expect(refusal(Uint8Array.of(0x5b, 0x22, 0x61, 0xff, 0x22, 0x5d))).toMatchObject({ kind: "encoding", offset: 3 });
  });

  it("refuses input over the byte limit before reading it", () => {
    expect(refusal(utf8("[1, 2, 3]"), { ...OPTIONS, maxBytes: 8 }).kind).toBe("limit");
    expect(parseStrictJson(utf8("[1, 2, 3]"), { ...OPTIONS, maxBytes: 9 })).toEqual([1, 2, 3]);
  });

  it("allows exactly maxDepth levels of nesting and refuses one more", () => {
    const nested = (depth: number) => utf8("[".repeat(depth) + "]".repeat(depth));
    expect(() => parseStrictJson(nested(32), OPTIONS)).not.toThrow();
    expect(refusal(nested(33))).toMatchObject({ kind: "limit", path: "$" + "[0]".repeat(32) });
    expect(refusal(utf8('{"a":{"b":[]}}'), { ...OPTIONS, maxDepth: 2 })).toMatchObject({ kind: "limit", path: "$.a.b" });
  });

  it("keeps integers up to 2^53 − 1 and refuses the next one", () => {
    expect(parseStrictJson(utf8("[9007199254740991,-9007199254740991]"), OPTIONS)).toEqual([9007199254740991, -9007199254740991]);
    expect(refusal(utf8("[9007199254740992]"))).toMatchObject({ kind: "number", path: "$[0]" });
    expect(parseStrictJson(utf8("[1e300, 0e5, -0.0]"), OPTIONS)).toEqual([1e300, 0, -0]);
  });

  it("keeps __proto__ as an own key, as JSON.parse does", () => {
    const value = parseStrictJson(utf8('{"__proto__":{"polluted":true}}'), OPTIONS) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

// JSON.stringify writes integers below 1e21 without an exponent; beyond 2^53 those are refused.
function withinNumberPolicy(value: unknown): boolean {
  if (typeof value === "number") return !(Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER && Math.abs(value) < 1e21);
  if (Array.isArray(value)) return value.every(withinNumberPolicy);
  if (value !== null && typeof value === "object") return Object.values(value).every(withinNumberPolicy);
  return true;
}

describe("parseStrictJson properties", () => {
  it("equals JSON.parse on anything JSON.stringify writes, within the number policy", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }).filter(withinNumberPolicy), (value) => {
        const text = JSON.stringify(value);
        expect(parseStrictJson(utf8(text), { ...OPTIONS, maxDepth: 64 })).toEqual(JSON.parse(text));
      }),
      { seed: 20240601, numRuns: 400 },
    );
  });

  it("refuses integer literals beyond ±(2^53 − 1) wherever they stand", () => {
    const unsafe = fc.oneof(fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 30n), max: -(2n ** 53n) }));
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 2 }).filter(withinNumberPolicy), unsafe, (value, big) => {
        const text = `{"before":${JSON.stringify(value)},"n":[${big.toString()}]}`;
        expect(refusal(utf8(text), { ...OPTIONS, maxDepth: 64 })).toMatchObject({ kind: "number", path: "$.n[0]" });
      }),
      { seed: 20240603, numRuns: 200 },
    );
  });

  it("refuses any object once one of its keys is written twice", () => {
    const object = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 }).filter(withinNumberPolicy);
    fc.assert(
      fc.property(object, fc.nat(), fc.jsonValue({ maxDepth: 2 }).filter(withinNumberPolicy), (record, pick, extra) => {
        const keys = Object.keys(record);
        const repeated = keys[pick % keys.length] ?? "";
        const text = JSON.stringify(record).slice(0, -1) + `,${JSON.stringify(repeated)}:${JSON.stringify(extra)}}`;
        const error = refusal(utf8(text), { ...OPTIONS, maxDepth: 64 });
        expect(error.kind).toBe("duplicate-key");
      }),
      { seed: 20240602, numRuns: 300 },
    );
  });
});
