// Creating and opening the store of a directory: `<dir>/counterseal.db`.
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import type { Runtime } from "../runtime.js";
import { PAGE_SIZE, passphraseKey } from "./cipher.js";
import { configureConnection, openKeyedConnectionWith, unlockConnection } from "./connection.js";
import { NotAStoreError, StoreError, StoreExistsError, StoreNotFoundError, StoreTooNewError } from "./errors.js";
import { kdfParameterProblem, RECOMMENDED_KDF } from "./kdf.js";
import { kdfRecordFile, removeKdfRecord, writeKdfRecord } from "./kdf-record.js";
import { permissionWarnings, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from "./permissions.js";
import { migrate, readUserVersion } from "./migrate.js";
import { LATEST_SCHEMA_VERSION } from "./migrations/index.js";
import { COUNTERSEAL_APPLICATION_ID } from "./migrations/migration.js";
import { SYSTEM_ACTOR } from "./repositories/actor.js";
import { Store } from "./store.js";

export const STORE_FILE_NAME = "counterseal.db";

export const storeFile = (dir: string): string => join(dir, STORE_FILE_NAME);

/** The files SQLite keeps beside a database while it is open or after a crash. */
const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

/** Every file a store keeps in its folder (those that exist at the moment vary). */
export const storeFiles = (dir: string): string[] => [storeFile(dir), ...SIDE_FILES.map((suffix) => storeFile(dir) + suffix), kdfRecordFile(dir)];

/** What other users can reach of the store in `dir`, in plain words (permissions.ts). */
export const storePermissionWarnings = (dir: string, platform?: NodeJS.Platform): string[] => permissionWarnings(dir, storeFiles(dir), platform);

/**
 * Creates an encrypted store in `dir` (made if missing). Refuses if `counterseal.db`, or what a
 * store leaves beside it (-wal, -shm, -journal), already exists there: a leftover WAL would be
 * replayed into the new file. The file is claimed with an exclusive create, so two creators
 * cannot both succeed; if creation fails, the files it made are removed. A folder it makes is
 * private to the user (0700), and so is every file (0600; SQLite gives the WAL and its index the
 * database's mode). The key is derived with the runtime's cost, else the recommended one, and
 * the cost recorded beside the database before its first page is written.
 */
export function createStore(dir: string, passphrase: string, runtime: Runtime): Store {
  passphraseKey(passphrase); // refuse an empty passphrase before touching the disk
  const kdf = runtime.storeKdf ?? RECOMMENDED_KDF;
  const problem = kdfParameterProblem(kdf);
  if (problem) throw new StoreError(`Cannot create a store with that key-derivation cost: ${problem}.`);
  const file = storeFile(dir);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const leftover = [...SIDE_FILES.map((suffix) => file + suffix), kdfRecordFile(dir)].find((path) => existsSync(path));
  if (leftover !== undefined) throw new StoreExistsError(`${leftover} exists: a store, or its remains, is already there.`);
  claimNewFile(file);
  let db: Database.Database | null = null;
  try {
    writeKdfRecord(dir, { kdf });
    db = openKeyedConnectionWith(file, passphrase, kdf);
    if (!db) throw new StoreError(`The new store file ${file} could not be keyed.`);
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
    removeKdfRecord(dir);
    throw error;
  }
}

/**
 * Opens the store in `dir`. Refuses, leaving the files as they were: no store
 * (StoreNotFoundError; nothing is created), a wrong passphrase (WrongPassphraseError), a file
 * that is not a Counterseal store (NotAStoreError), a store from a newer version
 * (StoreTooNewError), a damaged key-derivation record (KdfRecordError). An older store is
 * migrated. A passphrase change that a crash cut off is settled: the record then names the
 * cost that opened the store.
 */
export function openStore(dir: string, passphrase: string, runtime: Runtime): Store {
  passphraseKey(passphrase);
  const file = storeFile(dir);
  if (!existsSync(file)) throw new StoreNotFoundError(`No Counterseal store in ${dir}.`);
  const { db, kdf, record } = unlockConnection(file, passphrase);
  try {
    if (record?.pending) writeKdfRecord(dir, { kdf });
    assertCountersealStore(db, file);
    const version = readUserVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new StoreTooNewError(version, LATEST_SCHEMA_VERSION);
    configureConnection(db);
    migrate(db);
    const store = new Store(db, runtime, file);
    store.evidence.reconcile(SYSTEM_ACTOR);
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}

function claimNewFile(file: string): void {
  try {
    closeSync(openSync(file, "wx", PRIVATE_FILE_MODE));
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
