// What crosses between main and the preload: channel names, menu actions, and the shape of
// `window.counterseal`. No Electron import, so main, the preload and tests can all share it.
// (The renderer may not import electron/**; if it needs MenuAction or CountersealBridge, this file
// moves to shared/api as it is — it depends only on shared/api.)
import type { ApiMethod, CountersealApi } from "../../shared/api/contract.js";

export const API_CHANNEL_PREFIX = "counterseal:";
export const MENU_CHANNEL = "counterseal:menu";

export const apiChannel = (method: ApiMethod): string => `${API_CHANNEL_PREFIX}${method}`;

/** What the application menu can ask the UI to do. */
export const menuActions = ["import", "lock", "search", "about", "user-guide"] as const;
export type MenuAction = (typeof menuActions)[number];

export const isMenuAction = (value: unknown): value is MenuAction =>
  typeof value === "string" && (menuActions as readonly string[]).includes(value);

/** `window.counterseal`: the API methods, plus the two things only the preload can do. */
export type CountersealBridge = CountersealApi & {
  /** Calls `listener` for each menu action; returns a function that stops listening. */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
  /** The file-system path of a dropped or picked file ("" for in-memory files). */
  pathForFile(file: File): string;
};
