import { describe, expect, it } from "vitest";
import { webPreferences } from "../../electron/main/security/web-preferences.js";
import { mainWindowOptions } from "../../electron/main/window-options.js";

describe("webPreferences", () => {
  it("pins every security-relevant preference", () => {
    expect(webPreferences("/app/preload/index.cjs")).toEqual({
      preload: "/app/preload/index.cjs",
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
      spellcheck: false,
      plugins: false,
      enableWebSQL: false,
      devTools: false,
    });
  });

  it("turns DevTools on only when asked (development builds)", () => {
    expect(webPreferences("/p", { devTools: true }).devTools).toBe(true);
    expect(webPreferences("/p", { devTools: true }).sandbox).toBe(true);
  });

  it("never enables Blink features by name", () => {
    expect(webPreferences("/p")).not.toHaveProperty("enableBlinkFeatures");
  });
});

describe("mainWindowOptions", () => {
  it("uses the locked-down preferences and stays hidden until painted", () => {
    const options = mainWindowOptions({ title: "Counterseal", preloadPath: "/p.cjs", devTools: false });
    expect(options.show).toBe(false);
    expect(options.title).toBe("Counterseal");
    expect(options.webPreferences).toEqual(webPreferences("/p.cjs", { devTools: false }));
  });
});
