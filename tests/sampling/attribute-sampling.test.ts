// The binomial sample sizes against every cell of the domain notes' attribute sampling table
// (review-checklists.md, "Audit sampling"; AICPA Audit Sampling ), read from the notes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  attributeSampleSize,
  binomialCdf,
  planSample,
  SamplingInputError,
  upperDeviationLimit,
} from "../../shared/sampling/attribute-sampling.js";

const NOTES = "/work/shared/domain/review-checklists.md";

interface Cell {
  confidence: number;
  tolerable: number;
  expected: number;
  size: number;
}

/** Every cell the notes give: the zero-deviation table and the one-deviation line. */
function cellsOfTheNotes(text: string): Cell[] {
  const lines = text.split("\n");
  const header = lines.find((line) => line.startsWith("| tolerable deviation rate"));
  if (header === undefined) throw new Error("the notes have no attribute sampling table");
  const rates = header.split("|").slice(2, -1).map((cell) => Number(cell.trim().replace("%", "")));
  const cells: Cell[] = [];
  for (const line of lines) {
    const row = line.match(/^\| sample size, (\d+)% confidence \|(.*)\|$/);
    if (row === null) continue;
    const sizes = (row[2] ?? "").split("|").map((cell) => Number(cell.trim()));
    sizes.forEach((size, index) => cells.push({ confidence: Number(row[1]), tolerable: rates[index] ?? Number.NaN, expected: 0, size }));
  }
  const oneDeviation = lines.find((line) => line.startsWith("One deviation allowed, 95%:"));
  for (const match of oneDeviation?.matchAll(/(\d+)% → (\d+)/g) ?? []) {
    cells.push({ confidence: 95, tolerable: Number(match[1]), expected: 1, size: Number(match[2]) });
  }
  return cells;
}

const CELLS = cellsOfTheNotes(readFileSync(NOTES, "utf8"));

describe("attribute sample sizes", () => {
  it("reads all 27 cells of the notes (22 with no deviation, 5 with one)", () => {
    expect(CELLS).toHaveLength(27);
    expect(CELLS.filter((cell) => cell.expected === 1)).toHaveLength(5);
  });

  it.each(CELLS)("$confidence% confidence, tolerable $tolerable%, $expected allowed: $size", ({ confidence, tolerable, expected, size }) => {
    expect(attributeSampleSize({ confidence, tolerable, expected })).toBe(size);
    // The rule itself: size reaches the risk, size - 1 does not.
    const risk = (100 - confidence) / 100;
    expect(binomialCdf(expected, size, tolerable / 100)).toBeLessThanOrEqual(risk);
    expect(binomialCdf(expected, size - 1, tolerable / 100)).toBeGreaterThan(risk);
  });

  it("plans 59 cases at 95%, 5% tolerable, none expected, with the risk reached and the upper limit", () => {
    const plan = planSample({ confidence: 95, tolerable: 5, expected: 0 });
    expect(plan).toEqual({ method: "binomial", confidence: 95, tolerable: 5, expected: 0, sampleSize: 59, achievedRisk: 4.8495, upperDeviationLimit: 4.9508 });
    expect(plan.upperDeviationLimit).toBeLessThanOrEqual(plan.tolerable);
  });

  it("computes the binomial distribution exactly where it can be checked by hand", () => {
    expect(binomialCdf(0, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
    expect(binomialCdf(1, 10, 0.5)).toBeCloseTo(11 / 1024, 15);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
  });

  it("gives the one-sided upper deviation limit: 0 in 59 at 95% is 1 - 0.05^(1/59)", () => {
    expect(upperDeviationLimit(59, 0, 95)).toBeCloseTo(1 - 0.05 ** (1 / 59), 12);
    expect(upperDeviationLimit(93, 1, 95)).toBeLessThanOrEqual(0.05);
    expect(upperDeviationLimit(92, 1, 95)).toBeGreaterThan(0.05);
    expect(upperDeviationLimit(5, 5, 95)).toBe(1);
  });

  it("refuses inputs outside their range, naming them", () => {
    expect(() => attributeSampleSize({ confidence: 100, tolerable: 5, expected: 0 })).toThrow(/confidence 100/);
    expect(() => attributeSampleSize({ confidence: 95, tolerable: 0, expected: 0 })).toThrow(/tolerable deviation rate 0/);
    expect(() => attributeSampleSize({ confidence: 95, tolerable: 5, expected: 1.5 })).toThrow(/expected deviations 1.5/);
    expect(() => attributeSampleSize({ confidence: 99.999, tolerable: 0.001, expected: 50 })).toThrow(SamplingInputError);
    expect(() => upperDeviationLimit(10, 11, 95)).toThrow(/deviations 11/);
  });
});
