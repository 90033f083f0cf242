// What crosses between main and the preload: channel names, menu actions, and the shape of
// `window.counterseal`. Pure, so main, the preload, the renderer, the e2e host and tests share it.
import type { ApiMethod, CountersealApi } from "./contract.js";

export const API_CHANNEL_PREFIX = "counterseal:";
export const MENU_CHANNEL = "counterseal:menu";
export const SAVE_DIALOG_CHANNEL = "counterseal-dialog:save";

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
  /**
   * The file-system path of a dropped or picked file, for importBundles. The app reads it from
   * Electron; the e2e test host's browser shim uploads the file to the host first.
   */
  pathForFile(file: PickedFile): Promise<string>;
  /** Asks where to save a file (a save dialog in the app); null when the reviewer cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
};

/** The part of a DOM File the bridge needs (shared/ has no DOM types). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
}
