// The sandboxed preload: contextBridge only. It exposes `window.counterseal` — one async function
// per API method, the menu-action subscription and the two import functions (main's open dialog,
// a dropped file's token) — and nothing of ipcRenderer itself, nor any file-system path. Bundled as CommonJS: sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from "electron";
import { createApiFunctions, type Invoke } from "./api-functions.js";
import { createFileFunctions } from "./file-functions.js";
import { MENU_CHANNEL, isMenuAction, type CountersealBridge, type MenuAction } from "../../shared/api/bridge.js";

function onMenuAction(listener: (action: MenuAction) => void): () => void {
  // The listener never sees the IpcRendererEvent: it carries `sender`, i.e. ipcRenderer.
  const forward = (_event: IpcRendererEvent, action: unknown): void => {
    if (isMenuAction(action)) listener(action);
  };
  ipcRenderer.on(MENU_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(MENU_CHANNEL, forward);
  };
}

const invoke: Invoke = (channel, args) => ipcRenderer.invoke(channel, args);

const bridge = {
  ...createApiFunctions(invoke),
  onMenuAction,
  // PickedFile is a DOM File's shape in shared/; Electron answers "" for a File not on disk.
  ...createFileFunctions(invoke, (file) => webUtils.getPathForFile(file as File)),
} satisfies CountersealBridge;

contextBridge.exposeInMainWorld("counterseal", bridge);
