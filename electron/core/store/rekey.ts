// A passphrase change that also moves the store to the current key-derivation cost, crash-safe
// together with the record that names the cost.
//
// The rekey (one journaled transaction in SQLite) and the record (one atomic rename) cannot be
// a single write, so the record first names both costs: `kdf` the old, `pending` the new. Then
// the pages are rekeyed, then the record names only the new cost. Whenever a crash strikes, the
// record names the cost the pages are keyed with, and unlocking tries `kdf` then `pending`.
// A failed rekey leaves both named for the same reason: it may have failed after the new key
// was committed (while returning to WAL), and the next unlock settles the record.
import type Database from "better-sqlite3-multiple-ciphers";
import { rekeyConnection } from "./cipher.js";
import { kdfParameterProblem, type KdfParameters } from "./kdf.js";
import { writeKdfRecord } from "./kdf-record.js";
import { StoreError } from "./errors.js";

/** The cost this connection's key was derived with (what SQLite3MultipleCiphers reports). */
export function connectionKdf(db: Database.Database): KdfParameters {
  const read = (name: string): number => Number(db.pragma(name, { simple: true }));
  return { tcost: read("tcost"), mcost: read("mcost"), pcost: read("pcost") };
}

export function rekeyWithRecord(db: Database.Database, dir: string, newPassphrase: string, next: KdfParameters): void {
  const problem = kdfParameterProblem(next);
  if (problem) throw new StoreError(`Cannot rekey with that key-derivation cost: ${problem}.`);
  const current = connectionKdf(db);
  writeKdfRecord(dir, { kdf: current, pending: next });
  rekeyConnection(db, newPassphrase, next);
  writeKdfRecord(dir, { kdf: next });
}
