// Where the built pieces sit relative to the bundled main script (dist/app/main/index.js):
// dist/app/preload/index.cjs and dist/app/renderer/ — the same inside app.asar.
import path from "node:path";

export interface AppPaths {
  preloadPath: string;
  rendererDir: string;
}

export function appPaths(mainDir: string): AppPaths {
  const appDir = path.resolve(mainDir, "..");
  return {
    preloadPath: path.join(appDir, "preload", "index.cjs"),
    rendererDir: path.join(appDir, "renderer"),
  };
}
