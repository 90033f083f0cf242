// Brings a store's schema up to date, one migration per transaction.
import type Database from "better-sqlite3-multiple-ciphers";
import { StoreError, StoreTooNewError } from "./errors.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Migration } from "./migrations/migration.js";

export const readUserVersion = (db: Database.Database): number => db.pragma("user_version", { simple: true }) as number;

/**
 * Applies every migration above the store's user_version. Each runs in one IMMEDIATE
 * transaction together with `PRAGMA user_version = N` (SQLite writes both to the same
 * transaction, so they commit or roll back together), re-reading the version under the write
 * lock in case another process migrated first. A store newer than the last migration is refused
 * before anything is written. Returns the version reached.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  assertNumberedInOrder(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = readUserVersion(db);
  if (current > latest) throw new StoreTooNewError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      if (readUserVersion(db) >= migration.version) return;
      migration.up(db);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      db.pragma(`user_version = ${migration.version}`);
      assertNoForeignKeyViolations(db, migration);
    }).immediate();
  }
  return readUserVersion(db);
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StoreError(`Migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}.`);
    }
  });
}

// foreign_keys cannot be switched inside a transaction, so a migration that rebuilds tables
// could leave dangling references unnoticed; check them before committing.
function assertNoForeignKeyViolations(db: Database.Database, migration: Migration): void {
  const violations = db.pragma("foreign_key_check") as unknown[];
  if (violations.length > 0) {
    throw new StoreError(`Migration ${migration.version} (${migration.name}) leaves ${violations.length} foreign key violation(s).`);
  }
}
