// Builds the Node entry points into dist/ with esbuild: the counterseal CLI (on `npm install`,
// via prepare, so `npx counterseal` works straight after setup) and, with --bench, the benchmarks.
import { build } from "esbuild";
import { chmodSync, cpSync, rmSync } from "node:fs";
import { basename } from "node:path";

const [entryPoints, outdir] = process.argv.includes("--bench")
  ? [["bench/import-bench.ts", "bench/audit-chain-bench.ts", "bench/report-bench.ts"], "dist/bench"]
  : [["electron/cli/main.ts"], "dist/electron/cli"];

rmSync(outdir, { recursive: true, force: true });

// Code splitting lets rarely used commands (demo, with pdf-lib) load only when they run, which
// keeps every other command's start-up short.
await build({
  entryPoints,
  outdir,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  banner: { js: "#!/usr/bin/env node" },
  logLevel: "warning",
});
for (const entryPoint of entryPoints) chmodSync(`${outdir}/${basename(entryPoint, ".ts")}.js`, 0o755);
// The decision PDFs embed DejaVu Sans; electron/core/decisions/pdf/fonts.ts finds the folder
// beside the bundle (the font's licence travels with it).
cpSync("electron/core/decisions/fonts", `${outdir}/fonts`, { recursive: true });
