import Database from "better-sqlite3-multiple-ciphers";

/** True for a SqliteError with this result code (e.g. "SQLITE_NOTADB", "SQLITE_BUSY"). */
export const isSqliteError = (error: unknown, code: string): boolean =>
  error instanceof Database.SqliteError && error.code === code;
