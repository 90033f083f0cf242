// Encryption at rest: SQLite3MultipleCiphers' "sqlcipher" scheme, pinned to SQLCipher 4 (legacy = 4).
//
// Why SQLCipher 4 and not the library's default ChaCha20-Poly1305 ("chacha20"):
// - The passphrase is the only secret, so the KDF matters most. SQLCipher 4 derives the key with
//   PBKDF2-HMAC-SHA512, 256,000 iterations; chacha20's default is PBKDF2-HMAC-SHA256, 64,007.
// - Both authenticate every page (SQLCipher: AES-256-CBC with a fresh IV per write, then
//   HMAC-SHA512; chacha20: Poly1305), so a tampered page fails to read instead of decrypting to junk.
// - SQLCipher 4 is the de-facto standard format for encrypted SQLite. With legacy = 4 the file is
//   SQLCipher 4's own layout (only the 16-byte KDF salt is in clear), so an auditor, or a recovery
//   after Counterseal is gone, can open it with stock tools (sqlcipher 4, DB Browser for SQLite)
//   and the passphrase: the same "open standards, stock tools" stance as sealed bundles.
// - legacy = 4 pins every parameter (page size 4096, KDF, HMAC) to SQLCipher 4's published values,
//   so a later library release cannot silently change the format of stores already on disk.
// The cipher code is compiled into SQLite3MultipleCiphers, not taken from OpenSSL or BoringSSL,
// so the store behaves the same under Node and Electron.
import type Database from "better-sqlite3-multiple-ciphers";
import { StoreError } from "./errors.js";
import { isSqliteError } from "./sqlite-errors.js";

export const CIPHER = "sqlcipher";
export const CIPHER_LEGACY_VERSION = 4;

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

/** Selects the cipher and keys the connection; must run before the first read of the file. */
export function keyConnection(db: Database.Database, passphrase: string): void {
  const key = passphraseKey(passphrase);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`legacy = ${CIPHER_LEGACY_VERSION}`);
  db.key(key);
}

/**
 * Re-encrypts every page under a new passphrase (and a new salt).
 * SQLite3MultipleCiphers 2.3 (the one better-sqlite3-multiple-ciphers 12 bundles) refuses to
 * rekey in WAL mode: the rekey rewrites page 1 with a new salt, which a WAL cannot carry. So we
 * checkpoint out of WAL into the rollback journal, rekey (one journaled transaction, so a crash
 * half-way rolls back to the old passphrase), and return to WAL.
 */
export function rekeyConnection(db: Database.Database, newPassphrase: string): void {
  const key = passphraseKey(newPassphrase);
  setJournalMode(db, "delete");
  try {
    db.rekey(key);
  } finally {
    setJournalMode(db, "wal");
  }
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
