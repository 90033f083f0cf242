// `counterseal demo --store DIR`: a fresh store holding twelve requests.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliOk, expectExit, fingerprintDir, jsonLines, runCli, type RequestSummaryJson } from "../helpers/cli.js";
import { suiteTempFolder } from "../helpers/temp.js";

describe("counterseal demo", () => {
  const temp = suiteTempFolder("cli-demo");
  const storeDir = join(temp.dir, "demo-store");
  afterAll(() => temp.remove());

  it("creates a store with 12 requests, and refuses to build over an existing store", async () => {
    const made = await cliOk(["demo", "--store", storeDir]);
    expect(made.stdout).toMatch(/\b12 requests\b/);
    expect(made.stderr).toBe("");

    const listed = jsonLines((await cliOk(["--store", storeDir, "requests", "--json"])).stdout) as RequestSummaryJson[];
    expect(listed).toHaveLength(12);
    for (const request of listed) {
      expect(request).toMatchObject({
        authority: expect.stringMatching(/^[A-Za-z0-9._:-]+$/),
        id: expect.stringMatching(/^[A-Za-z0-9._:-]+$/),
        revision: expect.any(Number),
        instrument: expect.any(String),
        urgency: expect.stringMatching(/^(routine|expedited|emergency)$/),
        receivedAt: expect.any(String),
      });
    }
    expect(new Set(listed.map((r) => `${r.authority}/${r.id}/${r.revision}`)).size).toBe(12);

    const before = fingerprintDir(storeDir);
    const again = await runCli(["demo", "--store", storeDir]);
    expectExit(again, 2);
    expect(again.stderr).toMatch(/already exists/);
    expect(fingerprintDir(storeDir)).toEqual(before);
  });
});
