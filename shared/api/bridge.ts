// What crosses between main and the preload: channel names, menu actions, and the shape of
// `window.counterseal`. Pure, so main, the preload, the renderer, the e2e host and tests share it.
import type { ApiMethod, CountersealApi } from "./contract.js";
import type { PickedImportFile } from "./requests.js";
import type { ApiResult } from "./result.js";

export const API_CHANNEL_PREFIX = "counterseal:";
export const MENU_CHANNEL = "counterseal:menu";
/** Main opens its own open dialog and answers the picked files as tokens. */
export const CHOOSE_IMPORT_CHANNEL = "counterseal-files:choose-import";
/** The preload hands main the path Electron gave for a dropped file; main answers a token. */
export const REGISTER_DROP_CHANNEL = "counterseal-files:register-drop";

export const apiChannel = (method: ApiMethod): string => `${API_CHANNEL_PREFIX}${method}`;

/** What the application menu can ask the UI to do. */
export const menuActions = ["import", "lock", "search", "about", "user-guide"] as const;
export type MenuAction = (typeof menuActions)[number];

export const isMenuAction = (value: unknown): value is MenuAction =>
  typeof value === "string" && (menuActions as readonly string[]).includes(value);

/**
 * `window.counterseal`: the API methods, plus what only a door can do. The page never sees or
 * names a file-system path: files to import reach it as main's one-shot tokens (importBundles
 * takes nothing else), and saving asks main, which opens its dialog and writes in the same call.
 */
export type CountersealBridge = CountersealApi & {
  /** Calls `listener` for each menu action; returns a function that stops listening. */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
  /**
   * Lets the reviewer pick bundle files and answers them as tokens ([] when cancelled). The app
   * opens main's own open dialog; the e2e test host's shim a file input whose files it uploads.
   */
  chooseImportFiles(): Promise<ApiResult<PickedImportFile[]>>;
  /**
   * A token for a file the reviewer dropped. The app's preload resolves it through Electron's
   * own file-path API (a file the page made up has no path and is refused) and main registers
   * it; the e2e test host's shim uploads the file and the host registers its copy.
   */
  tokenForDroppedFile(file: PickedFile): Promise<ApiResult<PickedImportFile>>;
};

/** The part of a DOM File the bridge needs (shared/ has no DOM types). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
}
