// Compiles the browser shim (bridge.ts) to one classic-script IIFE when the host starts, so there
// is no build step to forget and the shim always matches the contract it is served with.
import { build, type Plugin } from "esbuild";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apiMethods } from "../../../shared/api/contract.js";

const ENTRY = path.join("electron", "host", "browser-bridge", "bridge.ts");

// The shim needs only the method names from the contract, not zod and the schemas (750 kB): it
// sees a generated module exporting `apiMethods` (types are erased, so nothing else is imported).
// The same trick as the preload build in scripts/build-app.mjs.
const contractAsMethodList: Plugin = {
  name: "contract-as-method-list",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /[/\\]shared[/\\]api[/\\]contract\.js$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path),
      namespace: "contract-method-list",
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "contract-method-list" }, () => ({
      contents: `export const apiMethods = Object.freeze(${JSON.stringify(apiMethods)});`,
      loader: "js",
    }));
  },
};

/** The checkout this module runs from: it is either the source (electron/host/browser-bridge/)
 *  or bundled into dist/host/preview.js, so look upwards for the shim's source file. */
export function findProjectDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ENTRY))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find ${ENTRY} above ${from}.`);
  }
}

let cached: Promise<string> | undefined;

/** The shim's JavaScript, built once per process (every host started by a test run shares it). */
export function bridgeScript(): Promise<string> {
  cached ??= buildBridgeScript(findProjectDir()).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export async function buildBridgeScript(projectDir: string): Promise<string> {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    // Debian's Chromium and Electron 45's are both far newer; nothing needs down-levelling.
    target: "es2022",
    plugins: [contractAsMethodList],
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no browser bridge.");
  return output.text;
}
