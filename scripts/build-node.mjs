// Builds the Node entry points into dist/ with esbuild: the counterseal CLI (on `npm install`,
// via prepare, so `npx counterseal` works straight after setup) and, with --bench, the benchmark.
import { build } from "esbuild";
import { chmodSync } from "node:fs";

const entries = process.argv.includes("--bench")
  ? [["bench/import-bench.ts", "dist/bench/import-bench.js"]]
  : [["electron/cli/main.ts", "dist/electron/cli/main.js"]];

for (const [entryPoint, outfile] of entries) {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
}
