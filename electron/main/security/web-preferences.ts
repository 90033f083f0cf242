// The renderer's powers, all off: it is a sandboxed page that talks to main only through the
// preload's named functions. Every value is explicit, even where Electron's default agrees, so a
// changed default cannot weaken the app and the test pins each one.
import type { WebPreferences } from "electron";

export interface WebPreferencesOptions {
  /** DevTools only in unpackaged development builds. */
  devTools: boolean;
}

export function webPreferences(preloadPath: string, options: WebPreferencesOptions = { devTools: false }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker would download Hunspell dictionaries from Google's CDN on first use.
    spellcheck: false,
    plugins: false,
    enableWebSQL: false,
    devTools: options.devTools,
  };
}
