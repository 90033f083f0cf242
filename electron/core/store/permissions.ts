// Who may read the store's folder and files. The pages are encrypted, but a copy of them is
// what an offline guess at the passphrase starts from, so only the owner should be able to
// read them: the folder is made 0700 and every file 0600.
//
// A store that others can read is reported, not refused (docs/store.md): refusing would lock a
// reviewer out of the evidence over a setting they may not be able to change, while a warning
// (printed by the CLI, shown by the app from the store status) says what to fix.
import { statSync } from "node:fs";

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Permission bits that give anyone but the owner access. */
const OTHERS = 0o077;

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`;

/**
 * What other users can reach among `dir` and `files` (those that exist), in plain words; empty
 * when nothing. Windows has no such mode bits (its folders under the profile are private by ACL).
 */
export function permissionWarnings(dir: string, files: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  if (platform === "win32") return [];
  const warnings: string[] = [];
  const folder = statSync(dir, { throwIfNoEntry: false });
  if (folder && (folder.mode & OTHERS) !== 0) {
    warnings.push(`The store folder ${dir} can be opened by other users (mode ${octal(folder.mode)}); make it private: chmod 700 '${dir}'.`);
  }
  for (const file of files) {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats && (stats.mode & OTHERS) !== 0) {
      warnings.push(`The store file ${file} can be read by other users (mode ${octal(stats.mode)}); make it private: chmod 600 '${file}'.`);
    }
  }
  return warnings;
}
