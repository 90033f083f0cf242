import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const config = require("../../build/electron-builder.config.cjs") as Record<string, unknown>;

describe("build/electron-builder.config.cjs", () => {
  it("sets every fuse as agreed", () => {
    expect(config["electronFuses"]).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("has no publish provider: publishing is explicitly off", () => {
    // null, not absent: an absent `publish` lets electron-builder pick a provider from GH_TOKEN etc.
    expect(config["publish"]).toBeNull();
    const perPlatform = ["linux", "win", "mac", "nsis", "dmg", "deb", "appImage"].map((key) => config[key] as Record<string, unknown> | undefined);
    for (const options of perPlatform) expect(options?.["publish"] ?? null).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//);
  });

  it("packs the app into asar with the native modules unpacked, the store's rebuilt from source", () => {
    expect(config["asar"]).toBe(true);
    expect(config["asarUnpack"]).toEqual([
      "node_modules/better-sqlite3-multiple-ciphers/build/Release/*.node",
      "node_modules/sodium-native/prebuilds/**/*.node",
    ]);
    expect(config["npmRebuild"]).toBe(true);
    expect(config["buildDependenciesFromSource"]).toBe(true);
    expect(config["files"]).toContain("dist/app/**/*");
    expect(config["files"]).toEqual(
      expect.arrayContaining(["!node_modules/sodium-native/prebuilds/{android,ios}-*/**", "!node_modules/sodium-native/prebuilds/**/*.bare"]),
    );
  });

  it("names the product and its targets", () => {
    expect(config["appId"]).toBe("org.counterseal.desktop");
    expect(config["productName"]).toBe("Counterseal");
    expect((config["linux"] as { target: string[] }).target).toEqual(["AppImage", "deb"]);
    expect((config["win"] as { target: string[] }).target).toEqual(["nsis"]);
    expect(config["mac"]).toMatchObject({ target: ["dmg"], hardenedRuntime: true });
    expect(config["nsis"]).toMatchObject({ deleteAppDataOnUninstall: false });
  });

  it("does not write packages into dist/, which electron-builder would then exclude from the app", () => {
    const output = (config["directories"] as { output: string }).output;
    expect(output.startsWith("dist")).toBe(false);
  });

  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require("app-builder-lib/out/util/config/config.js") as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), notAnOption: true }, logger)).rejects.toThrow(/unknown property/);
  });
});
