// Encryption at rest: SQLite3MultipleCiphers' "aegis" scheme: AEGIS-256 per page, the key
// derived from the passphrase with Argon2id.
//
// Why AEGIS-256 and not SQLCipher 4 (AES-256-CBC + HMAC-SHA512, PBKDF2):
// - The passphrase is the only secret, so the KDF matters most. Argon2id is memory-hard, which
//   PBKDF2 is not: a GPU or ASIC guesses PBKDF2 passphrases far faster than the laptop derived
//   them. Its cost is sized for offline guessing and recorded per store (kdf.ts, kdf-record.ts).
// - AEGIS-256 is an authenticated cipher (CFRG draft draft-irtf-cfrg-aegis-aead, CAESAR
//   high-performance winner) with a fresh random 256-bit nonce per page write: a tampered page
//   fails to read instead of decrypting to junk, as with SQLCipher's HMAC.
// - It runs on the AES instructions, so encrypting a page costs almost nothing. With SQLCipher 4
//   the store wrote 60 MB/s; with AEGIS and 64 KiB pages 260–290 MB/s, the same as no encryption
//   (docs/performance.md). Large attachments live in the store, so this is the import's speed.
// - The format is SQLite3MultipleCiphers' own, opened by its shell (sqlite3mc) with the
//   parameters below and the passphrase (docs/store.md), so the store stays readable without
//   Counterseal.
// - Every parameter is pinned here or recorded beside the store rather than left to the
//   library's defaults, so a later release cannot change the format of stores already on disk.
// The cipher and the KDF are compiled into SQLite3MultipleCiphers, not taken from OpenSSL or
// BoringSSL, so the store behaves the same under Node and Electron.
import type Database from "better-sqlite3-multiple-ciphers";
import sodium from "sodium-native";
import { StoreError } from "./errors.js";
import type { KdfParameters } from "./kdf.js";
import { isSqliteError } from "./sqlite-errors.js";

export const CIPHER = "aegis";
/** AEGIS-256: SQLite3MultipleCiphers' algorithm 4 of its aegis scheme. */
export const CIPHER_ALGORITHM = 4;
/**
 * SQLite's default 4 KiB pages. The 64 KiB pages before were for attachments stored as chunks
 * in the database; with kept bundles outside it (or a small one in its row), what the store
 * writes is small rows, and every page a statement first touches is copied to its journal and
 * every page a commit changes is written (sealed) to the WAL whole. Measured (docs/store.md):
 * storing a small bundle's rows 0.7–1.1 ms of CPU against 1.4–1.6 ms with 64 KiB pages, a
 * one-row commit 0.2–0.4 ms against 0.7–0.8 ms, and a fourteenth of the WAL. Set before the
 * first write; a store keeps the page size it was created with.
 */
export const PAGE_SIZE = 4 * 1024;

/**
 * The key material handed to sqlite3_key / sqlite3_rekey (what `PRAGMA key` does), which runs
 * the cipher's own KDF over it. Passing bytes instead of a `PRAGMA key = '…'` string avoids SQL
 * quoting of arbitrary passphrases. Unicode is NFC-normalised first so the same passphrase typed
 * through different input methods gives the same key.
 */
export function passphraseKey(passphrase: string): Buffer {
  // An empty key means "no encryption" to SQLite3MultipleCiphers: it would open a plaintext
  // file, and a rekey to it would decrypt the whole store onto the disk.
  if (passphrase.length === 0) throw new StoreError("The store passphrase must not be empty.");
  return Buffer.from(passphrase.normalize("NFC"), "utf8");
}

/**
 * Sets the cipher and the key derivation's cost for the next key or rekey on this connection.
 * The values are whole numbers checked by the caller (kdfParameterProblem), never text.
 */
function selectCipher(db: Database.Database, kdf: KdfParameters): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`algorithm = ${CIPHER_ALGORITHM}`);
  db.pragma(`tcost = ${Math.trunc(kdf.tcost)}`);
  db.pragma(`mcost = ${Math.trunc(kdf.mcost)}`);
  db.pragma(`pcost = ${Math.trunc(kdf.pcost)}`);
}

/**
 * Runs `use` with the passphrase's key bytes, then wipes them. SQLite3MultipleCiphers copies the
 * key it derives; the passphrase itself is a JavaScript string, which cannot be wiped
 * (docs/threat-model.md).
 */
function withPassphraseKey(passphrase: string, use: (key: Buffer) => void): void {
  const key = passphraseKey(passphrase);
  try {
    use(key);
  } finally {
    sodium.sodium_memzero(key);
  }
}

/** Selects the cipher and keys the connection; must run before the first read of the file. */
export function keyConnection(db: Database.Database, passphrase: string, kdf: KdfParameters): void {
  withPassphraseKey(passphrase, (key) => {
    selectCipher(db, kdf);
    db.key(key);
  });
}

/**
 * Re-encrypts every page under a new passphrase (and a new salt), derived with `kdf`.
 * SQLite3MultipleCiphers 2.3 (the one better-sqlite3-multiple-ciphers 12 bundles) refuses to
 * rekey in WAL mode: the rekey rewrites page 1 with a new salt, which a WAL cannot carry. So we
 * checkpoint out of WAL into the rollback journal, rekey (one journaled transaction, so a crash
 * half-way rolls back to the old passphrase), and return to WAL.
 */
export function rekeyConnection(db: Database.Database, newPassphrase: string, kdf: KdfParameters): void {
  withPassphraseKey(newPassphrase, (key) => {
    setJournalMode(db, "delete");
    try {
      // The cost set here is the one the rekey derives the new key with.
      selectCipher(db, kdf);
      db.rekey(key);
    } finally {
      setJournalMode(db, "wal");
    }
  });
}

export function setJournalMode(db: Database.Database, mode: "wal" | "delete"): void {
  const refused = (): StoreError =>
    new StoreError(`Could not switch the store to journal mode ${mode}: another program may have it open.`);
  let actual: unknown;
  try {
    actual = db.pragma(`journal_mode = ${mode}`, { simple: true });
  } catch (error) {
    // Leaving WAL needs the only connection to the file; with another one open SQLite says BUSY.
    if (isSqliteError(error, "SQLITE_BUSY")) throw refused();
    throw error;
  }
  // SQLite answers with the mode actually in force.
  if (actual !== mode) throw refused();
}
