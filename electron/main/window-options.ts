// The main window's construction options: hidden until painted, so the user never sees a blank
// frame, with the locked-down webPreferences.
import type { BrowserWindowConstructorOptions } from "electron";
import { webPreferences } from "./security/web-preferences.js";

export interface MainWindowOptions {
  title: string;
  preloadPath: string;
  devTools: boolean;
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    title: options.title,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: "#ffffff",
    webPreferences: webPreferences(options.preloadPath, { devTools: options.devTools }),
  };
}
