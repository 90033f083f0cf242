// Opening, keying and configuring the one SQLite connection a store uses.
import { dirname } from "node:path";
import Database from "better-sqlite3-multiple-ciphers";
import { keyConnection, setJournalMode } from "./cipher.js";
import { StoreNotFoundError, WrongPassphraseError } from "./errors.js";
import { describeKdf, LEGACY_KDF, type KdfParameters } from "./kdf.js";
import { KDF_RECORD_FILE_NAME, readKdfRecord, type KdfRecord } from "./kdf-record.js";
import { isSqliteError } from "./sqlite-errors.js";

export const BUSY_TIMEOUT_MS = 5_000;

/** A keyed connection and what it took to open it. */
export interface UnlockedConnection {
  db: Database.Database;
  /** The cost the key was derived with. */
  kdf: KdfParameters;
  /** The record beside the file, null for a store from before records. */
  record: KdfRecord | null;
}

/**
 * Opens an existing file (never creates one) and keys it with the cost its record names (or,
 * during a passphrase change cut off by a crash, the one it was moving to). A wrong passphrase
 * is found by reading sqlite_master: page 1 fails to decrypt and SQLite reports SQLITE_NOTADB.
 * Nothing is written before that read succeeds, so a wrong passphrase leaves the file as it was.
 */
export function unlockConnection(file: string, passphrase: string): UnlockedConnection {
  const record = readKdfRecord(dirname(file));
  const candidates = record ? [record.kdf, ...(record.pending ? [record.pending] : [])] : [LEGACY_KDF];
  for (const kdf of candidates) {
    const db = openKeyedConnectionWith(file, passphrase, kdf);
    if (db) return { db, kdf, record };
  }
  const unrecorded = record
    ? ""
    : ` It has no key-derivation record (${KDF_RECORD_FILE_NAME}), so it was tried as a store from before records (${describeKdf(LEGACY_KDF)}).`;
  throw new WrongPassphraseError(`The passphrase does not open ${file} (or the file is not an encrypted Counterseal store).${unrecorded}`);
}

export const openKeyedConnection = (file: string, passphrase: string): Database.Database => unlockConnection(file, passphrase).db;

/** Opens and keys `file` with `kdf`; null when that key does not decrypt it. */
export function openKeyedConnectionWith(file: string, passphrase: string, kdf: KdfParameters): Database.Database | null {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    if (isSqliteError(error, "SQLITE_CANTOPEN")) throw new StoreNotFoundError(`No Counterseal store at ${file}.`);
    throw error;
  }
  try {
    keyConnection(db, passphrase, kdf);
    db.prepare("SELECT count(*) FROM sqlite_master").pluck().get();
    return db;
  } catch (error) {
    db.close();
    if (isSqliteError(error, "SQLITE_NOTADB")) return null;
    throw error;
  }
}

/** Connection settings every store runs with; `diagnostics()` reports them back. */
export function configureConnection(db: Database.Database): void {
  // WAL: readers (the UI) never wait for the writer (an import), and a commit is one append.
  setJournalMode(db, "wal");
  // synchronous = NORMAL is safe with WAL: commits are not fsynced one by one, the WAL is synced
  // at each checkpoint. A power cut can lose the last few commits, but cannot corrupt the store:
  // every WAL frame carries a checksum chained from the WAL header's salt, recovery stops at the
  // first frame that does not check, and a checkpoint syncs the WAL before copying it into the
  // database. Atomicity and consistency are kept; only the durability of the most recent commits
  // is traded (FULL would fsync every commit, i.e. every audit row). The sealed files stay on
  // disk, so a lost import is simply imported again.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // SQLite3MultipleCiphers encrypts the database, its journals and the WAL, but not temporary
  // files (temp tables, sorter spills of a large ORDER BY or CREATE INDEX). Keep those in memory
  // so no plaintext page ever reaches the disk.
  db.pragma("temp_store = MEMORY");
  // A deleted case must not linger in freed pages: SQLite overwrites deleted content with zeros.
  db.pragma("secure_delete = ON");
  // SQLite's default page cache is 2 MB, too little to keep the indexes an import probes (and the
  // inbox's) once a store holds many requests, so each probe would read and decrypt its pages
  // again. 32 MiB keeps them.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

export const PAGE_CACHE_KIB = 32 * 1024;
