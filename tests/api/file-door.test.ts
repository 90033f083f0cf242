// The API table's file door over a real store: imports only by the one-shot tokens main issued,
// refusing forged, reused and pre-lock ones; non-regular files refused before anything is read;
// saving only where the door says, never over a file the reviewer did not agree to replace.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../electron/api/dispatch.js";
import type { FileDoor } from "../../electron/api/file-door.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { createDownloadsDoor } from "../../electron/host/http-files.js";
import type { ApiResult } from "../../shared/api/result.js";
import { openTestOffice, STORE_PASSPHRASE } from "../helpers/office.js";
import { SAMPLE_AUTHORITY, sampleRequest } from "../helpers/sample-request.js";
import { tempFolder } from "../helpers/temp.js";
import { noSaving, recordingDoor, savingInto } from "./doors.js";

const PDF = new TextEncoder().encode("%PDF-1.4\n% the attachment's own bytes\n%%EOF\n");
const ATTACHMENT = "attachments/order.pdf";

/** A store with one trusted issuer, a sealed bundle on disk, and the table over it (unlocked). */
async function openTable(files: FileDoor = noSaving) {
  const office = openTestOffice();
  const document = sampleRequest({ attachments: [{ path: ATTACHMENT, title: "Signed order", mediaType: "application/pdf" }] });
  const bundle = await office.seal({ document, attachments: [{ name: "order.pdf", bytes: PDF }], name: "request-0117.sealed" });
  office.session.store.close();
  const table = createApiHandlers({ storeDir: office.storeDir, runtime: office.runtime, files });
  const { dispatch } = createDispatcher(table);
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = (await dispatch(method, args)) as ApiResult<T>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  };
  await call("unlock", { passphrase: STORE_PASSPHRASE });
  const stored = async () => (await call<{ total: number }>("queryInbox", { offset: 0, limit: 10, sort: { field: "receivedAt", direction: "desc" } })).total;
  const ref = { authority: SAMPLE_AUTHORITY.id, id: String(document["id"]), revision: 1, path: ATTACHMENT };
  return { office, table, dispatch, call, bundle, stored, ref };
}

type Opened = Awaited<ReturnType<typeof openTable>>;

const importByToken = async ({ table, call, bundle }: Opened) => {
  const { token } = await table.importFiles.register(bundle);
  return call<{ status: string }[]>("importBundles", { tokens: [token] });
};

describe("importBundles by token", () => {
  it("imports a registered file once, showing its name and not its path", async () => {
    const opened = await openTable();
    const picked = await opened.table.importFiles.register(opened.bundle);
    expect(picked).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: "request-0117.sealed", size: readFileSync(opened.bundle).length });
    const outcomes = await opened.call("importBundles", { tokens: [picked.token] });
    expect(outcomes).toEqual([{ file: "request-0117.sealed", status: "imported", authority: SAMPLE_AUTHORITY.id, id: "OM-RTM-2026-0117", revision: 1 }]);
    expect(await opened.stored()).toBe(1);
    opened.table.close();
  });

  it("refuses a forged token, a reused one, one repeated in a call, and one issued before a lock", async () => {
    const opened = await openTable();
    const { dispatch, table } = opened;
    const forged = Buffer.alloc(32, 7).toString("base64url");
    expect(await dispatch("importBundles", { tokens: [forged] })).toMatchObject({ ok: false, error: { code: "import-token-unknown" } });

    const { token } = await table.importFiles.register(opened.bundle);
    // A bad token anywhere refuses the whole call and spends none of the good ones.
    expect(await dispatch("importBundles", { tokens: [token, forged] })).toMatchObject({ ok: false, error: { code: "import-token-unknown", message: expect.stringContaining("File 2 of 2") } });
    expect(await dispatch("importBundles", { tokens: [token, token] })).toMatchObject({ ok: false, error: { code: "import-token-unknown" } });
    expect(await dispatch("importBundles", { tokens: [token] })).toMatchObject({ ok: true, value: [{ status: "imported" }] });
    expect(await dispatch("importBundles", { tokens: [token] })).toMatchObject({ ok: false, error: { code: "import-token-unknown" } });

    const beforeLock = await table.importFiles.register(opened.bundle);
    await dispatch("lock", {});
    await dispatch("unlock", { passphrase: STORE_PASSPHRASE });
    expect(await dispatch("importBundles", { tokens: [beforeLock.token] })).toMatchObject({ ok: false, error: { code: "import-token-unknown" } });
    table.close();
  });

  it("issues no token while the store is locked", async () => {
    const opened = await openTable();
    await opened.call("lock");
    await expect(opened.table.importFiles.register(opened.bundle)).rejects.toMatchObject({ code: "locked" });
    opened.table.close();
  });

  it("refuses a path in place of tokens before anything is read", async () => {
    const opened = await openTable();
    expect(await opened.dispatch("importBundles", { paths: [opened.bundle] })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    expect(await opened.dispatch("importBundles", { tokens: [opened.bundle] })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    expect(await opened.stored()).toBe(0);
    opened.table.close();
  });

  it("refuses /dev/zero, a FIFO and a folder before reading them, stores nothing, and names each by its name", async () => {
    const opened = await openTable();
    const dir = tempFolder();
    const fifo = path.join(dir, "pipe.sealed");
    execFileSync("mkfifo", [fifo]);
    const folder = path.join(dir, "folder.sealed");
    mkdirSync(folder);
    const files = ["/dev/zero", fifo, folder];
    const picked = [];
    for (const file of files) picked.push(await opened.table.importFiles.register(file));
    const outcomes = await opened.call<{ file: string; status: string; code: string; message: string }[]>("importBundles", { tokens: picked.map((file) => file.token) });
    expect(outcomes.map(({ file, status, code }) => [file, status, code])).toEqual([
      ["zero", "refused", "age-invalid"],
      ["pipe.sealed", "refused", "age-invalid"],
      ["folder.sealed", "refused", "age-invalid"],
    ]);
    expect(outcomes.map((outcome) => outcome.message)).toEqual([
      "zero is a device, not a regular file: nothing was read from it",
      "pipe.sealed is a pipe (FIFO), not a regular file: nothing was read from it",
      "folder.sealed is a folder, not a regular file: nothing was read from it",
    ]);
    expect(await opened.stored()).toBe(0);
    // The store still imports a real bundle afterwards.
    expect(await importByToken(opened)).toMatchObject([{ status: "imported" }]);
    opened.table.close();
  });
});

describe("saveAttachment through the door", () => {
  it("asks the door with the attachment's name and writes exactly its bytes there, in one call", async () => {
    const downloads = tempFolder();
    const door = savingInto(downloads);
    const opened = await openTable(door);
    await importByToken(opened);
    expect(await opened.call("saveAttachment", opened.ref)).toEqual({ saved: true, bytes: PDF.byteLength, name: "order.pdf" });
    expect(door.asked).toEqual(["order.pdf"]);
    expect(readFileSync(path.join(downloads, "order.pdf"))).toEqual(Buffer.from(PDF));
    expect(readdirSync(downloads)).toEqual(["order.pdf"]);
    opened.table.close();
  });

  it("writes nothing when the reviewer cancels, and does not open the dialog for an unknown attachment", async () => {
    const door = recordingDoor(() => null);
    const opened = await openTable(door);
    await importByToken(opened);
    expect(await opened.call("saveAttachment", opened.ref)).toEqual({ saved: false });
    expect(await opened.dispatch("saveAttachment", { ...opened.ref, path: "attachments/none.pdf" })).toMatchObject({ ok: false, error: { code: "request-not-found" } });
    expect(door.asked).toEqual(["order.pdf"]);
    opened.table.close();
  });

  it("never replaces an existing file the reviewer did not confirm replacing, and leaves no partial file", async () => {
    const downloads = tempFolder();
    const opened = await openTable(savingInto(downloads, false));
    await importByToken(opened);
    const existing = path.join(downloads, "order.pdf");
    writeFileSync(existing, "the reviewer's own file");
    expect(await opened.dispatch("saveAttachment", opened.ref)).toMatchObject({ ok: false, error: { code: "save-target-exists" } });
    expect(readFileSync(existing, "utf8")).toBe("the reviewer's own file");
    expect(readdirSync(downloads)).toEqual(["order.pdf"]);
    opened.table.close();
  });

  it("replaces an existing file when the door says the reviewer confirmed it, through a rename", async () => {
    const downloads = tempFolder();
    const opened = await openTable(savingInto(downloads, true));
    await importByToken(opened);
    const existing = path.join(downloads, "order.pdf");
    writeFileSync(existing, "an older copy");
    expect(await opened.call("saveAttachment", opened.ref)).toMatchObject({ saved: true, name: "order.pdf" });
    expect(readFileSync(existing)).toEqual(Buffer.from(PDF));
    expect(readdirSync(downloads)).toEqual(["order.pdf"]);
    opened.table.close();
  });

  it("through the test host's door: fresh names in its downloads folder, never over a file, never elsewhere", async () => {
    const root = tempFolder();
    const downloads = path.join(root, "downloads");
    const opened = await openTable(createDownloadsDoor(downloads));
    await importByToken(opened);
    mkdirSync(downloads);
    writeFileSync(path.join(downloads, "order.pdf"), "already here");
    const first = await opened.call<{ name: string }>("saveAttachment", opened.ref);
    const second = await opened.call<{ name: string }>("saveAttachment", opened.ref);
    expect([first.name, second.name]).toEqual(["order (2).pdf", "order (3).pdf"]);
    expect(readFileSync(path.join(downloads, "order.pdf"), "utf8")).toBe("already here");
    expect(readFileSync(path.join(downloads, "order (3).pdf"))).toEqual(Buffer.from(PDF));
    // The page cannot name the destination at all; nothing appears outside the folder.
    const outside = path.join(root, "bashrc");
    expect(await opened.dispatch("saveAttachment", { ...opened.ref, destination: outside })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    expect(existsSync(outside)).toBe(false);
    expect(readdirSync(root)).toEqual(["downloads"]);
    opened.table.close();
  });
});

describe("saveOriginal through the door", () => {
  it("writes the sealed bundle exactly as it arrived where the door says, named after the request", async () => {
    const downloads = tempFolder();
    const door = savingInto(downloads);
    const opened = await openTable(door);
    await importByToken(opened);
    const { path: _attachment, ...revision } = opened.ref;
    const original = readFileSync(opened.bundle);
    expect(await opened.call("saveOriginal", revision)).toEqual({ saved: true, bytes: original.length, name: "OM-RTM-2026-0117-r1.sealed" });
    expect(door.asked).toEqual(["OM-RTM-2026-0117-r1.sealed"]);
    expect(readFileSync(path.join(downloads, "OM-RTM-2026-0117-r1.sealed")).equals(original)).toBe(true);
    expect(await opened.dispatch("saveOriginal", { ...revision, revision: 2 })).toMatchObject({ ok: false, error: { code: "request-not-found" } });
    expect(door.asked).toHaveLength(1);
    opened.table.close();
  });
});
