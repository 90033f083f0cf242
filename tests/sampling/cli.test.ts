// `counterseal sample plan | draw` as real processes over a real store: the plan's sizes, and a
// draw whose frame hash, sample and spares are recomputed here with node:crypto alone.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { cliOk, expectExit, runCli } from "../helpers/cli.js";
import { openTestOffice } from "../helpers/office.js";
import { sampleRequest, SAMPLE_AUTHORITY } from "../helpers/sample-request.js";

const SEED = "9f2c4e1a7b3d5f60819a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
const DAY = 86_400_000;

interface DrawJson {
  frameHash: string;
  seed: string;
  population: number;
  size: number;
  sample: string[];
  spares: string[];
  strata: { stratum: string; population: number; share: number; allocated: number; sample: string[]; spares: string[] }[];
  stratifyBy: string | null;
  filter: Record<string, string>;
  purposive: { reference: string; reason: string; purposive: boolean; alsoInRandomSample: boolean }[];
}

/** What anyone holding the frame and the seed computes, without Counterseal. */
function rerun(references: string[], seed: string, size: number): { frameHash: string; sample: string[]; spares: string[] } {
  const frame = [...references].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const mac = (reference: string) => createHmac("sha256", Buffer.from(seed, "hex")).update(reference, "utf8").digest();
  const order = [...frame].sort((a, b) => Buffer.compare(mac(a), mac(b)));
  return { frameHash: createHash("sha256").update(frame.map((reference) => `${reference}\n`).join("")).digest("hex"), sample: order.slice(0, size), spares: order.slice(size, 2 * size) };
}

describe("counterseal sample plan", () => {
  it("prints the binomial sample size with --json, and in words, with no store", async () => {
    const noStore = ["--store", "/nonexistent/counterseal-store"];
    const json = await cliOk([...noStore, "sample", "plan", "--confidence", "95", "--tolerable", "5", "--expected", "0", "--json"], { env: { COUNTERSEAL_PASSPHRASE: undefined } });
    expect(JSON.parse(json.stdout)).toEqual({ method: "binomial", confidence: 95, tolerable: 5, expected: 0, sampleSize: 59, achievedRisk: 4.8495, upperDeviationLimit: 4.9508 });
    expect(JSON.parse((await cliOk(["sample", "plan", "--confidence", "90", "--tolerable", "2", "--json"])).stdout)).toMatchObject({ sampleSize: 114 });
    expect(JSON.parse((await cliOk(["sample", "plan", "--tolerable", "4", "--expected", "1", "--json"])).stdout)).toMatchObject({ confidence: 95, sampleSize: 117 });
    const words = await cliOk(["sample", "plan", "--tolerable", "5"]);
    expect(words.stdout).toBe("sample 59 cases: 95% confidence, tolerable deviation rate 5%, 0 deviations allowed (binomial; risk reached 4.8495%; upper deviation limit 4.9508% if 0 found)\n");
  });

  it("refuses what it cannot plan as a usage error naming the option", async () => {
    for (const [args, message] of [
      [["--tolerable", "0"], /tolerable deviation rate 0/],
      [["--tolerable", "five"], /--tolerable five: give a percentage/],
      [["--tolerable", "5", "--confidence", "100"], /confidence 100/],
      [["--tolerable", "5", "--expected", "-1"], /--expected -1: use a whole number/],
    ] as const) {
      const result = await runCli(["sample", "plan", ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe("counterseal sample draw", () => {
  it("draws from every stored revision, filters, stratifies and marks purposive picks, the same each time", async () => {
    const office = openTestOffice();
    const kinds = [
      ["mlat", "routine"],
      ["eu-production-order", "routine"],
      ["eu-production-order", "emergency"],
      ["domestic-warrant", "routine"],
    ] as const;
    const references: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const [instrument, level] = kinds[i % kinds.length] ?? kinds[0];
      office.runtime.advance(DAY);
      const urgency = level === "emergency" ? { level, reason: "An imminent threat to the life of a person is stated in the facts." } : { level };
      const outcome = await importBundleFile(office.session, await office.seal({ document: sampleRequest({ id: `OM-RTM-2026-${String(i).padStart(4, "0")}`, instrument, urgency }) }));
      expect(outcome.status, JSON.stringify(outcome)).toBe("imported");
      references.push(`${SAMPLE_AUTHORITY.id}/OM-RTM-2026-${String(i).padStart(4, "0")}/1`);
    }
    office.runtime.advance(DAY);
    await importBundleFile(office.session, await office.seal({ document: sampleRequest({ id: "OM-RTM-2026-0000", revision: 2, instrument: "mlat" }) }));
    references.push(`${SAMPLE_AUTHORITY.id}/OM-RTM-2026-0000/2`);
    office.session.store.close();
    const store = ["--store", office.storeDir];
    const draw = async (...args: string[]): Promise<DrawJson> => JSON.parse((await cliOk([...store, "sample", "draw", ...args, "--json"])).stdout) as DrawJson;

    const all = await draw("--seed", SEED, "--size", "4");
    expect(all).toMatchObject({ seed: SEED, population: 13, size: 4, ...rerun(references, SEED, 4), stratifyBy: null, filter: {}, purposive: [] });
    expect(await draw("--seed", SEED.toUpperCase(), "--size", "4")).toEqual(all);

    const mlat = await draw("--seed", SEED, "--size", "2", "--instrument", "mlat");
    const mlatReferences = references.filter((_, i) => i % 4 === 0 || i === 12);
    expect(mlat).toMatchObject({ population: mlatReferences.length, ...rerun(mlatReferences, SEED, 2), filter: { instrument: "mlat" } });
    // Received one day apart from T0 + 1 day: days 2 to 4 of the test clock's month are the 2nd to 4th imports.
    const days = await draw("--seed", SEED, "--size", "1", "--from", "2026-11-22", "--to", "2026-11-24");
    expect(days.population).toBe(3);
    expect((await draw("--seed", SEED, "--size", "1", "--urgency", "emergency")).population).toBe(3);

    const strata = await draw("--seed", SEED, "--size", "6", "--stratify-by", "instrument", "--purposive", `urgent-approval=${references[2] ?? ""}`);
    expect(strata.strata.map(({ stratum, population, allocated }) => [stratum, population, allocated])).toEqual([
      ["domestic-warrant", 3, 1],
      ["eu-production-order", 6, 3],
      ["mlat", 4, 2],
    ]);
    expect(strata.sample).toEqual(strata.strata.flatMap((stratum) => stratum.sample));
    expect(strata.purposive).toEqual([{ reference: references[2], reason: "urgent-approval", purposive: true, alsoInRandomSample: strata.sample.includes(references[2] ?? "") }]);

    const random = await draw("--size", "2");
    expect(random.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(random).toMatchObject(rerun(references, random.seed, 2));

    const text = await cliOk([...store, "sample", "draw", "--seed", SEED, "--size", "2"]);
    expect(text.stdout).toContain(`frame hash ${all.frameHash}\nseed       ${SEED}\npopulation 13 request revisions; sample 2, spares 2\nsample:\n  1. ${all.sample[0] ?? ""}\n`);

    for (const [args, message] of [
      [["--size", "2", "--purposive", "urgent-approval=xx/none/1"], /purposive pick xx\/none\/1: no stored request revision/],
      [["--size", "2", "--purposive", "because=xx/none/1"], /--purposive because=xx\/none\/1: write REASON=/],
      [["--size", "2", "--seed", "abc"], /--seed abc: give 32 bytes as 64 hex digits/],
      [["--size", "0"], /--size 0: use a whole number from 1/],
      [["--size", "2", "--instrument", "subpoena"], /--instrument subpoena: use one of mlat/],
      [["--size", "2", "--stratify-by", "colour"], /--stratify-by colour: use one of instrument/],
      [["--size", "2", "--from", "2026-13-01"], /from 2026-13-01: give a date as YYYY-MM-DD/],
    ] as const) {
      const result = await runCli([...store, "sample", "draw", ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
  }, 60_000);
});
