// Main's file door: the only place the app's file-system paths come from. The save dialog is
// opened inside the saveAttachment call (the API table writes where it answers); files to import
// come from main's open dialog, or from a drop the preload resolved through Electron's own
// file-path API, and go back to the page only as one-shot tokens. Electron is injected (types
// only here), so the policy is tested without it.
import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from "electron";
import { lstat } from "node:fs/promises";
import path from "node:path";
import { CHOOSE_IMPORT_CHANNEL, REGISTER_DROP_CHANNEL } from "../../shared/api/bridge.js";
import type { PickedImportFile } from "../../shared/api/requests.js";
import { fail, ok, type ApiResult } from "../../shared/api/result.js";
import { toApiError } from "../api/dispatch-errors.js";
import type { FileDoor } from "../api/file-door.js";
import type { ImportFileRegistry } from "../api/import-tokens.js";
import { FORBIDDEN_MESSAGE, type IpcHandleTarget, type SenderCheck } from "./ipc.js";

export interface DialogPort {
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export interface MainFileDoorDeps {
  dialog: DialogPort;
  /** The app's window the dialogs belong to; none, no dialog (and nothing is chosen). */
  window: () => BrowserWindow | undefined;
}

// Linux's dialog asks before answering an existing name only when told to; macOS and Windows
// always ask. So on every platform a name that exists when the dialog answers was confirmed.
export const SAVE_DIALOG_PROPERTIES: NonNullable<SaveDialogOptions["properties"]> = ["showOverwriteConfirmation", "createDirectory"];

/** An export goes into one existing folder, which the dialog may create (macOS: "New Folder"). */
export const FOLDER_DIALOG_PROPERTIES: NonNullable<OpenDialogOptions["properties"]> = ["openDirectory", "createDirectory", "promptToCreate"];

export function createMainFileDoor({ dialog, window }: MainFileDoorDeps): FileDoor {
  return {
    async chooseSavePath(suggestedName) {
      const owner = window();
      if (owner === undefined) return null;
      const chosen = await dialog.showSaveDialog(owner, { defaultPath: path.basename(suggestedName), properties: SAVE_DIALOG_PROPERTIES });
      if (chosen.canceled || !chosen.filePath) return null;
      return { path: chosen.filePath, replaceExisting: await exists(chosen.filePath) };
    },
    async chooseFolder(suggestedName) {
      const owner = window();
      if (owner === undefined) return null;
      const chosen = await dialog.showOpenDialog(owner, { title: path.basename(suggestedName), buttonLabel: "Export here", properties: FOLDER_DIALOG_PROPERTIES });
      if (chosen.canceled) return null;
      return chosen.filePaths[0] ?? null;
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

export interface FileChannelDeps extends MainFileDoorDeps {
  trusted: SenderCheck;
  importFiles: ImportFileRegistry;
  onInternalError?: (channel: string, error: unknown) => void;
}

/** The two channels the preload's import functions use; each answers an ApiResult. */
export function registerFileChannels(ipcMain: IpcHandleTarget, deps: FileChannelDeps): void {
  const answer = async <T>(channel: string, work: () => Promise<T>): Promise<ApiResult<T>> => {
    try {
      return ok(await work());
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === "internal") deps.onInternalError?.(channel, error);
      return { ok: false, error: apiError };
    }
  };

  ipcMain.handle(CHOOSE_IMPORT_CHANNEL, (event): Promise<ApiResult<PickedImportFile[]>> => {
    if (!deps.trusted(event)) return Promise.resolve(fail("forbidden", FORBIDDEN_MESSAGE));
    return answer(CHOOSE_IMPORT_CHANNEL, async () => {
      const owner = deps.window();
      if (owner === undefined) return [];
      const chosen = await deps.dialog.showOpenDialog(owner, { properties: ["openFile", "multiSelections"] });
      if (chosen.canceled) return [];
      const picked: PickedImportFile[] = [];
      for (const file of chosen.filePaths) picked.push(await deps.importFiles.register(file));
      return picked;
    });
  });

  ipcMain.handle(REGISTER_DROP_CHANNEL, (event, file: unknown): Promise<ApiResult<PickedImportFile>> => {
    if (!deps.trusted(event)) return Promise.resolve(fail("forbidden", FORBIDDEN_MESSAGE));
    // The preload sends what Electron answered for a dropped File: an absolute path, or "" for a
    // File the page made itself, which has no place on disk.
    if (typeof file !== "string" || !path.isAbsolute(file)) {
      return Promise.resolve(fail("invalid-arguments", "Only files dropped from the computer's own folders can be imported."));
    }
    return answer(REGISTER_DROP_CHANNEL, () => deps.importFiles.register(file));
  });
}
