import path from "node:path";
import { describe, expect, it } from "vitest";
import { appPaths } from "../../electron/main/app-paths.js";
import { runStartupSelfTest, selfTestFailureText } from "../../electron/main/startup-self-test.js";
import { APP_ENTRY_URL, APP_ORIGIN, isAppOriginUrl } from "../../electron/web-policy/app-origin.js";
import { appSchemePrivileges } from "../../electron/main/security/app-scheme.js";

describe("runStartupSelfTest", () => {
  it("passes when the self-test returns normally", async () => {
    await expect(runStartupSelfTest(() => undefined)).resolves.toEqual({ ok: true });
    await expect(runStartupSelfTest(async () => ({ ok: true }))).resolves.toEqual({ ok: true });
  });

  it("fails on a throw, a rejection, false or { ok: false }", async () => {
    await expect(
      runStartupSelfTest(() => {
        throw new Error("BLAKE2b gave the wrong digest");
      }),
    ).resolves.toEqual({ ok: false, message: "BLAKE2b gave the wrong digest" });
    await expect(runStartupSelfTest(() => Promise.reject(new Error("no chacha")))).resolves.toEqual({ ok: false, message: "no chacha" });
    await expect(runStartupSelfTest(() => false)).resolves.toMatchObject({ ok: false });
    await expect(runStartupSelfTest(() => ({ ok: false, message: "ed25519 failed" }))).resolves.toEqual({ ok: false, message: "ed25519 failed" });
    await expect(runStartupSelfTest(() => Promise.reject("odd"))).resolves.toMatchObject({ ok: false });
  });

  it("tells the user no store was opened", () => {
    expect(selfTestFailureText("x")).toMatch(/no store was opened/);
  });
});

describe("appPaths", () => {
  it("finds the preload and renderer beside the main bundle", () => {
    const mainDir = path.resolve("/opt/Counterseal/resources/app.asar/dist/app/main");
    expect(appPaths(mainDir)).toEqual({
      preloadPath: path.resolve("/opt/Counterseal/resources/app.asar/dist/app/preload/index.cjs"),
      rendererDir: path.resolve("/opt/Counterseal/resources/app.asar/dist/app/renderer"),
    });
  });
});

describe("app origin", () => {
  it("is app://counterseal with the narrowest useful privileges", () => {
    expect(APP_ORIGIN).toBe("app://counterseal");
    expect(APP_ENTRY_URL).toBe("app://counterseal/index.html");
    expect(appSchemePrivileges).toEqual({ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it("recognises only its own origin", () => {
    expect(isAppOriginUrl("app://counterseal/x")).toBe(true);
    expect(isAppOriginUrl("app://counterseal")).toBe(true);
    for (const url of ["app://counterseal.x/", "app://x/", "App://Counterseal/", "https://counterseal/", "app://a@counterseal/", ""]) {
      // Chromium lower-cases a standard scheme's host before we see it; anything else fails closed.
      expect(isAppOriginUrl(url), url).toBe(false);
    }
  });
});
