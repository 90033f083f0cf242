// Every refusal code of the spec has tests here. Each test file declares the codes it covers
// with refusalSuite([...]) and proves them at run time (its afterAll fails unless a passing
// expectRefusal asserted each one); this table checks that the declarations together name every
// code of REFUSAL_CODES, so a code added to the spec cannot go untested.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REFUSAL_CODES } from "../../../shared/vocabulary/refusal-codes.js";

const folder = new URL("./", import.meta.url);

/** Test file → the codes its refusalSuite([...]) call declares. */
function declarations(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".test.ts") && file !== "coverage.test.ts")) {
    const source = readFileSync(new URL(name, folder), "utf8");
    const call = /^refusalSuite\(\[([^\]]*)\]\);$/m.exec(source);
    if (call === null) continue;
    found.set(name, [...(call[1] ?? "").matchAll(/"([a-z-]+)"/g)].map((match) => match[1] ?? ""));
  }
  return found;
}

describe("refusal code coverage", () => {
  const declared = declarations();

  it("finds the refusal test files and their declarations", () => {
    const layers = ["age.test.ts", "bag.test.ts", "document.test.ts", "limits.test.ts", "signature.test.ts", "tar.test.ts"];
    expect([...declared.keys()]).toEqual(expect.arrayContaining(layers));
    for (const codes of declared.values()) expect(codes).not.toEqual([]);
  });

  it.each(REFUSAL_CODES)("%s is covered by a refusal test file", (code) => {
    const files = [...declared].filter(([, codes]) => codes.includes(code)).map(([file]) => file);
    expect(files, `no file under tests/import/refusals declares ${code}`).not.toEqual([]);
  });

  it("declares no code the spec does not have, and none twice", () => {
    const all = [...declared.values()].flat();
    expect(all.filter((code) => !(REFUSAL_CODES as readonly string[]).includes(code))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });
});
