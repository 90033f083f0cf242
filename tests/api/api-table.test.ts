// The API table the app and the e2e host serve, driven through the dispatcher as the renderer
// drives it, over a real encrypted store filled by the demo (seal + import).
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import type * as NodeFs from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { buildDemoStore } from "../../electron/core/demo/demo-store.js";
import { sealBundle } from "../../electron/core/bundles/seal-bundle.js";
import { encodePublicKey, generateMinisignKeyPair } from "../../electron/core/crypto/minisign.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { createDispatcher } from "../../electron/api/dispatch.js";
import type { ApiResult } from "../../shared/api/result.js";
import { OTHER_TEST_PASSPHRASE, TEST_PASSPHRASE } from "../helpers/passphrases.js";
import { testRuntime } from "../helpers/runtime.js";
import { fileTempFolder, tempFolder } from "../helpers/temp.js";
import { noSaving, savingInto } from "./doors.js";
import type { FileDoor } from "../../electron/api/file-door.js";

// A held read: once `hold.armed`, the next streamed read (the import of the one large bundle,
// through its open descriptor) gets its first chunk, then waits inside its store savepoint until
// `hold.release` settles, and says so through `hold.reached`. The lock test
// acts at that known point instead of guessing how long an import takes.
const hold = vi.hoisted(() => ({
  armed: false,
  reached: (): void => {},
  release: Promise.resolve(),
}));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  async function* heldAfterFirstChunk(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let first = true;
    for await (const chunk of stream) {
      yield chunk;
      if (first) {
        first = false;
        hold.reached();
        await hold.release;
      }
    }
  }
  const createReadStream = ((...args: Parameters<typeof fs.createReadStream>) => {
    const stream = fs.createReadStream(...args);
    if (!hold.armed) return stream;
    hold.armed = false;
    return heldAfterFirstChunk(stream);
  }) as unknown as typeof fs.createReadStream;
  return { ...fs, default: { ...fs, createReadStream }, createReadStream };
});

const PASSPHRASE = TEST_PASSPHRASE;
const T = new Date("2026-11-27T12:00:00Z");
let storeDir: string;

// One demo store for the read-only tests (tempFolder would remove it after the first test).
beforeAll(async () => {
  storeDir = join(fileTempFolder("api"), "store");
  await buildDemoStore(storeDir, PASSPHRASE, testRuntime(T));
}, 60_000);

function openApi(files: FileDoor = noSaving) {
  const table = createApiHandlers({ storeDir, runtime: testRuntime(T), files });
  const { dispatch } = createDispatcher(table);
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = (await dispatch(method, args)) as ApiResult<T>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  };
  return { dispatch, call, close: () => table.close() };
}

const newestFirst = { field: "receivedAt", direction: "desc" } as const;

describe("the API table", () => {
  it("is locked until unlocked, refuses a wrong passphrase with its code, and locks again", async () => {
    const api = openApi();
    expect(await api.call("getStoreStatus")).toEqual({ state: "locked", location: storeDir });
    await expect(api.dispatch("queryInbox", { offset: 0, limit: 10, sort: newestFirst })).resolves.toMatchObject({ ok: false, error: { code: "locked" } });
    await expect(api.dispatch("unlock", { passphrase: "wrong" })).resolves.toMatchObject({ ok: false, error: { code: "wrong-passphrase" } });
    await expect(api.call("unlock", { passphrase: PASSPHRASE })).resolves.toMatchObject({ reviewer: { name: "Demo Reviewer" } });
    expect(await api.call("getStoreStatus")).toMatchObject({ state: "unlocked" });
    await api.call("lock");
    expect(await api.call("getStoreStatus")).toMatchObject({ state: "locked" });
  });

  it("pages, sorts, filters and searches the inbox in SQL", async () => {
    const api = openApi();
    await api.call("unlock", { passphrase: PASSPHRASE });
    try {
      const all = await api.call<{ total: number; rows: { urgency: string; instrument: string; authority: string; dataCategories: string[] }[] }>("queryInbox", { offset: 0, limit: 5, sort: newestFirst });
      expect(all.total).toBe(12);
      expect(all.rows).toHaveLength(5);

      const byUrgency = await api.call<typeof all>("queryInbox", { offset: 0, limit: 100, sort: { field: "urgency", direction: "desc" } });
      expect(byUrgency.rows.slice(0, 2).map((row) => row.urgency)).toEqual(["emergency", "emergency"]);

      const content = await api.call<typeof all>("queryInbox", { offset: 0, limit: 100, sort: newestFirst, filter: { category: "content" } });
      expect(content.total).toBeGreaterThan(0);
      expect(content.rows.every((row) => row.dataCategories.includes("content"))).toBe(true);

      const polish = await api.call<typeof all>("queryInbox", { offset: 0, limit: 100, sort: newestFirst, search: "lodz" });
      expect(polish.total).toBeGreaterThan(0);
      expect(polish.rows.every((row) => row.authority === "pl-po-lodz")).toBe(true);
      const none = await api.call<typeof all>("queryInbox", { offset: 0, limit: 100, sort: newestFirst, search: "zzzz-nothing-matches" });
      expect(none.total).toBe(0);

      // Pages fetched one by one add up to the whole list, in the same order, for every sort.
      for (const field of ["receivedAt", "submittedAt", "respondBy", "authority", "instrument", "urgency", "status"] as const) {
        for (const direction of ["asc", "desc"] as const) {
          const sort = { field, direction };
          const whole = await api.call<{ rows: { authority: string; id: string; revision: number }[] }>("queryInbox", { offset: 0, limit: 100, sort });
          const paged: typeof whole.rows = [];
          for (let offset = 0; offset < 12; offset += 5) paged.push(...(await api.call<typeof whole>("queryInbox", { offset, limit: 5, sort })).rows);
          const key = (row: { authority: string; id: string; revision: number }) => `${row.authority}/${row.id}/${row.revision}`;
          expect(paged.map(key), `${field} ${direction}`).toEqual(whole.rows.map(key));
          expect(new Set(whole.rows.map(key)).size).toBe(12);
        }
      }
      const searchedByUrgency = await api.call<typeof all>("queryInbox", { offset: 0, limit: 100, sort: { field: "urgency", direction: "desc" }, search: "lodz" });
      expect(searchedByUrgency.total).toBe(polish.total);
      expect(searchedByUrgency.rows[0]?.urgency).toBe("emergency");
    } finally {
      api.close();
    }
  });

  it("shows a request with the changes between its revisions, and serves its attachments", async () => {
    const downloads = tempFolder();
    const door = savingInto(downloads);
    const api = openApi(door);
    await api.call("unlock", { passphrase: PASSPHRASE });
    try {
      const detail = await api.call<{ revisions: { revision: number; changes: { path: string }[] }[]; attachments: { path: string; mediaType: string; sha256: string }[]; authority: string; id: string; revision: number }>(
        "getRequest",
        { authority: "nl-om-rotterdam", id: "OM-RTM-2026-0884" },
      );
      expect(detail.revisions.map((revision) => revision.revision)).toEqual([1, 2]);
      expect(detail.revisions[0]?.changes).toEqual([]);
      expect(detail.revisions[1]?.changes.map((change) => change.path)).toContain("$.revision");

      const withPdf = (await api.call<{ rows: { authority: string; id: string; revision: number }[] }>("queryInbox", { offset: 0, limit: 100, sort: newestFirst })).rows;
      let shown = false;
      for (const row of withPdf) {
        const request = await api.call<typeof detail>("getRequest", { authority: row.authority, id: row.id, revision: row.revision });
        const pdf = request.attachments.find((attachment) => attachment.mediaType === "application/pdf");
        if (!pdf) continue;
        const ref = { authority: row.authority, id: row.id, revision: row.revision, path: pdf.path };
        const inline = await api.call<{ base64: string; size: number }>("readAttachment", ref);
        expect(Buffer.from(inline.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
        const saved = await api.call<{ saved: boolean; name: string; bytes: number }>("saveAttachment", ref);
        const name = pdf.path.split("/").pop() ?? "";
        expect(saved).toEqual({ saved: true, name, bytes: inline.size });
        expect(door.asked).toEqual([name]);
        expect(readFileSync(join(downloads, name)).toString("base64")).toBe(inline.base64);
        shown = true;
        break;
      }
      expect(shown).toBe(true);
    } finally {
      api.close();
    }
  });

  it("keeps settings, and changes the passphrase only with the current one", async () => {
    const dir = join(tempFolder("counterseal-api-"), "store");
    const table = createApiHandlers({ storeDir: dir, runtime: testRuntime(T), files: noSaving });
    const { dispatch } = createDispatcher(table);
    expect(await dispatch("createStore", { reviewerName: "R", office: "O", passphrase: "summer2024!" })).toMatchObject({ ok: false, error: { code: "weak-passphrase" } });
    expect(await dispatch("getStoreStatus", {})).toEqual({ ok: true, value: { state: "missing", location: dir } });
    expect(await dispatch("createStore", { reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await dispatch("getSettings", {})).toEqual({ ok: true, value: { idleLockMinutes: 10, locale: "en-GB" } });
    expect(await dispatch("updateSettings", { idleLockMinutes: 3 })).toEqual({ ok: true, value: { idleLockMinutes: 3, locale: "en-GB" } });
    expect(await dispatch("changePassphrase", { current: "not it", next: OTHER_TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: "wrong-passphrase" } });
    // The shared rule refuses a weak new passphrase, saying why, and changes nothing.
    expect(await dispatch("changePassphrase", { current: TEST_PASSPHRASE, next: "letmein2024" })).toMatchObject({
      ok: false,
      error: { code: "weak-passphrase", message: expect.stringMatching(/^The passphrase is too weak: it is shorter than 12 characters/) as unknown },
    });
    expect(await dispatch("changePassphrase", { current: TEST_PASSPHRASE, next: OTHER_TEST_PASSPHRASE })).toEqual({ ok: true, value: null });
    await dispatch("lock", {});
    expect(await dispatch("unlock", { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: "wrong-passphrase" } });
    expect(await dispatch("unlock", { passphrase: OTHER_TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await dispatch("getSettings", {})).toEqual({ ok: true, value: { idleLockMinutes: 3, locale: "en-GB" } });
    table.close();
  });

  it("refuses to unlock a store whose key-derivation record is damaged, with store-damaged and the file named", async () => {
    const dir = join(tempFolder("counterseal-api-"), "store");
    const table = createApiHandlers({ storeDir: dir, files: noSaving, runtime: testRuntime(T) });
    const { dispatch } = createDispatcher(table);
    expect(await dispatch("createStore", { reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    await dispatch("lock", {});
    writeFileSync(join(dir, "counterseal.kdf.json"), "{");
    expect(await dispatch("unlock", { passphrase: TEST_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: "store-damaged", message: expect.stringContaining("counterseal.kdf.json is damaged (it is not JSON)") as unknown },
    });
    table.close();
  });

  it.skipIf(process.platform === "win32")("the store status names what other users can read, and only then", async () => {
    const dir = join(tempFolder("counterseal-api-"), "store");
    const table = createApiHandlers({ storeDir: dir, files: noSaving, runtime: testRuntime(T) });
    const { dispatch } = createDispatcher(table);
    expect(await dispatch("createStore", { reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await dispatch("getStoreStatus", {})).toEqual({ ok: true, value: { state: "unlocked", location: dir } });
    chmodSync(dir, 0o750);
    expect(await dispatch("getStoreStatus", {})).toEqual({
      ok: true,
      value: { state: "unlocked", location: dir, warnings: [expect.stringMatching(/^The store folder .* can be opened by other users \(mode 0750\)/) as unknown] },
    });
    table.close();
  });

  it("locks at once while an import runs, and closes the store when the import has finished", async () => {
    const dir = join(tempFolder("counterseal-api-"), "store");
    const runtime = testRuntime(T);
    const table = createApiHandlers({ storeDir: dir, runtime, files: noSaving });
    const { dispatch } = createDispatcher(table);
    const created = (await dispatch("createStore", { reviewerName: "R", office: "O", passphrase: TEST_PASSPHRASE })) as ApiResult<{ ageRecipients: string[] }>;
    if (!created.ok) throw new Error(created.error.message);
    const issuer = generateMinisignKeyPair(runtime.ids.randomBytes);
    const { id, name, country } = SAMPLE_AUTHORITY;
    expect(await dispatch("addAuthorityKey", { authorityId: id, name, country, minisignPublicKey: encodePublicKey(issuer) })).toMatchObject({ ok: true });
    // Larger than one read chunk (1 MiB), so the import streams the file and the hold can act.
    const attachment = new Uint8Array(3 * 1024 * 1024).fill(7);
    const document = sampleRequest({ attachments: [{ path: "attachments/dump.bin", title: "Dump", mediaType: "application/octet-stream" }] });
    const sealed = await sealBundle({
      bundleType: "request",
      documentBytes: new TextEncoder().encode(JSON.stringify(document)),
      identifier: { authority: id, id: String(document["id"]), revision: 1 },
      sourceOrganization: name,
      attachments: [{ name: "dump.bin", size: attachment.byteLength, open: async function* () { yield attachment; } }],
      signer: issuer,
      recipients: created.value.ageRecipients,
      armor: false,
      now: T,
    });
    const chunks: Uint8Array[] = [];
    for await (const chunk of sealed) chunks.push(chunk);
    const file = join(tempFolder(), "large.sealed");
    writeFileSync(file, Buffer.concat(chunks));

    let release = (): void => {};
    hold.release = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (hold.reached = resolve));
    const { token } = await table.importFiles.register(file);
    hold.armed = true;
    const importing = dispatch("importBundles", { tokens: [token] });
    await Promise.race([reached, importing.then(() => Promise.reject(new Error("the import ended without streaming the held file")))]);

    expect(await dispatch("getImportProgress", {})).toMatchObject({ ok: true, value: { active: true, fileIndex: 0, fileCount: 1 } });
    expect(await dispatch("lock", {})).toEqual({ ok: true, value: null });
    expect(await dispatch("getStoreStatus", {})).toMatchObject({ ok: true, value: { state: "locked" } });
    expect(await dispatch("listKeyring", {})).toMatchObject({ ok: false, error: { code: "locked" } });
    expect(await dispatch("unlock", { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: "import-busy" } });
    expect(await dispatch("getImportProgress", {})).toMatchObject({ ok: true, value: { active: true } });

    release();
    expect(await importing).toMatchObject({ ok: true, value: [{ status: "imported" }] });
    expect(await dispatch("unlock", { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await dispatch("getImportProgress", {})).toMatchObject({ ok: true, value: { active: false } });
    expect(await dispatch("queryInbox", { offset: 0, limit: 10, sort: newestFirst })).toMatchObject({ ok: true, value: { total: 1 } });
    table.close();
  });
});
