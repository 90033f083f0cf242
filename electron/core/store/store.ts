// A store: one open, keyed, migrated database and the repositories over it.
import { dirname } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import type { Runtime } from "../runtime.js";
import { RECOMMENDED_KDF } from "./kdf.js";
import { rekeyWithRecord } from "./rekey.js";
import type { StoreContext } from "./context.js";
import { readUserVersion } from "./migrate.js";
import { type Actor, SYSTEM_ACTOR } from "./repositories/actor.js";
import { AgeIdentityRepository } from "./repositories/age-identities.js";
import { AuditLog } from "./repositories/audit.js";
import { AuditPackRepository } from "./repositories/audit-packs.js";
import { DecisionRepository } from "./repositories/decisions.js";
import { CountersignRepository } from "./repositories/countersign.js";
import { GrievanceRepository } from "./repositories/grievances.js";
import { EvidenceRepository } from "./repositories/evidence.js";
import { ExecutionRepository } from "./repositories/executions.js";
import { StatisticsRepository } from "./repositories/statistics.js";
import { InboxRepository } from "./repositories/inbox.js";
import { KeyringRepository } from "./repositories/keyring.js";
import { PopulationRepository } from "./repositories/population.js";
import { RequestRepository } from "./repositories/requests.js";
import { ReviewRepository } from "./repositories/review.js";
import { ReviewerRepository } from "./repositories/reviewer.js";
import { SettingsRepository } from "./repositories/settings.js";
import { TransactionRunner } from "./transactions.js";

export interface StoreDiagnostics {
  file: string;
  schemaVersion: number;
  cipher: string;
  /** Argon2id passes, memory (KiB) and lanes of the cipher's key derivation. */
  kdf: { tcost: number; mcost: number; pcost: number };
  pageSize: number;
  journalMode: string;
  synchronous: number;
  foreignKeys: boolean;
  tempStore: number;
  busyTimeoutMs: number;
}

/**
 * Reads go straight to the repositories. Every mutating repository call takes the actor and
 * appends its audit row in the same transaction as its change (joining the caller's transaction
 * when there is one), so no caller can change state without leaving a record.
 */
export class Store {
  readonly audit: AuditLog;
  readonly reviewer: ReviewerRepository;
  readonly ageIdentities: AgeIdentityRepository;
  readonly keyring: KeyringRepository;
  readonly requests: RequestRepository;
  readonly evidence: EvidenceRepository;
  readonly inbox: InboxRepository;
  readonly settings: SettingsRepository;
  readonly grievances: GrievanceRepository;
  readonly review: ReviewRepository;
  readonly decisions: DecisionRepository;
  readonly countersign: CountersignRepository;
  readonly population: PopulationRepository;
  readonly executions: ExecutionRepository;
  readonly statistics: StatisticsRepository;
  readonly auditPacks: AuditPackRepository;
  readonly #db: Database.Database;
  readonly #runtime: Runtime;
  readonly #transactions: TransactionRunner;

  constructor(
    db: Database.Database,
    runtime: Runtime,
    readonly file: string,
  ) {
    this.#db = db;
    this.#runtime = runtime;
    this.#transactions = new TransactionRunner(db);
    const ctx: StoreContext = { db, runtime, transactions: this.#transactions };
    this.audit = new AuditLog(ctx);
    this.reviewer = new ReviewerRepository(ctx, this.audit);
    this.ageIdentities = new AgeIdentityRepository(ctx, this.audit);
    this.keyring = new KeyringRepository(ctx, this.audit);
    this.evidence = new EvidenceRepository(ctx, this.audit, dirname(file));
    this.requests = new RequestRepository(ctx, this.audit, this.evidence);
    this.inbox = new InboxRepository(ctx);
    this.settings = new SettingsRepository(ctx, this.audit);
    this.grievances = new GrievanceRepository(ctx, this.audit);
    this.review = new ReviewRepository(ctx, this.audit);
    this.decisions = new DecisionRepository(ctx, this.audit, this.review);
    this.countersign = new CountersignRepository(ctx, this.audit);
    this.population = new PopulationRepository(ctx);
    this.executions = new ExecutionRepository(ctx, this.audit);
    this.statistics = new StatisticsRepository(ctx);
    this.auditPacks = new AuditPackRepository(ctx, this.audit);
  }

  /** Synchronous and atomic (better-sqlite3's db.transaction, BEGIN IMMEDIATE); nests as a savepoint. */
  transaction<T>(fn: () => T): T {
    return this.#transactions.run(fn);
  }

  /**
   * BEGIN IMMEDIATE … COMMIT around async work, ROLLBACK if it throws. One at a time: a second
   * call waits for the first to finish. Nesting one inside another throws NestedTransactionError.
   */
  asyncTransaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.#transactions.runAsync(fn);
  }

  /** Whether a write now would be refused because an async transaction (an import) holds the store. */
  get heldByAnotherWriter(): boolean {
    return this.#transactions.shutOut;
  }

  /** Inside an asyncTransaction: runs `fn` as a savepoint, rolling back only its own changes if it throws. */
  savepoint<T>(fn: () => Promise<T>): Promise<T> {
    return this.#transactions.savepointAsync(fn);
  }

  /**
   * Changes the passphrase: every page is re-encrypted under the new one, then audited. Needs the
   * store to itself (no open transaction, no other program with it open). Checking that the
   * person knows the current passphrase is the caller's job. The new key is derived with the
   * current recommended cost (or the runtime's), which the store's record then names.
   */
  rekey(newPassphrase: string, actor: Actor = SYSTEM_ACTOR): void {
    this.#transactions.assertIdle("change the passphrase");
    const kdf = this.#runtime.storeKdf ?? RECOMMENDED_KDF;
    rekeyWithRecord(this.#db, dirname(this.file), newPassphrase, kdf);
    this.audit.appendAudit({ actor, action: "store.rekeyed", objectId: "store", details: { kdf: { ...kdf } } });
  }

  diagnostics(): StoreDiagnostics {
    const pragma = (name: string): unknown => this.#db.pragma(name, { simple: true });
    return {
      file: this.file,
      schemaVersion: readUserVersion(this.#db),
      cipher: String(pragma("cipher")),
      kdf: { tcost: Number(pragma("tcost")), mcost: Number(pragma("mcost")), pcost: Number(pragma("pcost")) },
      pageSize: Number(pragma("page_size")),
      journalMode: String(pragma("journal_mode")),
      synchronous: Number(pragma("synchronous")),
      foreignKeys: pragma("foreign_keys") === 1,
      tempStore: Number(pragma("temp_store")),
      busyTimeoutMs: Number(pragma("busy_timeout")),
    };
  }

  /** SQLite's own consistency check of every page and index: `["ok"]` when the file is sound. */
  integrityCheck(): string[] {
    const rows = this.#db.pragma("integrity_check") as Record<string, unknown>[];
    return rows.map((row) => String(Object.values(row)[0]));
  }

  /**
   * Copies the WAL into the database and empties it (a deletion's old pages leave the WAL file,
   * not only the database); waits for readers to finish, up to the busy timeout.
   */
  checkpoint(): void {
    this.#transactions.assertIdle("checkpoint the store");
    this.#db.pragma("wal_checkpoint(TRUNCATE)");
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  /** Closes the connection; SQLite checkpoints the WAL into the file. */
  close(): void {
    this.#transactions.assertIdle("close the store");
    this.#db.close();
  }
}

