// `counterseal grievance add | list | show | respond | export | settings` through the built CLI on
// a real store: a grievance from a letter, answered and exported, the copy checked with the stock
// minisign; bad input exits 2 naming the fault and changes nothing.
import { readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GrievanceView } from "../../shared/api/grievances.js";
import { cliOk, expectExit, initStore, jsonLines, runCli } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";

const ADD = [
  "grievance", "add", "--id", "G-2026-0007", "--complainant-kind", "data-subject", "--complainant", "Ελένη Παπαδοπούλου",
  "--concerns", "request:nl-om-rotterdam/OM-RTM-2026-0117", "--ground", "excessive-scope", "--ground", "not-notified",
  "--statement", "I was never told my account was disclosed.", "--remedy-sought", "Tell me what was disclosed.", "--received", "2026-11-30",
];

describe("counterseal grievance", () => {
  const temp = suiteTempFolder("cli-grievance");
  const storeDir = join(temp.dir, "store");
  const store = ["--store", storeDir];
  beforeAll(() => initStore(storeDir));
  afterAll(() => temp.remove());

  it("adds, lists, responds, shows and exports a grievance; the copy verifies with the stock minisign", async () => {
    const settings = await cliOk([...store, "grievance", "settings", "--response-days", "14", "--json"]);
    expect(JSON.parse(settings.stdout)).toMatchObject({ responseDays: 14 });

    const added = JSON.parse((await cliOk([...store, ...ADD, "--json"])).stdout) as GrievanceView;
    expect(added).toMatchObject({ id: "G-2026-0007", received: "2026-11-30", respondBy: expect.stringMatching(/^2026-12-14T/), linkedCase: null, response: null });

    const listed = jsonLines((await cliOk([...store, "grievance", "list", "--json"])).stdout) as GrievanceView[];
    expect(listed.map((each) => [each.id, each.complainant.name])).toEqual([["G-2026-0007", "Ελένη Παπαδοπούλου"]]);

    const answered = JSON.parse(
      (await cliOk([...store, "grievance", "respond", "G-2026-0007", "--outcome", "upheld", "--remedy", "notification", "--reason", "The person was not notified.", "--json"])).stdout,
    ) as GrievanceView;
    expect(answered).toMatchObject({ clock: "met", response: { id: "G-2026-0007-R", outcome: "upheld", remedies: ["notification"] } });
    const shown = await cliOk([...store, "grievance", "show", "G-2026-0007"]);
    expect(shown.stdout).toContain(`upheld; sha256 ${answered.response?.sha256}`);

    const out = join(temp.dir, "out");
    mkdirSync(out);
    const exported = JSON.parse((await cliOk([...store, "grievance", "export", "G-2026-0007", "--out", out, "--json"])).stdout) as { files: string[]; sealedTo: null };
    expect(exported.sealedTo).toBeNull();
    expect(readdirSync(out).sort()).toEqual(["G-2026-0007-R.json", "G-2026-0007-R.json.minisig", "G-2026-0007-R.pdf"]);
    const verified = await cliOk([...store, "verify", join(out, "G-2026-0007-R.json")]);
    expect(verified.stdout).toContain("G-2026-0007-R");

    const sealed = await runCli([...store, "grievance", "export", "G-2026-0007", "--out", join(temp.dir), "--seal"]);
    expectExit(sealed, 2);
    expect(sealed.stderr).toContain("verification copy");
  });

  it("exits 2 naming the fault, and registers nothing, for bad input", async () => {
    const before = (await cliOk([...store, "grievance", "list", "--json"])).stdout;
    const cases: [string[], RegExp][] = [
      [[...ADD.slice(0, 4)], /needs --complainant-kind, --complainant, --concerns, --statement, --remedy-sought, --received, --ground/],
      [ADD.map((arg) => (arg === "excessive-scope" ? "rudeness" : arg)).map((arg, i, all) => (all[i - 1] === "--id" ? "G-2026-0099" : arg)), /\$\.grounds\[0\]/],
      [ADD.map((arg) => (arg === "2026-11-30" ? "30.11.2026" : arg)).map((arg, i, all) => (all[i - 1] === "--id" ? "G-2026-0098" : arg)), /\$\.received/],
      [ADD.map((arg) => (arg.startsWith("request:") ? "request:only-an-authority" : arg)), /--concerns request:only-an-authority/],
      [["grievance", "respond", "G-404", "--outcome", "dismissed", "--reason", "x"], /no grievance G-404/],
      [["grievance", "respond", "G-2026-0007", "--outcome", "granted", "--reason", "x"], /--outcome granted/],
      [["grievance", "settings", "--response-days", "0"], /--response-days 0/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli([...store, ...args]);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
    }
    const file = join(temp.dir, "grievance.json");
    writeFileSync(file, '{"schema":"counterseal.grievance/1","id":"G-1","id":"G-2"}');
    const duplicateKey = await runCli([...store, "grievance", "add", "--file", file]);
    expectExit(duplicateKey, 2);
    expect(duplicateKey.stderr).toMatch(/key "id" appears twice/);
    expect((await cliOk([...store, "grievance", "list", "--json"])).stdout).toBe(before);
  });
});
