import type Database from "better-sqlite3-multiple-ciphers";
import type { Runtime } from "../runtime.js";
import type { TransactionRunner } from "./transactions.js";

/** What a repository gets: the connection, injected time and ids, and the transaction rules. */
export interface StoreContext {
  readonly db: Database.Database;
  readonly runtime: Runtime;
  readonly transactions: TransactionRunner;
}
