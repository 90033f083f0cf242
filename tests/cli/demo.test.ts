// `counterseal demo --store DIR`: a fresh store holding twelve requests.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../../electron/api/dispatch.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { noSaving } from "../api/doors.js";
import type { ApiResult } from "../../shared/api/result.js";
import { cliOk, expectExit, fingerprintDir, jsonLines, runCli, STORE_PASSPHRASE, type RequestDetailJson, type RequestSummaryJson } from "../helpers/cli.js";
import { testRuntime } from "../helpers/runtime.js";
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

  it("prints what the app's API returns: `requests --json` the inbox rows, `show --json` getRequest's detail", async () => {
    const listed = jsonLines((await cliOk(["--store", storeDir, "requests", "--json"])).stdout) as RequestSummaryJson[];
    const revised = listed.find((row) => row.revisionCount > 1) ?? listed[0];
    const ref = `${revised?.authority}/${revised?.id}`;
    const shown = JSON.parse((await cliOk(["--store", storeDir, "show", ref, "--json"])).stdout) as RequestDetailJson;

    const table = createApiHandlers({ storeDir, runtime: testRuntime(), files: noSaving });
    const { dispatch } = createDispatcher(table);
    try {
      expect(await dispatch("unlock", { passphrase: STORE_PASSPHRASE })).toMatchObject({ ok: true });
      const inbox = (await dispatch("queryInbox", { offset: 0, limit: 500, sort: { field: "receivedAt", direction: "desc" } })) as ApiResult<{ rows: unknown[] }>;
      expect(inbox).toEqual({ ok: true, value: { total: listed.length, rows: listed } });
      const detail = await dispatch("getRequest", { authority: revised?.authority, id: revised?.id });
      expect(detail).toEqual({ ok: true, value: shown });
      // A case with revisions, so the comparison covers the per-revision changes too.
      expect(shown.revisions.at(-1)?.changes.length).toBeGreaterThan(0);
    } finally {
      table.close();
    }
  });
});
