// Builds the Node entry points (the counterseal CLI) into dist/ with esbuild.
// Runs on `npm install` (prepare) so `npx counterseal` works straight after setup.
import { build } from "esbuild";
import { chmodSync } from "node:fs";

const outfile = "dist/electron/cli/main.js";
await build({
  entryPoints: ["electron/cli/main.ts"],
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
