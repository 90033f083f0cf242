// The sandboxed preload: contextBridge only. It exposes `window.counterseal` — one async function
// per API method, the menu-action subscription and the dropped-file path lookup — and nothing of
// ipcRenderer itself. Bundled as CommonJS: sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from "electron";
import { createApiFunctions } from "./api-functions.js";
import { MENU_CHANNEL, SAVE_DIALOG_CHANNEL, isMenuAction, type CountersealBridge, type MenuAction, type PickedFile } from "../../shared/api/bridge.js";

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

const bridge = {
  ...createApiFunctions((channel, args) => ipcRenderer.invoke(channel, args)),
  onMenuAction,
  // Only a real DOM File reaches here from the renderer; PickedFile is its shape in shared/.
  pathForFile: async (file: PickedFile): Promise<string> => webUtils.getPathForFile(file as File),
  chooseSavePath: async (suggestedName: string): Promise<string | null> => {
    const chosen: unknown = await ipcRenderer.invoke(SAVE_DIALOG_CHANNEL, suggestedName);
    return typeof chosen === "string" ? chosen : null;
  },
} satisfies CountersealBridge;

contextBridge.exposeInMainWorld("counterseal", bridge);
