import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3-multiple-ciphers";
import { describe, expect, it } from "vitest";
import {
  createStore,
  LATEST_SCHEMA_VERSION,
  NotAStoreError,
  openStore,
  StoreError,
  StoreExistsError,
  StoreNotFoundError,
  StoreTooNewError,
  storeFile,
  WrongPassphraseError,
} from "../../electron/core/store/index.js";
import { testRuntime } from "../helpers/runtime.js";
import { closeLater, newStore, PASSPHRASE, sampleKey, sampleRevisionInput, snapshotDir, tempDir, withRawConnection, REVIEWER } from "./helpers.js";
import { TEST_KDF } from "../helpers/runtime.js";

describe("createStore / openStore", () => {
  it("creates an encrypted store that opens again with the same passphrase", () => {
    const { store, dir } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    store.close();

    expect(readdirSync(dir).sort()).toEqual(["counterseal.db", "counterseal.kdf.json"]);
    const reopened = closeLater(openStore(dir, PASSPHRASE, testRuntime()));
    expect(reopened.keyring.listKeyring().map((k) => k.authorityId)).toEqual(["fr-pnf"]);
    expect(reopened.audit.listAudit().map((e) => e.action)).toEqual(["store.created", "authority-key.added"]);
  });

  it("refuses to create over an existing store and leaves it untouched", () => {
    const { store, dir } = newStore();
    store.close();
    const before = snapshotDir(dir);

    expect(() => createStore(dir, "another passphrase", testRuntime())).toThrow(StoreExistsError);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("refuses to create over any file named counterseal.db", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "counterseal.db"), "not mine");

    expect(() => createStore(dir, PASSPHRASE, testRuntime())).toThrow(StoreExistsError);
  });

  it("refuses to create beside the remains of a store (a leftover WAL would be replayed)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "counterseal.db-wal"), "frames of some earlier store");

    expect(() => createStore(dir, PASSPHRASE, testRuntime())).toThrow(StoreExistsError);
    expect(readdirSync(dir)).toEqual(["counterseal.db-wal"]);
  });

  it("creates the directory when it is missing", () => {
    const dir = join(tempDir(), "nested", "office");
    closeLater(createStore(dir, PASSPHRASE, testRuntime()));
    expect(existsSync(storeFile(dir))).toBe(true);
  });

  it("reports a missing store and creates nothing, whether or not the directory exists", () => {
    const dir = tempDir();
    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(StoreNotFoundError);
    expect(readdirSync(dir)).toEqual([]);

    const missing = join(dir, "absent");
    expect(() => openStore(missing, PASSPHRASE, testRuntime())).toThrow(StoreNotFoundError);
    expect(existsSync(missing)).toBe(false);
  });

  it("refuses an empty passphrase before touching the disk", () => {
    const dir = tempDir();
    expect(() => createStore(dir, "", testRuntime())).toThrow(StoreError);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("wrong passphrase", () => {
  it("throws WrongPassphraseError and leaves every file byte for byte as it was", () => {
    const { store, dir } = newStore();
    store.close();
    const before = snapshotDir(dir);

    const attempt = (): unknown => openStore(dir, "Correct horse battery staple", testRuntime());
    expect(attempt).toThrow(WrongPassphraseError);
    expect(attempt).toThrow(/does not open/);
    expect(snapshotDir(dir)).toEqual(before);
    // And the right passphrase still works: nothing was replaced by a new, empty store.
    const reopened = closeLater(openStore(dir, PASSPHRASE, testRuntime()));
    expect(reopened.audit.listAudit()).toHaveLength(1);
  });

  it("does not replay or checkpoint a leftover WAL under the wrong passphrase", () => {
    const { store, dir } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    // Copy the files while the store is open, as a crash would leave them: the WAL holds commits.
    const crashed = tempDir();
    for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(crashed, name));
    expect(readdirSync(crashed)).toContain("counterseal.db-wal");
    const before = snapshotDir(crashed);

    expect(() => openStore(crashed, "wrong", testRuntime())).toThrow(WrongPassphraseError);
    const after = snapshotDir(crashed);
    expect(after.get("counterseal.db")).toEqual(before.get("counterseal.db"));
    expect(after.get("counterseal.db-wal")).toEqual(before.get("counterseal.db-wal"));

    const recovered = closeLater(openStore(crashed, PASSPHRASE, testRuntime()));
    expect(recovered.keyring.listKeyring()).toHaveLength(1);
  });

  it("treats a plaintext SQLite file as not openable with the passphrase", () => {
    const dir = tempDir();
    const plain = new Database(storeFile(dir));
    plain.exec("CREATE TABLE t (x TEXT)");
    plain.close();

    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(WrongPassphraseError);
  });
});

describe("files that are not a usable store", () => {
  it("refuses an empty file (a creation cut off before its first commit)", () => {
    const dir = tempDir();
    writeFileSync(storeFile(dir), "");

    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(NotAStoreError);
  });

  it("refuses a store written by a newer version, without changing it", () => {
    const { store, dir } = newStore();
    store.close();
    withRawConnection(storeFile(dir), (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    const before = snapshotDir(dir);

    let error: unknown;
    try {
      openStore(dir, PASSPHRASE, testRuntime());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreTooNewError);
    expect(error).toMatchObject({ storeVersion: LATEST_SCHEMA_VERSION + 1, supportedVersion: LATEST_SCHEMA_VERSION });
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe("connection settings", () => {
  it("runs with WAL, foreign keys, synchronous NORMAL, in-memory temp files, AEGIS-256 with Argon2id and 64 KiB pages", () => {
    const { store } = newStore();
    expect(store.diagnostics()).toMatchObject({
      schemaVersion: LATEST_SCHEMA_VERSION,
      cipher: "aegis",
      kdf: TEST_KDF, // the test runtime's; tests/store/kdf.test.ts checks the default
      pageSize: 4096,
      journalMode: "wal",
      synchronous: 1,
      foreignKeys: true,
      tempStore: 2,
      busyTimeoutMs: 5000,
    });
  });

  it("keeps the settings when an existing store is opened", () => {
    const { store, dir } = newStore();
    store.close();
    const reopened = closeLater(openStore(dir, PASSPHRASE, testRuntime()));
    expect(reopened.diagnostics()).toMatchObject({ journalMode: "wal", foreignKeys: true, synchronous: 1, tempStore: 2 });
  });

  it("enforces foreign keys", () => {
    const { store } = newStore();
    // The keyring is empty: the case and signer foreign keys refuse the request.
    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store))).toThrow(/FOREIGN KEY/);
  });
});

// Reading the store through a stock SQLite (no key) must fail: the header is not in clear.
describe("at rest", () => {
  it("is not readable by plain SQLite", () => {
    const { store, dir } = newStore();
    store.close();
    const plain = new Database(storeFile(dir), { fileMustExist: true, readonly: true });
    try {
      expect(() => plain.prepare("SELECT count(*) FROM sqlite_master").get()).toThrow(/not a database/);
    } finally {
      plain.close();
    }
  });
});
