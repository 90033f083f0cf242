// The reproducible selection (issue 12): frame, frame hash, HMAC order, sample and spares, strata
// with their allocation, purposive picks; checked against node:crypto as an independent second.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { filterPopulation, markPurposive, referenceOf, stratumOf, type PopulationCase } from "../../shared/sampling/population.js";
import { allocateProportionally } from "../../shared/sampling/stratify.js";
import { drawOrder, drawSample, frameHash, frameText, selectionKey } from "../../shared/sampling/selection.js";

const SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

const references = (count: number, authority = "nl-om"): string[] => Array.from({ length: count }, (_, i) => `${authority}/CASE-${i}/1`);

describe("the frame", () => {
  it("sorts references by their UTF-8 bytes, each line ending in a newline, and hashes that text", () => {
    // In UTF-16, U+1F600 (D83D DE00) sorts before U+FF5E; in UTF-8 (F0 9F 98 80 against EF BD 9E) after it.
    const text = frameText(["b/2/1", "a/\u{1F600}/1", "a/\uFF5E/1", "a/z/1"]);
    expect(text).toBe("a/z/1\na/\uFF5E/1\na/\u{1F600}/1\nb/2/1\n");
    expect(frameHash(["b/2/1", "a/z/1"])).toBe(createHash("sha256").update("a/z/1\nb/2/1\n", "utf8").digest("hex"));
  });

  it("refuses a reference that is not AUTHORITY/ID/REVISION, and one listed twice", () => {
    expect(() => frameText(["a/b"])).toThrow(/a\/b.*AUTHORITY\/ID\/REVISION/);
    expect(() => frameText(["a/b/0"])).toThrow(/AUTHORITY\/ID\/REVISION/);
    expect(() => frameText(["a/b\nc/1"])).toThrow(/AUTHORITY\/ID\/REVISION/);
    expect(() => frameText(["a/b/1", "a/b/1"])).toThrow(/a\/b\/1 is in the population twice/);
  });
});

describe("the draw", () => {
  it("orders by HMAC-SHA256 keyed with the seed's bytes, as node:crypto computes it", () => {
    const population = references(50);
    const mac = (reference: string) => createHmac("sha256", Buffer.from(SEED, "hex")).update(reference, "utf8").digest();
    const expected = [...population].sort((a, b) => Buffer.compare(mac(a), mac(b)));
    expect(drawOrder(SEED, population)).toEqual(expected);
    expect(selectionKey(SEED, population[0] ?? "")).toBe(mac(population[0] ?? "").toString("hex"));
    const drawn = drawSample({ members: population.map((reference) => ({ reference, stratum: "all" })), seed: SEED.toUpperCase(), size: 7 });
    expect(drawn.seed).toBe(SEED);
    expect(drawn.sample).toEqual(expected.slice(0, 7));
    expect(drawn.spares).toEqual(expected.slice(7, 14));
    expect(drawSample({ members: population.map((reference) => ({ reference, stratum: "all" })), seed: SEED, size: 7, spares: 40 }).spares).toEqual(expected.slice(7, 47));
  });

  it("does not depend on the order the population comes in, and changes with the seed", () => {
    const population = references(30).map((reference) => ({ reference, stratum: "all" }));
    const once = drawSample({ members: population, seed: SEED, size: 5 });
    expect(drawSample({ members: [...population].reverse(), seed: SEED, size: 5 })).toEqual(once);
    expect(drawSample({ members: population, seed: "ff".repeat(32), size: 5 }).sample).not.toEqual(once.sample);
  });

  it("takes the whole population when the size exceeds it", () => {
    const drawn = drawSample({ members: references(3).map((reference) => ({ reference, stratum: "all" })), seed: SEED, size: 10 });
    expect(drawn.sample).toHaveLength(3);
    expect(drawn.spares).toEqual([]);
  });

  it("refuses a seed that is not 32 bytes of hex", () => {
    expect(() => drawSample({ members: [], seed: "abc", size: 1 })).toThrow(/seed "abc": give 32 bytes as 64 hex digits/);
  });
});

describe("strata", () => {
  it("allocates in proportion with the largest remainders, adding up to the size", () => {
    const allocation = allocateProportionally(new Map([["b", 50], ["a", 30], ["c", 20]]), 7);
    // Quotas 2.1 (a), 3.5 (b), 1.4 (c): whole parts 2+3+1 = 6, the last case to b (0.5).
    expect(allocation).toEqual([
      { stratum: "a", population: 30, share: 0.3, allocated: 2 },
      { stratum: "b", population: 50, share: 0.5, allocated: 4 },
      { stratum: "c", population: 20, share: 0.2, allocated: 1 },
    ]);
    // Equal remainders go to the name that sorts first.
    expect(allocateProportionally(new Map([["y", 1], ["x", 1]]), 1).map((row) => row.allocated)).toEqual([1, 0]);
    for (const size of [0, 1, 13, 59, 99, 100, 150]) {
      const rows = allocateProportionally(new Map([["a", 33], ["b", 1], ["c", 66]]), size);
      expect(rows.reduce((sum, row) => sum + row.allocated, 0)).toBe(Math.min(size, 100));
      for (const row of rows) expect(row.allocated).toBeLessThanOrEqual(row.population);
    }
  });

  it("draws within each stratum by the same order, showing each stratum's allocation", () => {
    const members = [...references(30, "nl-om").map((reference) => ({ reference, stratum: "mlat" })), ...references(10, "de-sta").map((reference) => ({ reference, stratum: "domestic-warrant" }))];
    const drawn = drawSample({ members, seed: SEED, size: 8 });
    expect(drawn.strata.map(({ stratum, population, allocated }) => [stratum, population, allocated])).toEqual([
      ["domestic-warrant", 10, 2],
      ["mlat", 30, 6],
    ]);
    const warrants = drawOrder(SEED, references(10, "de-sta"));
    expect(drawn.strata[0]?.sample).toEqual(warrants.slice(0, 2));
    expect(drawn.strata[0]?.spares).toEqual(warrants.slice(2, 4));
    expect(drawn.sample).toEqual([...(drawn.strata[0]?.sample ?? []), ...(drawn.strata[1]?.sample ?? [])]);
    expect(drawn.frameHash).toBe(frameHash(members.map((member) => member.reference)));
  });

  it("puts a case in the stratum of its most intrusive data category, or its instrument, urgency, authority", () => {
    const member: PopulationCase = { authority: "fr-pnf", id: "X", revision: 2, instrument: "mlat", urgency: "emergency", dataCategories: ["subscriber", "traffic", "identification"], receivedAt: "2026-11-01T00:00:00.000Z", outcome: null };
    expect(stratumOf(member, "category")).toBe("traffic");
    expect(stratumOf(member, "instrument")).toBe("mlat");
    expect(stratumOf(member, "urgency")).toBe("emergency");
    expect(stratumOf(member, "authority")).toBe("fr-pnf");
    expect(stratumOf(member, undefined)).toBe("all");
    expect(referenceOf(member)).toBe("fr-pnf/X/2");
  });
});

describe("the population", () => {
  const at = (day: string, extra: Partial<PopulationCase> = {}): PopulationCase => ({
    authority: "nl-om",
    id: day,
    revision: 1,
    instrument: "mlat",
    urgency: "routine",
    dataCategories: ["subscriber"],
    receivedAt: `${day}T23:59:59.999Z`,
    outcome: null,
    ...extra,
  });
  const cases = [
    at("2026-01-31", { outcome: "refused" }),
    at("2026-02-01", { instrument: "domestic-warrant", outcome: "authorised" }),
    at("2026-02-28", { urgency: "emergency", authority: "de-sta" }),
    at("2026-03-01"),
  ];

  it("keeps the days from and to, both included, and each filter given", () => {
    expect(filterPopulation(cases, { from: "2026-02-01", to: "2026-02-28" }).map((c) => c.id)).toEqual(["2026-02-01", "2026-02-28"]);
    expect(filterPopulation(cases, { instrument: "mlat" }).map((c) => c.id)).toEqual(["2026-01-31", "2026-02-28", "2026-03-01"]);
    expect(filterPopulation(cases, { urgency: "emergency" }).map((c) => c.id)).toEqual(["2026-02-28"]);
    expect(filterPopulation(cases, { authority: "de-sta" }).map((c) => c.id)).toEqual(["2026-02-28"]);
    expect(filterPopulation(cases, { outcome: "refused" }).map((c) => c.id)).toEqual(["2026-01-31"]);
    expect(filterPopulation(cases, {})).toHaveLength(4);
  });

  it("refuses a date it cannot read and an empty period", () => {
    expect(() => filterPopulation(cases, { from: "2026-02-30" })).toThrow(/from 2026-02-30: give a date as YYYY-MM-DD/);
    expect(() => filterPopulation(cases, { from: "2026-03-02", to: "2026-03-01" })).toThrow(/is empty/);
  });

  it("marks purposive picks, and whether the random draw took them too", () => {
    expect(markPurposive([{ reference: "a/b/1", reason: "urgent-approval" }, { reference: "a/c/1", reason: "privileged-material" }], ["a/c/1"])).toEqual([
      { reference: "a/b/1", reason: "urgent-approval", purposive: true, alsoInRandomSample: false },
      { reference: "a/c/1", reason: "privileged-material", purposive: true, alsoInRandomSample: true },
    ]);
    expect(() => markPurposive([{ reference: "a/b/1", reason: "urgent-approval" }, { reference: "a/b/1", reason: "privileged-material" }], [])).toThrow(/twice/);
  });
});
