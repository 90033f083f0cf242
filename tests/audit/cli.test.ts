// `counterseal audit verify | list` as a real process: exit 0 on an intact chain, 1 naming the
// first broken link, in text and with --json.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, initStore, jsonLines, runCli, STORE_PASSPHRASE } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";
import { tamperAudit } from "./helpers.js";

describe("counterseal audit", () => {
  const temp = suiteTempFolder("cli-audit");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  beforeAll(() => initStore(storeDir), 60_000);
  afterAll(() => temp.remove());

  it("verifies an intact log, lists it, then names the first broken link and exits 1", async () => {
    const verified = await cliOk([...store, "audit", "verify", "--json"]);
    expect(verified.stdout.trimEnd()).not.toContain("\n");
    const intact = JSON.parse(verified.stdout) as { ok: boolean; count: number; headSeq: number; headHash: string };
    expect(intact).toEqual({ ok: true, count: 3, headSeq: 3, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const text = await cliOk([...store, "audit", "verify"]);
    expect(text.stdout).toBe(`audit log intact: 3 entries; head 3 ${intact.headHash}\n`);

    const listed = jsonLines((await cliOk([...store, "audit", "list", "--json"])).stdout) as { seq: number; action: string; actor: unknown; rowHash: string }[];
    expect(listed.map((entry) => [entry.seq, entry.action])).toEqual([
      [1, "store.created"],
      [2, "reviewer.created"],
      [3, "age-identity.added"],
    ]);
    expect(listed[0]?.actor).toEqual({ kind: "system" });
    expect(listed[1]?.actor).toEqual({ kind: "reviewer", keyId: expect.stringMatching(/^[0-9A-F]{1,16}$/) });
    expect(listed.at(-1)?.rowHash).toBe(intact.headHash);
    const page = jsonLines((await cliOk([...store, "audit", "list", "--after", "1", "--limit", "1", "--json"])).stdout);
    expect(page).toEqual([listed[1]]);
    const lines = (await cliOk([...store, "audit", "list", "--after", "2"])).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {5}3 {2}\S+Z {2}reviewer:[0-9A-F]+ {2}age-identity\.added {2}\S+ {2}\{"recipient":"age1\w+","label":"Test Office \(generated\)"\}$/);

    tamperAudit(storeDir, `UPDATE audit_log SET details_json = '{"label":"forged","recipient":"age1x"}' WHERE seq = 3`, STORE_PASSPHRASE);
    const broken = await runCli([...store, "audit", "verify", "--json"]);
    expectExit(broken, 1);
    expect(JSON.parse(broken.stdout)).toEqual({ ok: false, seq: 3, reason: "details do not match their digest" });
    const brokenText = await runCli([...store, "audit", "verify"]);
    expectExit(brokenText, 1);
    expect(brokenText.stdout).toBe("audit log broken at entry 3: details do not match their digest\n");
  });

  it("refuses a page it cannot read as a usage error", async () => {
    for (const args of [["--limit", "0"], ["--limit", "x"], ["--after", "-1"]]) {
      const result = await runCli([...store, "audit", "list", ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(new RegExp(`${args[0]} ${args[1]}: use a whole number`));
    }
  });
});
