// Main's file door without Electron: the save dialog asks before an existing name and its answer
// is the only confirmation of a replacement; the import channels answer only the app's window,
// take only absolute paths Electron gave the preload, and answer tokens, never paths.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserWindow, IpcMainInvokeEvent } from "electron";
import { describe, expect, it, vi } from "vitest";
import { createImportFileRegistry, createImportTokens } from "../../electron/api/import-tokens.js";
import { createMainFileDoor, FOLDER_DIALOG_PROPERTIES, registerFileChannels, SAVE_DIALOG_PROPERTIES, type DialogPort } from "../../electron/main/file-door.js";
import { CHOOSE_IMPORT_CHANNEL, REGISTER_DROP_CHANNEL } from "../../shared/api/bridge.js";
import { createFileFunctions, NOT_FROM_DISK_MESSAGE } from "../../electron/preload/file-functions.js";
import { testRuntime } from "../helpers/runtime.js";
import { tempFolder } from "../helpers/temp.js";

const window = { id: 1 } as unknown as BrowserWindow;

function fakeDialog(answers: { save?: string | null; open?: string[] | null } = {}) {
  const dialog = {
    showSaveDialog: vi.fn(async () => (answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: "" })),
    showOpenDialog: vi.fn(async () => (answers.open ? { canceled: false, filePaths: answers.open } : { canceled: true, filePaths: [] })),
  };
  return dialog as typeof dialog & DialogPort;
}

describe("the export folder door", () => {
  it("asks main's folder dialog, titled with what goes there, and answers the folder it picked", async () => {
    const folder = tempFolder();
    const dialog = fakeDialog({ open: [folder] });
    expect(await createMainFileDoor({ dialog, window: () => window }).chooseFolder("../D-1")).toBe(folder);
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, { title: "D-1", buttonLabel: "Export here", properties: FOLDER_DIALOG_PROPERTIES });
    expect(FOLDER_DIALOG_PROPERTIES).toContain("openDirectory");
    expect(FOLDER_DIALOG_PROPERTIES).not.toContain("multiSelections");
  });

  it("answers null on cancel, and without a window opens nothing", async () => {
    expect(await createMainFileDoor({ dialog: fakeDialog(), window: () => window }).chooseFolder("D-1")).toBeNull();
    const dialog = fakeDialog({ open: ["/tmp"] });
    expect(await createMainFileDoor({ dialog, window: () => undefined }).chooseFolder("D-1")).toBeNull();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe("the save dialog door", () => {
  it("asks with only the suggested name's last segment, with the overwrite confirmation on", async () => {
    const folder = tempFolder();
    const dialog = fakeDialog({ save: path.join(folder, "order.pdf") });
    const door = createMainFileDoor({ dialog, window: () => window });
    expect(await door.chooseSavePath("../../.bashrc/order.pdf")).toEqual({ path: path.join(folder, "order.pdf"), replaceExisting: false });
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, { defaultPath: "order.pdf", properties: SAVE_DIALOG_PROPERTIES });
    expect(SAVE_DIALOG_PROPERTIES).toContain("showOverwriteConfirmation");
  });

  it("says a replacement was confirmed only when the dialog answered an existing name", async () => {
    const folder = tempFolder();
    const existing = path.join(folder, "order.pdf");
    writeFileSync(existing, "x");
    const door = createMainFileDoor({ dialog: fakeDialog({ save: existing }), window: () => window });
    expect(await door.chooseSavePath("order.pdf")).toEqual({ path: existing, replaceExisting: true });
  });

  it("answers null on cancel, and without a window opens nothing", async () => {
    expect(await createMainFileDoor({ dialog: fakeDialog(), window: () => window }).chooseSavePath("a.pdf")).toBeNull();
    const dialog = fakeDialog({ save: "/tmp/a.pdf" });
    expect(await createMainFileDoor({ dialog, window: () => undefined }).chooseSavePath("a.pdf")).toBeNull();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

function channels(options: { trusted?: boolean; open?: string[] | null; locked?: boolean } = {}) {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: vi.fn((channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, handler)) };
  const tokens = createImportTokens(testRuntime().ids.randomBytes);
  const owner = {};
  const importFiles = createImportFileRegistry(tokens, () => {
    if (options.locked) throw Object.assign(new Error("The store is locked: unlock it with its passphrase."), { code: "locked" });
    return owner;
  });
  const dialog = fakeDialog({ open: options.open ?? null });
  registerFileChannels(ipcMain as never, { dialog, window: () => window, trusted: () => options.trusted ?? true, importFiles });
  const invoke = (channel: string, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({} as IpcMainInvokeEvent, ...args);
  };
  return { invoke, tokens, owner, dialog, handlers };
}

describe("the import channels", () => {
  it("answers a drop's absolute path with a token, name and size, and the token imports that path once", async () => {
    const file = path.join(tempFolder(), "bundle.sealed");
    writeFileSync(file, "12345");
    const { invoke, tokens, owner } = channels();
    const answer = (await invoke(REGISTER_DROP_CHANNEL, file)) as { ok: true; value: { token: string; name: string; size: number } };
    expect(answer).toEqual({ ok: true, value: { token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), name: "bundle.sealed", size: 5 } });
    expect(JSON.stringify(answer)).not.toContain(path.dirname(file));
    expect(tokens.take([answer.value.token], owner)).toEqual([{ path: file, name: "bundle.sealed" }]);
    expect(() => tokens.take([answer.value.token], owner)).toThrow(expect.objectContaining({ code: "import-token-unknown" }));
  });

  it("refuses other frames, relative paths, non-strings and a File Electron found no path for", async () => {
    expect(await channels({ trusted: false }).invoke(REGISTER_DROP_CHANNEL, "/etc/passwd")).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await channels({ trusted: false }).invoke(CHOOSE_IMPORT_CHANNEL)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const { invoke } = channels();
    for (const given of ["", "bundle.sealed", "../../etc/passwd", 7, null, { path: "/etc/passwd" }]) {
      expect(await invoke(REGISTER_DROP_CHANNEL, given), JSON.stringify(given)).toEqual({ ok: false, error: { code: "invalid-arguments", message: NOT_FROM_DISK_MESSAGE } });
    }
  });

  it("issues no token while the store is locked", async () => {
    const file = path.join(tempFolder(), "bundle.sealed");
    writeFileSync(file, "x");
    expect(await channels({ locked: true }).invoke(REGISTER_DROP_CHANNEL, file)).toMatchObject({ ok: false, error: { code: "locked" } });
  });

  it("opens main's open dialog for files, answering tokens for what was picked and [] on cancel", async () => {
    const dir = tempFolder();
    const [a, b] = ["a.sealed", "b.sealed"].map((name) => path.join(dir, name));
    writeFileSync(a ?? "", "aa");
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(b ?? "", "bbb");
    const { invoke, dialog } = channels({ open: [a ?? "", b ?? ""] });
    const answer = (await invoke(CHOOSE_IMPORT_CHANNEL)) as { ok: true; value: { name: string; size: number }[] };
    expect(answer.value.map(({ name, size }) => [name, size])).toEqual([
      ["a.sealed", 2],
      ["b.sealed", 3],
    ]);
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, { properties: ["openFile", "multiSelections"] });
    expect(await channels({ open: null }).invoke(CHOOSE_IMPORT_CHANNEL)).toEqual({ ok: true, value: [] });
  });
});

describe("the preload's import functions", () => {
  it("sends main the path Electron gives for a dropped File, and refuses one it gives none for", async () => {
    const invoke = vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } }));
    const lookup = vi.fn((file: { name: string }) => (file.name === "made-up" ? "" : `/home/ada/${file.name}`));
    const functions = createFileFunctions(invoke, lookup);
    expect(await functions.tokenForDroppedFile({ name: "bundle.sealed", size: 3 })).toEqual({ ok: true, value: { channel: REGISTER_DROP_CHANNEL, args: "/home/ada/bundle.sealed" } });
    expect(await functions.tokenForDroppedFile({ name: "made-up", size: 3 })).toEqual({ ok: false, error: { code: "invalid-arguments", message: NOT_FROM_DISK_MESSAGE } });
    const throwing = createFileFunctions(invoke, () => {
      throw new TypeError("not a File");
    });
    expect(await throwing.tokenForDroppedFile({ name: "x", size: 1 })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
    expect(invoke).toHaveBeenCalledTimes(1);
    await functions.chooseImportFiles();
    expect(invoke).toHaveBeenLastCalledWith(CHOOSE_IMPORT_CHANNEL, undefined);
  });
});
