import type Database from "better-sqlite3-multiple-ciphers";

/**
 * One schema step. `up` runs inside the transaction that also sets `PRAGMA user_version` to
 * `version`, so a store is always exactly at one version. Migrations are never edited once
 * released: a change is a new, higher-numbered migration with its own test.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/** PRAGMA application_id: marks the file as a Counterseal store ("CNSL" in ASCII). */
export const COUNTERSEAL_APPLICATION_ID = 0x434e534c;
