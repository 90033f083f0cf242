// better-sqlite3-multiple-ciphers is a native module: it must be built for plain Node in tests
// and the CLI, and for Electron in the app. Rebuild only when the loaded ABI differs.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const target = process.argv[2] ?? "node";
const require = createRequire(import.meta.url);
const moduleName = "better-sqlite3-multiple-ciphers";

function loadsInNode() {
  try {
    const Database = require(moduleName);
    new Database(":memory:").close();
    return true;
  } catch (error) {
    if (String(error?.message).includes("NODE_MODULE_VERSION") || error?.code === "ERR_DLOPEN_FAILED") return false;
    throw error;
  }
}

if (target === "node") {
  if (!loadsInNode()) {
    console.error(`${moduleName} was built for another runtime (Electron?); rebuilding for Node ${process.version}…`);
    execFileSync("npm", ["rebuild", moduleName], { stdio: "inherit" });
  }
} else if (target === "electron") {
  // @electron/rebuild compiles against Electron's headers and skips work when platform, arch and ABI
  // already match. npm passes its `nodedir` config to child processes as npm_config_nodedir; left in,
  // node-gyp would build against Node's headers instead of Electron's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.toLowerCase() !== "npm_config_nodedir"));
  execFileSync("node_modules/.bin/electron-rebuild", ["--only", moduleName, "--build-from-source"], { stdio: "inherit", env });
} else {
  console.error(`usage: ensure-native.mjs node|electron`);
  process.exit(2);
}
