// Creates the one application window and loads the UI from app://. Shown only once painted.
import { BrowserWindow } from "electron";
import { APP_ENTRY_URL } from "../web-policy/app-origin.js";
import { mainWindowOptions, type MainWindowOptions } from "./window-options.js";

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  window.once("ready-to-show", () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    // Most often the renderer was not built: dist/app/renderer/index.html is missing.
    console.error(`counterseal: could not load ${APP_ENTRY_URL}:`, error);
    window.show();
  });
  return window;
}
