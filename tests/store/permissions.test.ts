// The store is private to its user: the folder it makes is 0700, every file it writes 0600, and
// a store others can read is reported in plain words.
import { chmodSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStore, storeFile, storeFiles, storePermissionWarnings } from "../../electron/core/store/index.js";
import { closeLater, newStore, PASSPHRASE, sampleKey, tempDir, REVIEWER } from "./helpers.js";
import { testRuntime } from "../helpers/runtime.js";

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe.skipIf(process.platform === "win32")("store permissions", () => {
  it("creates the folder 0700 and the database, WAL, shm and record 0600, whatever the umask", () => {
    const dir = join(tempDir(), "office", "store");
    const previous = process.umask(0o000);
    try {
      const store = closeLater(createStore(dir, PASSPHRASE, testRuntime()));
      store.keyring.addAuthorityKey(REVIEWER, sampleKey(1)); // a commit, so the WAL and its index exist
    } finally {
      process.umask(previous);
    }
    expect(modeOf(dir)).toBe(0o700);
    const present = storeFiles(dir).filter((file) => existsSync(file));
    expect(present.map((file) => file.slice(dir.length + 1)).sort()).toEqual(["counterseal.db", "counterseal.db-shm", "counterseal.db-wal", "counterseal.kdf.json"]);
    for (const file of present) expect(modeOf(file), file).toBe(0o600);
    expect(storePermissionWarnings(dir)).toEqual([]);
  });

  it("reports a folder others can open and a file others can read, saying how to fix each", () => {
    const { store, dir } = newStore();
    store.close();
    chmodSync(dir, 0o755);
    chmodSync(storeFile(dir), 0o644);
    expect(storePermissionWarnings(dir)).toEqual([
      `The store folder ${dir} can be opened by other users (mode 0755); make it private: chmod 700 '${dir}'.`,
      `The store file ${storeFile(dir)} can be read by other users (mode 0644); make it private: chmod 600 '${storeFile(dir)}'.`,
    ]);
    chmodSync(dir, 0o700);
    chmodSync(storeFile(dir), 0o600);
    expect(storePermissionWarnings(dir)).toEqual([]);
  });

  it("has nothing to say on Windows, whose folders have no such mode bits", () => {
    const { store, dir } = newStore();
    store.close();
    chmodSync(dir, 0o755);
    expect(storePermissionWarnings(dir, "win32")).toEqual([]);
  });
});
