// Runs scripts/build-app.mjs into a temporary folder and checks what it produced. The preload is
// executed in a VM with a fake `require`, exactly as a sandboxed preload is: only "electron"
// is available, so any other require in the bundle fails this test.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import vm from "node:vm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { fileTempFolder } from "../helpers/temp.js";
import { apiMethods } from "../../shared/api/contract.js";

const projectDir = path.resolve(import.meta.dirname, "..", "..");
const run = promisify(execFile);
let outdir: string;

const buildInto = (only: "main" | "preload") =>
  run(process.execPath, ["scripts/build-app.mjs", "--outdir", outdir, "--only", only], { cwd: projectDir, timeout: 120_000 });

beforeAll(() => {
  outdir = fileTempFolder("build-app");
});

describe("preload bundle", () => {
  let source = "";

  beforeAll(async () => {
    await buildInto("preload");
    source = await readFile(path.join(outdir, "preload", "index.cjs"), "utf8");
  });

  function runPreload() {
    const exposed = new Map<string, Record<string, unknown>>();
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, value: Record<string, unknown>) => exposed.set(name, value) },
      ipcRenderer: {
        invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
        on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener)),
        removeListener: vi.fn((channel: string) => listeners.delete(channel)),
      },
      webUtils: { getPathForFile: vi.fn(() => "/home/ada/bundle.age") },
    };
    const sandboxRequire = (id: string) => {
      if (id === "electron") return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(source, { require: sandboxRequire, module, exports: module.exports }, { filename: "index.cjs" });
    return { exposed, listeners, electron };
  }

  it("is small CommonJS that requires only electron", () => {
    expect(source).toContain('require("electron")');
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source).not.toMatch(/zod/i);
    expect(source.length).toBeLessThan(10_000);
  });

  it("exposes exactly window.counterseal with one function per method, onMenuAction and the two import functions", () => {
    const { exposed } = runPreload();
    expect([...exposed.keys()]).toEqual(["counterseal"]);
    const bridge = exposed.get("counterseal") ?? {};
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, "chooseImportFiles", "onMenuAction", "tokenForDroppedFile"].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe("function");
  });

  it("invokes counterseal:<method> and forwards only valid menu actions", async () => {
    const { exposed, listeners, electron } = runPreload();
    const bridge = exposed.get("counterseal") as Record<string, (...args: unknown[]) => unknown>;
    await expect(bridge["unlock"]?.({ passphrase: "p" })).resolves.toEqual({ ok: true, value: { channel: "counterseal:unlock", args: { passphrase: "p" } } });

    const seen: unknown[] = [];
    const stop = bridge["onMenuAction"]?.((action: unknown) => seen.push(action)) as () => void;
    const forward = listeners.get("counterseal:menu");
    forward?.({ sender: "ipcRenderer" }, "lock");
    forward?.({ sender: "ipcRenderer" }, "format-disk");
    expect(seen).toEqual(["lock"]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith("counterseal:menu", forward);

    // A drop's path goes to main, which answers a token; the page gets main's answer, never the path.
    await expect(bridge["tokenForDroppedFile"]?.({ name: "bundle.age" })).resolves.toEqual({ ok: true, value: { channel: "counterseal-files:register-drop", args: "/home/ada/bundle.age" } });
    // The open dialog is main's: the preload only asks over its own channel.
    await bridge["chooseImportFiles"]?.();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith("counterseal-files:choose-import", undefined);
  });
});

// The main bundle needs modules other engineers provide; until both exist it cannot be built.
const mainInputs = ["electron/core/crypto/self-test.ts", "electron/api/handlers/index.ts"];
const mainBuildable = mainInputs.every((file) => existsSync(path.join(projectDir, file)));

describe.skipIf(!mainBuildable)("main bundle", () => {
  it("is one ES module importing only electron, the two native modules and Node built-ins", async () => {
    await buildInto("main");
    const source = await readFile(path.join(outdir, "main", "index.js"), "utf8");
    const specifiers = [...source.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)].map((match) => match[1]);
    expect(specifiers).toContain("electron");
    const allowed = (specifier: string | undefined) =>
      specifier === "electron" ||
      specifier === "better-sqlite3-multiple-ciphers" ||
      specifier === "sodium-native" ||
      specifier?.startsWith("node:") === true;
    expect(specifiers.filter((specifier) => !allowed(specifier))).toEqual([]);
    // Bundled, sodium-native would look for its prebuilt binary beside the bundle and fail.
    expect(specifiers).toContain("sodium-native");
    expect(source).not.toMatch(/require\(["']electron["']\)/);
  });
});
