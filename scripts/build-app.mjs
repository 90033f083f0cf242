// Builds the Electron shell with esbuild: main (ESM) into <outdir>/main/index.js and the
// sandboxed preload (CommonJS: sandboxed preloads cannot load ES modules) into
// <outdir>/preload/index.cjs. The renderer is built by Vite into <outdir>/renderer/.
// Needs no Electron binary: `electron` stays an external import, resolved only at run time.
//
//   node scripts/build-app.mjs [--outdir dist/app] [--only main|preload]
import { build } from "esbuild";
import { Buffer } from "node:buffer";
import { cpSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const projectDir = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

// Conservative floors: Electron 45 ships at least Node 22 and Chromium 140, so nothing needs
// down-levelling and the output runs on its runtime unchanged.
const MAIN_TARGET = "node22";
const PRELOAD_TARGET = "chrome140";

// Left to the runtime: Electron's own module, and the native modules (each loads a .node file
// from its own folder, unpacked beside app.asar): the store and libsodium.
const MAIN_EXTERNALS = ["electron", "better-sqlite3-multiple-ciphers", "sodium-native"];

// CommonJS dependencies bundled into an ES module still call require() for Node built-ins;
// give them a real one.
const ESM_REQUIRE_SHIM = "import { createRequire as __counterseal_createRequire } from 'node:module';\nconst require = __counterseal_createRequire(import.meta.url);";

export async function buildMain(outdir) {
  return build({
    absWorkingDir: projectDir,
    entryPoints: ["electron/main/index.ts"],
    outfile: path.join(outdir, "main", "index.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: MAIN_TARGET,
    external: MAIN_EXTERNALS,
    banner: { js: ESM_REQUIRE_SHIM },
    sourcemap: "linked",
    logLevel: "warning",
    metafile: true,
  });
}

/** The contract's method names, read by running shared/api/contract.ts once at build time. */
async function contractMethodNames() {
  const { outputFiles } = await build({
    absWorkingDir: projectDir,
    entryPoints: ["shared/api/contract.ts"],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
  const source = outputFiles[0].text;
  const contract = await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  return contract.apiMethods;
}

// The preload needs only the list of method names from the contract, not zod and the schemas
// (750 kB): it sees a generated module exporting `apiMethods`, so it stays a few kilobytes and
// still follows the contract without edits. Types are erased, so nothing else is imported.
function contractAsMethodList(methodNames) {
  return {
    name: "contract-as-method-list",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /[/\\]shared[/\\]api[/\\]contract\.js$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path),
        namespace: "contract-method-list",
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "contract-method-list" }, () => ({
        contents: `export const apiMethods = Object.freeze(${JSON.stringify(methodNames)});`,
        loader: "js",
      }));
    },
  };
}

export async function buildPreload(outdir) {
  const methodNames = await contractMethodNames();
  return build({
    absWorkingDir: projectDir,
    entryPoints: ["electron/preload/index.ts"],
    outfile: path.join(outdir, "preload", "index.cjs"),
    bundle: true,
    platform: "browser",
    format: "cjs",
    target: PRELOAD_TARGET,
    external: ["electron"],
    plugins: [contractAsMethodList(methodNames)],
    sourcemap: "linked",
    logLevel: "warning",
    metafile: true,
  });
}

/** Builds the requested parts into `outdir` (default dist/app) and returns esbuild's results. */
export async function buildApp({ outdir = path.join(projectDir, "dist", "app"), only } = {}) {
  const absoluteOutdir = path.resolve(outdir);
  const results = {};
  if (only === undefined || only === "main") {
    results.main = await buildMain(absoluteOutdir);
    // The decision PDFs embed DejaVu Sans; electron/core/decisions/pdf/fonts.ts looks for a
    // `fonts` folder from the bundle's folder upwards (inside app.asar, which fs reads).
    cpSync(path.join(projectDir, "electron/core/decisions/fonts"), path.join(absoluteOutdir, "fonts"), { recursive: true });
  }
  if (only === undefined || only === "preload") results.preload = await buildPreload(absoluteOutdir);
  return results;
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runAsScript) {
  const { values } = parseArgs({ options: { outdir: { type: "string" }, only: { type: "string" } } });
  if (values.only !== undefined && values.only !== "main" && values.only !== "preload") {
    console.error("usage: build-app.mjs [--outdir dir] [--only main|preload]");
    process.exit(2);
  }
  await buildApp({ ...(values.outdir ? { outdir: values.outdir } : {}), ...(values.only ? { only: values.only } : {}) });
}
