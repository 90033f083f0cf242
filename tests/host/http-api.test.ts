import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { MAX_API_BODY_BYTES } from "../../electron/host/http-api.js";
import { INTERNAL_ERROR_MESSAGE } from "../../electron/api/dispatch-errors.js";
import { createDownloadsDoor } from "../../electron/host/http-files.js";
import { tempFolder } from "../helpers/temp.js";
import { asPage, callApi, fakeHandlers, identity, startTestHost } from "./host-fixtures.js";

describe("POST /__api/<method>", () => {
  it("answers the handler's value as an ok ApiResult, with the parsed arguments passed in", async () => {
    const unlock = vi.fn(() => identity);
    const host = await startTestHost({ handlers: fakeHandlers({ unlock }) });
    const status = await callApi(host, "getStoreStatus", {});
    expect(status.status).toBe(200);
    expect(status.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(status.json()).toEqual({ ok: true, value: { state: "locked", location: "/fake/store" } });

    expect((await callApi(host, "unlock", { passphrase: "correct horse" })).json()).toEqual({ ok: true, value: identity });
    expect(unlock).toHaveBeenCalledWith({ passphrase: "correct horse" });
  });

  it("answers domain errors and invalid arguments as data (200, ok:false), like ipc", async () => {
    const host = await startTestHost();
    const wrong = await callApi(host, "unlock", { passphrase: "wrong" });
    expect(wrong.status).toBe(200);
    expect(wrong.json()).toEqual({ ok: false, error: { code: "wrong-passphrase", message: "The passphrase does not open this store." } });
    expect((await callApi(host, "unlock", { passphrase: "" })).json()).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    // No body at all is "no arguments", refused by the contract, not by the transport.
    const empty = await asPage(host, "/__api/getStoreStatus", { method: "POST", headers: { "Content-Type": "application/json" } });
    expect(empty.json()).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
  });

  it("hides internal errors from the page and tells the host's log", async () => {
    const log = vi.fn();
    const host = await startTestHost({
      log,
      handlers: fakeHandlers({
        lock: () => {
          throw new Error("SQLITE_CORRUPT at /home/ada/store.db");
        },
      }),
    });
    const response = await callApi(host, "lock", {});
    expect(response.json()).toEqual({ ok: false, error: { code: "internal", message: INTERNAL_ERROR_MESSAGE } });
    expect(response.text).not.toContain("SQLITE");
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toContain("SQLITE_CORRUPT");
  });

  it("answers 404 for methods the contract does not have, without reading them as methods", async () => {
    const host = await startTestHost();
    for (const method of ["nope", "constructor", "__proto__", "toString", "", "getStoreStatus/extra", "getStore%53tatus"]) {
      const response = await callApi(host, method, {});
      expect(response.status, method).toBe(404);
      expect(response.json(), method).toMatchObject({ ok: false, error: { code: "unknown-method" } });
    }
  });

  it("refuses methods other than POST", async () => {
    const getStoreStatus = vi.fn(() => ({ state: "locked" as const, location: "/x" }));
    const host = await startTestHost({ handlers: fakeHandlers({ getStoreStatus }) });
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await asPage(host, "/__api/getStoreStatus", { method, headers: { "Content-Type": "application/json", Origin: host.origin }, body: "{}" });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe("POST");
      expect(response.json()).toMatchObject({ ok: false, error: { code: "host-method-not-allowed" } });
    }
    expect(getStoreStatus).not.toHaveBeenCalled();
  });

  it("refuses calls that do not come from the host's own page", async () => {
    const getStoreStatus = vi.fn(() => ({ state: "locked" as const, location: "/x" }));
    const host = await startTestHost({ handlers: fakeHandlers({ getStoreStatus }) });
    const foreign: Array<Record<string, string>> = [
      { Origin: "http://evil.example" },
      { Origin: `http://127.0.0.1:${host.port + 1}` },
      { Origin: `http://localhost:${host.port}` },
      { Origin: "null" },
      { Origin: host.origin, "Sec-Fetch-Site": "same-site" },
      { Origin: host.origin, "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of foreign) {
      const response = await callApi(host, "getStoreStatus", {}, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toMatchObject({ ok: false, error: { code: "host-forbidden" } });
    }
    // No Origin at all: browsers always send one on POST, so its absence is not trusted.
    const bare = await asPage(host, "/__api/getStoreStatus", { method: "POST", headers: { "Content-Type": "application/json", Origin: "" }, body: "{}" });
    expect(bare.status).toBe(403);
    expect(getStoreStatus).not.toHaveBeenCalled();
    expect((await callApi(host, "getStoreStatus", {}, { "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
  });

  it("accepts JSON only", async () => {
    const getStoreStatus = vi.fn(() => ({ state: "locked" as const, location: "/x" }));
    const host = await startTestHost({ handlers: fakeHandlers({ getStoreStatus }) });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"]) {
      const response = await callApi(host, "getStoreStatus", {}, { "Content-Type": type });
      expect(response.status, type).toBe(415);
    }
    expect(getStoreStatus).not.toHaveBeenCalled();
    expect((await callApi(host, "getStoreStatus", {}, { "Content-Type": "application/json; charset=utf-8" })).status).toBe(200);
    const broken = await asPage(host, "/__api/getStoreStatus", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ ok: false, error: { code: "host-invalid-json" } });
  });

  it("refuses a body over the limit, declared or streamed, before the handler sees it", async () => {
    const addAgeIdentities = vi.fn(() => ({ added: [], known: [] }));
    const host = await startTestHost({ handlers: fakeHandlers({ addAgeIdentities }) });
    const big = JSON.stringify({ text: "x".repeat(MAX_API_BODY_BYTES) });
    for (const chunked of [false, true]) {
      const response = await asPage(host, "/__api/addAgeIdentities", { method: "POST", headers: { "Content-Type": "application/json" }, body: big, chunked });
      expect(response.status, `chunked: ${chunked}`).toBe(413);
      expect(response.json()).toMatchObject({ ok: false, error: { code: "host-body-too-large" } });
    }
    expect(addAgeIdentities).not.toHaveBeenCalled();
    // Just under the limit goes through.
    const fits = JSON.stringify({ text: "x".repeat(MAX_API_BODY_BYTES - 20) });
    expect((await asPage(host, "/__api/addAgeIdentities", { method: "POST", headers: { "Content-Type": "application/json" }, body: fits })).json()).toEqual({
      ok: true,
      value: { added: [], known: [] },
    });
  });
});

describe("saving through the test host", () => {
  it("has no route that answers a path: /__host/save-path is gone", async () => {
    const host = await startTestHost();
    const response = await asPage(host, "/__host/save-path", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "a.pdf" }) });
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ ok: false, error: { code: "host-not-found" } });
  });

  it("refuses a saveAttachment that names a destination, before the table is asked", async () => {
    const saveAttachment = vi.fn(() => ({ saved: false as const }));
    const host = await startTestHost({ handlers: fakeHandlers({ saveAttachment }) });
    const ref = { authority: "nl-om-rotterdam", id: "REQ-1", revision: 1, path: "attachments/order.pdf" };
    const response = await callApi(host, "saveAttachment", { ...ref, destination: "/home/ada/.bashrc" });
    expect(response.json()).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    expect(saveAttachment).not.toHaveBeenCalled();
  });
});

describe("the downloads door", () => {
  it("answers fresh names in the downloads folder, made safe, never an existing or already given one", async () => {
    const root = tempFolder();
    const downloads = path.join(root, "downloads");
    const door = createDownloadsDoor(downloads);
    const first = await door.chooseSavePath("report.pdf");
    expect(first).toEqual({ path: path.join(downloads, "report.pdf"), replaceExisting: false });
    writeFileSync(path.join(downloads, "report.pdf"), "already here");
    // Given but not yet written, or on disk: the next answer differs.
    expect(await door.chooseSavePath("report.pdf")).toEqual({ path: path.join(downloads, "report (2).pdf"), replaceExisting: false });
    expect(await door.chooseSavePath("report.pdf")).toEqual({ path: path.join(downloads, "report (3).pdf"), replaceExisting: false });
    for (const [name, expected] of [
      ["../../etc/passwd", "passwd"],
      ["..", "download"],
      ["/home/ada/.bashrc", "bashrc"],
      ["C:\\Users\\ada\\autostart.desktop", "autostart.desktop"],
    ] as const) {
      expect(await door.chooseSavePath(name), name).toEqual({ path: path.join(downloads, expected), replaceExisting: false });
    }
    // Nothing is created but the folder: the service writing the file decides how.
    expect(readdirSync(downloads)).toEqual(["report.pdf"]);
    expect(readdirSync(root)).toEqual(["downloads"]);
  });

  it("gives each export a new, empty folder of its own there, named after what goes in it", async () => {
    const root = tempFolder();
    const downloads = path.join(root, "downloads");
    const door = createDownloadsDoor(downloads);
    expect(await door.chooseFolder("D-1")).toBe(path.join(downloads, "D-1"));
    expect(await door.chooseFolder("D-1")).toBe(path.join(downloads, "D-1 (2)"));
    expect(await door.chooseFolder("../../etc")).toBe(path.join(downloads, "etc"));
    // A decision's id has dots, which are no extension in a folder's name.
    expect(await door.chooseFolder("nl-om.OM-1.r1.D1")).toBe(path.join(downloads, "nl-om.OM-1.r1.D1"));
    expect(await door.chooseFolder("nl-om.OM-1.r1.D1")).toBe(path.join(downloads, "nl-om.OM-1.r1.D1 (2)"));
    expect(readdirSync(downloads).sort()).toEqual(["D-1", "D-1 (2)", "etc", "nl-om.OM-1.r1.D1", "nl-om.OM-1.r1.D1 (2)"]);
    expect(readdirSync(path.join(downloads, "D-1"))).toEqual([]);
  });
});
