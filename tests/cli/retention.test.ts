// `counterseal retention` and `retention settings` through the built CLI on a real store: the rule
// is set and read back, an empty store has nothing due, and bad input exits 2 naming it.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, initStore, runCli } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";

describe("counterseal retention", () => {
  const temp = suiteTempFolder("cli-retention");
  const store = ["--store", join(temp.dir, "store")];
  beforeAll(() => initStore(join(temp.dir, "store")));
  afterAll(() => temp.remove());

  it("sets the rule, reads it back, and lists nothing due in a store without decisions", async () => {
    const set = await cliOk([...store, "retention", "settings", "--after", "refused=730", "--after", "returned=365", "--json"]);
    expect(JSON.parse(set.stdout)).toEqual({ refused: 730, returned: 365 });
    const kept = await cliOk([...store, "retention", "settings", "--keep", "returned"]);
    expect(kept.stdout).toMatch(/^refused\s+deleted 730 days after the final decision$/m);
    expect(kept.stdout).toMatch(/^returned\s+kept$/m);
    expect((await cliOk([...store, "retention", "--all", "--json"])).stdout).toBe("");
  });

  it("exits 2 naming the fault for bad input, changing nothing", async () => {
    for (const [args, message] of [
      [["retention", "--delete"], /add --yes/],
      [["retention", "settings", "--after", "rejected=30"], /rejected is not a decision outcome/],
      [["retention", "settings", "--after", "refused=two-years"], /--after refused=two-years: use OUTCOME=DAYS/],
      [["retention", "settings", "--after", "refused=0"], /refused=0: give a whole number of days from 1/],
    ] as const) {
      const result = await runCli([...store, ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
    expect(JSON.parse((await cliOk([...store, "retention", "settings", "--json"])).stdout)).toEqual({ refused: 730 });
  });
});
