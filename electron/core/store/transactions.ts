// Transactions over the store's single connection.
//
// A synchronous transaction cannot interleave with anything: JavaScript runs it to the end.
// An async one (an import streaming a bundle in across awaits) holds BEGIN … COMMIT open while
// other code runs, and everything on the same connection would silently join it. So:
// - async transactions queue on a mutex, one at a time;
// - the code inside one is recognised through AsyncLocalStorage (it follows the awaits);
// - a write from outside while one is open is refused (TransactionBusyError) instead of joining a
//   transaction that may still roll back. Use asyncTransaction to queue behind it instead.
// Reads from outside are allowed, and see the open transaction's uncommitted rows.
//
// Files beside the database (kept evidence) cannot join a transaction, so a repository that
// writes or removes one registers what to do when the transaction it is in ends: afterRollback
// (remove a file a rolled-back row named) and afterCommit (remove a file a deleted row named).
// beforeCommit runs work once per transaction, inside it, just before COMMIT (the search index:
// FTS5 flushes what it holds at every savepoint, so rows indexed one bundle at a time would
// cost a segment each). A nested scope hands its hooks to its parent when it succeeds, so they
// run at the real end.
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3-multiple-ciphers";
import { NestedTransactionError, StoreError, TransactionBusyError } from "./errors.js";
import { Mutex } from "./mutex.js";

export class TransactionRunner {
  readonly #db: Database.Database;
  readonly #mutex = new Mutex();
  readonly #insideAsync = new AsyncLocalStorage<symbol>();
  #openAsync: symbol | undefined;
  #savepoints = 0;
  readonly #scopes: HookScope[] = [];

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /**
   * Runs `fn` atomically: BEGIN IMMEDIATE … COMMIT at top level, a SAVEPOINT when nested (so a
   * repository call inside an import commits or rolls back with the import). IMMEDIATE takes the
   * write lock up front: a deferred transaction that reads and then writes fails with SQLITE_BUSY
   * when another process wrote in between, and busy_timeout cannot save it.
   */
  run<T>(fn: () => T): T {
    this.#assertNotShutOut();
    return this.#hooked(() =>
      this.#db
        .transaction(() => {
          const result = fn();
          // At the top level, better-sqlite3 commits as this function returns.
          if (this.#scopes.length === 1) this.#runBeforeCommit();
          return result;
        })
        .immediate(),
    );
  }

  /** Runs `hook` inside the transaction this call is in, just before it commits (once it is known to succeed). */
  beforeCommit(hook: () => void): void {
    this.#innermostScope("beforeCommit").beforeCommit.push(hook);
  }

  #runBeforeCommit(): void {
    const top = this.#scopes[0];
    if (top === undefined) return;
    // A hook may register more (it runs inside the transaction); run until none is left.
    while (top.beforeCommit.length > 0) top.beforeCommit.splice(0).forEach((hook) => hook());
  }

  /** Runs `hook` if the transaction (or savepoint) this call is in rolls back. */
  afterRollback(hook: () => void): void {
    this.#innermostScope("afterRollback").rollback.push(hook);
  }

  /** Runs `hook` once the transaction this call is in has committed. */
  afterCommit(hook: () => void): void {
    this.#innermostScope("afterCommit").commit.push(hook);
  }

  #innermostScope(what: string): HookScope {
    const scope = this.#scopes.at(-1);
    if (scope === undefined || !this.#db.inTransaction) throw new StoreError(`${what} must be called inside a transaction.`);
    return scope;
  }

  #hooked<T>(fn: () => T): T {
    const scope = this.#openScope();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.#endScope(scope, false);
      throw error;
    }
    // Outside the try: a commit hook that fails must not be taken for a rollback.
    this.#endScope(scope, true);
    return result;
  }

  async #hookedAsync<T>(fn: () => Promise<T>): Promise<T> {
    const scope = this.#openScope();
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      this.#endScope(scope, false);
      throw error;
    }
    // Outside the try: a commit hook that fails must not be taken for a rollback.
    this.#endScope(scope, true);
    return result;
  }

  #openScope(): HookScope {
    const scope: HookScope = { beforeCommit: [], commit: [], rollback: [] };
    this.#scopes.push(scope);
    return scope;
  }

  /** A scope that succeeded hands its hooks to its parent, or (at the top) has committed. */
  #endScope(scope: HookScope, succeeded: boolean): void {
    this.#scopes.pop();
    if (!succeeded) {
      for (const hook of scope.rollback.reverse()) hook();
      return;
    }
    const parent = this.#scopes.at(-1);
    if (parent === undefined) {
      for (const hook of scope.commit) hook();
      return;
    }
    parent.beforeCommit.push(...scope.beforeCommit);
    parent.commit.push(...scope.commit);
    parent.rollback.push(...scope.rollback);
  }

  async runAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#insideAsync.getStore() !== undefined) {
      throw new NestedTransactionError("asyncTransaction cannot be nested: it would wait for itself. Call the inner code directly.");
    }
    if (this.#db.inTransaction && this.#openAsync === undefined) {
      throw new NestedTransactionError("asyncTransaction cannot start inside a synchronous transaction.");
    }
    const release = await this.#mutex.lock();
    try {
      return await this.#hookedAsync(() => this.#runLocked(fn));
    } finally {
      release();
    }
  }

  async #runLocked<T>(fn: () => Promise<T>): Promise<T> {
    const token = Symbol("asyncTransaction");
    this.#db.exec("BEGIN IMMEDIATE");
    this.#openAsync = token;
    try {
      const result = await this.#insideAsync.run(token, fn);
      this.#insideAsync.run(token, () => this.#runBeforeCommit());
      this.#db.exec("COMMIT");
      return result;
    } catch (error) {
      // A failed COMMIT (e.g. a deferred foreign key) leaves the transaction open; an I/O error
      // may already have rolled it back. Either way nothing of it may survive.
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      throw error;
    } finally {
      this.#openAsync = undefined;
    }
  }

  /**
   * Runs `fn` inside the current async transaction as a SAVEPOINT: if it throws, only its own
   * changes are rolled back and the transaction goes on. An import stores many bundles in one
   * transaction this way, each all-or-nothing, and pays for one commit.
   */
  async savepointAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#openAsync === undefined || this.#insideAsync.getStore() !== this.#openAsync) {
      throw new StoreError("savepointAsync must run inside store.asyncTransaction.");
    }
    const name = `sp${++this.#savepoints}`;
    return this.#hookedAsync(async () => {
      this.#db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        this.#db.exec(`RELEASE ${name}`);
        return result;
      } catch (error) {
        // ROLLBACK TO undoes the savepoint's changes but keeps it open; RELEASE then drops it.
        if (this.#db.inTransaction) this.#db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw error;
      }
    });
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction && this.#scopes.length > 0;
  }

  /** For code that must run inside a transaction the caller controls (keeping evidence). */
  assertInTransaction(what: string): void {
    this.#assertNotShutOut();
    if (!this.#db.inTransaction) {
      throw new StoreError(`${what} must run inside store.transaction or store.asyncTransaction.`);
    }
  }

  /** For operations that need the connection to themselves (rekey, close). */
  assertIdle(what: string): void {
    if (this.#openAsync !== undefined || this.#db.inTransaction) {
      throw new TransactionBusyError(`Cannot ${what} while a transaction is open.`);
    }
  }

  /** An async transaction (an import) holds the connection, and this code runs outside it. */
  get shutOut(): boolean {
    return this.#openAsync !== undefined && this.#insideAsync.getStore() !== this.#openAsync;
  }

  #assertNotShutOut(): void {
    if (this.shutOut) {
      throw new TransactionBusyError(
        "An async transaction is in progress; writes from outside it would join it. Use store.asyncTransaction to queue behind it.",
      );
    }
  }
}

interface HookScope {
  beforeCommit: (() => void)[];
  commit: (() => void)[];
  rollback: (() => void)[];
}
