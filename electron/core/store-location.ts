// Where the desktop app keeps its store by default, computed without Electron so the CLI agrees
// with the app: Electron's userData folder for the product name "Counterseal", then "store".
import { homedir } from "node:os";
import { join } from "node:path";

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === "win32") return join(env["APPDATA"] ?? join(homedir(), "AppData", "Roaming"), "Counterseal");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "Counterseal");
  return join(env["XDG_CONFIG_HOME"] ?? join(homedir(), ".config"), "Counterseal");
}

export const defaultStoreDir = (platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): string =>
  join(defaultUserDataDir(platform, env), "store");

/** The CLI's rule: --store, else COUNTERSEAL_STORE, else the app's default. */
export function resolveStoreDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env["COUNTERSEAL_STORE"] ?? defaultStoreDir(process.platform, env);
}
