// `npm run preview -- --store DIR [--port N] [--downloads DIR]`: bundles electron/host/preview.ts
// into dist/host/preview.js (esbuild, packages left external so they load from node_modules), then
// runs it. The native store module must be built for Node, as for tests and the CLI.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectDir = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const outfile = path.join(projectDir, "dist", "host", "preview.js");

execFileSync(process.execPath, [path.join(projectDir, "scripts", "ensure-native.mjs"), "node"], { stdio: "inherit" });

await build({
  absWorkingDir: projectDir,
  entryPoints: ["electron/host/preview.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});

const { runPreview } = await import(pathToFileURL(outfile).href);
process.exitCode = await runPreview(process.argv.slice(2), { projectDir });
