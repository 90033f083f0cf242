// Creating and opening the store of a directory: `<dir>/counterseal.db`.
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import type { Runtime } from "../runtime.js";
import { PAGE_SIZE, passphraseKey } from "./cipher.js";
import { configureConnection, openKeyedConnection } from "./connection.js";
import { NotAStoreError, StoreExistsError, StoreNotFoundError, StoreTooNewError } from "./errors.js";
import { migrate, readUserVersion } from "./migrate.js";
import { LATEST_SCHEMA_VERSION } from "./migrations/index.js";
import { COUNTERSEAL_APPLICATION_ID } from "./migrations/migration.js";
import { SYSTEM_ACTOR } from "./repositories/actor.js";
import { Store } from "./store.js";

export const STORE_FILE_NAME = "counterseal.db";

export const storeFile = (dir: string): string => join(dir, STORE_FILE_NAME);

/** The files SQLite keeps beside a database while it is open or after a crash. */
const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

/**
 * Creates an encrypted store in `dir` (made if missing). Refuses if `counterseal.db`, or what a
 * store leaves beside it (-wal, -shm, -journal), already exists there: a leftover WAL would be
 * replayed into the new file. The file is claimed with an exclusive create, so two creators
 * cannot both succeed; if creation fails, the files it made are removed.
 */
export function createStore(dir: string, passphrase: string, runtime: Runtime): Store {
  passphraseKey(passphrase); // refuse an empty passphrase before touching the disk
  const file = storeFile(dir);
  mkdirSync(dir, { recursive: true });
  const leftover = SIDE_FILES.map((suffix) => file + suffix).find((path) => existsSync(path));
  if (leftover !== undefined) throw new StoreExistsError(`${leftover} exists: a store, or its remains, is already there.`);
  claimNewFile(file);
  let db: Database.Database | undefined;
  try {
    db = openKeyedConnection(file, passphrase);
    // Only an empty database takes a page size (and only before WAL is on).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    migrate(db);
    configureConnection(db);
    const store = new Store(db, runtime, file);
    store.audit.appendAudit({
      actor: SYSTEM_ACTOR,
      action: "store.created",
      objectId: "store",
      details: { schemaVersion: readUserVersion(db) },
    });
    return store;
  } catch (error) {
    db?.close();
    removeStoreFiles(file);
    throw error;
  }
}

/**
 * Opens the store in `dir`. Refuses, leaving the files as they were: no store
 * (StoreNotFoundError; nothing is created), a wrong passphrase (WrongPassphraseError), a file
 * that is not a Counterseal store (NotAStoreError), a store from a newer version
 * (StoreTooNewError). An older store is migrated.
 */
export function openStore(dir: string, passphrase: string, runtime: Runtime): Store {
  passphraseKey(passphrase);
  const file = storeFile(dir);
  if (!existsSync(file)) throw new StoreNotFoundError(`No Counterseal store in ${dir}.`);
  const db = openKeyedConnection(file, passphrase);
  try {
    assertCountersealStore(db, file);
    const version = readUserVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new StoreTooNewError(version, LATEST_SCHEMA_VERSION);
    configureConnection(db);
    migrate(db);
    return new Store(db, runtime, file);
  } catch (error) {
    db.close();
    throw error;
  }
}

function claimNewFile(file: string): void {
  try {
    closeSync(openSync(file, "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new StoreExistsError(`A store already exists at ${file}; it was left untouched.`);
    }
    throw error;
  }
}

function assertCountersealStore(db: Database.Database, file: string): void {
  const applicationId = db.pragma("application_id", { simple: true });
  if (applicationId !== COUNTERSEAL_APPLICATION_ID) {
    // An empty file here is a creation that was cut off before its first commit.
    throw new NotAStoreError(`${file} is not a Counterseal store, or its creation never completed.`);
  }
}

function removeStoreFiles(file: string): void {
  for (const path of [file, ...SIDE_FILES.map((suffix) => file + suffix)]) rmSync(path, { force: true });
}
