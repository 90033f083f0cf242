// The kept bundles (the evidence): one per request, re-wrapped to the store's own key, in its row
// when small and as a content-named file in evidence/ when large (evidence-files.ts). Rows and
// files agree at every commit: a file is durable before its row commits, a rolled-back row's file
// is removed at once, a deleted row's file once the deletion commits, and what a crash leaves
// (files no row names) when the store next opens. A row whose file is missing is damage, reported.
import { createHmac } from "node:crypto";
import { armorWithLayout, parseArmorLayout } from "../../crypto/age-armor-layout.js";
import { openKeptAgeFile, type KeptAgeFile, type RandomAccessBytes } from "../../crypto/age-chunk-reader.js";
import { AgeDecryptError } from "../../crypto/age.js";
import type { StoreContext } from "../context.js";
import { EvidenceDamagedError, StoreError } from "../errors.js";
import {
  evidenceDir,
  isPartialEvidenceName,
  listEvidenceFolder,
  openEvidenceFile,
  PartialEvidenceFile,
  removeEvidenceFile,
  type OpenEvidenceFile,
} from "../evidence-files.js";
import { EvidenceWriter, originalPieces, type PendingEvidence } from "../evidence-writer.js";
import { isSqliteError } from "../sqlite-errors.js";
import { toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

/**
 * Sealed files from this size on are kept as files; smaller ones in their row. Measured
 * (docs/performance.md): below it a row is faster, from it a file (no WAL double write).
 */
export const EVIDENCE_FILE_MIN_BYTES = 128 * 1024;

const FILE_NAME_LABEL = "counterseal.org/store/v1/evidence-file-name";

/** A kept bundle opened for reading ranges of its decrypted tar stream; close it when done. */
export interface OpenedEvidence {
  readonly plaintextSize: number;
  range(offset: number, length: number): Generator<Uint8Array, void, undefined>;
  close(): void;
}

interface EvidenceRow {
  requestId: string;
  sealedSha256: string;
  sealedSize: number;
  originalHeader: Buffer;
  armor: string | null;
  keptSize: number;
  fileName: string | null;
}

export class EvidenceRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #dir: string;
  #key: Uint8Array | undefined;
  readonly #selectKey;
  readonly #insertKey;
  readonly #insert;
  readonly #row;
  readonly #content;
  readonly #fileNames;
  readonly #delete;

  constructor(ctx: StoreContext, audit: AuditLog, storeDir: string) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#dir = evidenceDir(storeDir);
    const { db } = ctx;
    this.#selectKey = db.prepare<[], Buffer>("SELECT evidence_key FROM store_keys WHERE id = 1").pluck();
    this.#insertKey = db.prepare<[Buffer, number]>("INSERT INTO store_keys (id, evidence_key, created_at) VALUES (1, ?, ?)");
    this.#insert = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO evidence (request_id, sealed_sha256, sealed_size, original_header, armor, kept_size, plaintext_size, file_name, content)
       VALUES (@requestId, @sealedSha256, @sealedSize, @originalHeader, @armor, @keptSize, @plaintextSize, @fileName, @content)`,
    );
    this.#row = db.prepare<[string], EvidenceRow>(
      `SELECT request_id AS requestId, sealed_sha256 AS sealedSha256, sealed_size AS sealedSize, original_header AS originalHeader,
              armor, kept_size AS keptSize, file_name AS fileName FROM evidence WHERE request_id = ?`,
    );
    this.#content = db.prepare<[string], Buffer>("SELECT content FROM evidence WHERE request_id = ?").pluck();
    this.#fileNames = db.prepare<[], string>("SELECT file_name FROM evidence WHERE file_name IS NOT NULL").pluck();
    this.#delete = db.prepare<[string]>("DELETE FROM evidence WHERE request_id = ?");
  }

  /** The store's evidence key, made (in the caller's transaction, if any) with the first kept bundle. */
  #storeKey(): Uint8Array {
    if (this.#key) return this.#key;
    // A plain read first: a reader (an attachment opened while an import holds the store) must
    // not need a write transaction. A key seen in a transaction that then rolls back is
    // forgotten by the hook set where it was made.
    const existing = this.#selectKey.get();
    if (existing !== undefined) {
      this.#key = new Uint8Array(existing);
      return this.#key;
    }
    const key = this.#ctx.transactions.run(() => {
      const stored = this.#selectKey.get();
      if (stored !== undefined) return stored;
      const made = Buffer.from(this.#ctx.runtime.ids.randomBytes(32));
      this.#insertKey.run(made, toStoredTime(this.#ctx.runtime.clock.now()));
      // A key whose row rolls back must not wrap anything later.
      this.#ctx.transactions.afterRollback(() => {
        this.#key = undefined;
      });
      return made;
    });
    this.#key = new Uint8Array(key);
    return this.#key;
  }

  /**
   * A keeper for one bundle of `sealedSize` bytes. Made inside the transaction that will store
   * it (an import's savepoint), whatever it wrote is removed if that rolls back.
   */
  createWriter(sealedSize: number): EvidenceWriter {
    const { transactions, runtime } = this.#ctx;
    const partial = sealedSize >= EVIDENCE_FILE_MIN_BYTES ? new PartialEvidenceFile(this.#dir, runtime.ids.newId()) : null;
    const writer = new EvidenceWriter(this.#storeKey(), (length) => runtime.ids.randomBytes(length), partial);
    if (transactions.inTransaction) transactions.afterRollback(() => writer.discard());
    return writer;
  }

  /** Stores the kept bundle of a request being inserted (RequestRepository, same transaction). */
  keep(requestId: string, pending: PendingEvidence): void {
    const { transactions } = this.#ctx;
    transactions.assertInTransaction("Keeping evidence");
    const fileName = pending.partial ? `${this.#fileNameFor(pending.sealed.sha256)}.age` : null;
    this.#insert.run({
      requestId,
      sealedSha256: pending.sealed.sha256,
      sealedSize: pending.sealed.size,
      originalHeader: Buffer.from(pending.originalHeader),
      armor: pending.armor,
      keptSize: pending.keptSize,
      plaintextSize: pending.plaintextSize,
      fileName,
      content: pending.content,
    });
    if (pending.partial && fileName !== null) {
      // Durable under its name before the row can commit; gone again if the row rolls back.
      pending.partial.publish(fileName);
      transactions.afterRollback(() => removeEvidenceFile(this.#dir, fileName));
    }
  }

  /** Content-named, yet telling nothing to whoever lists the folder: keyed by the store's evidence key. */
  #fileNameFor(sealedSha256: string): string {
    return createHmac("sha256", this.#storeKey()).update(FILE_NAME_LABEL).update(sealedSha256).digest("hex");
  }

  /** Opens a request's kept bundle for reading ranges of its tar stream. */
  open(requestId: string): OpenedEvidence {
    const row = this.#requireRow(requestId);
    const source = this.#openSource(row);
    let kept: KeptAgeFile;
    try {
      kept = this.#openKept(row, source);
    } catch (error) {
      source.close();
      throw error;
    }
    const what = this.#describe(row);
    return {
      plaintextSize: kept.plaintextSize,
      range: function* (offset, length) {
        try {
          yield* kept.range(offset, length);
        } catch (error) {
          if (error instanceof AgeDecryptError) throw new EvidenceDamagedError(`${what}: ${error.message}`);
          throw error;
        }
      },
      close: () => {
        kept.close();
        source.close();
      },
    };
  }

  /** The sealed file exactly as it arrived, in pieces of at most 1 MiB. */
  *readOriginal(requestId: string): Generator<Uint8Array, void, undefined> {
    const row = this.#requireRow(requestId);
    const source = this.#openSource(row);
    try {
      const kept = this.#openKept(row, source);
      kept.close();
      const binary = originalPieces(row.originalHeader, source, kept.headerLength);
      yield* row.armor === null ? binary : armorWithLayout(binary, parseArmorLayout(row.armor));
    } finally {
      source.close();
    }
  }

  /** The row's facts about its original, for exports and their audit rows. */
  sealedFacts(requestId: string): { sha256: string; size: number } {
    const row = this.#requireRow(requestId);
    return { sha256: row.sealedSha256, size: row.sealedSize };
  }

  /** Deletes a request's kept bundle inside the caller's transaction; its file goes once that commits. */
  remove(requestId: string): void {
    const { transactions } = this.#ctx;
    transactions.assertInTransaction("Removing evidence");
    const row = this.#row.get(requestId);
    if (row === undefined) return;
    this.#delete.run(requestId);
    const fileName = row.fileName;
    if (fileName !== null) transactions.afterCommit(() => removeEvidenceFile(this.#dir, fileName));
  }

  /**
   * Makes the folder agree with the rows, at open: removes files no row names (a batch that
   * never committed, a deletion cut off before its file went), then refuses if a row names a
   * file that is missing. A first look takes no lock; only when it finds something does the
   * check run again in a write transaction, where no other process can be between writing its
   * files and committing their rows (its import holds the write lock all that time). If another
   * process holds the lock, the sweep waits for the next open rather than for that process.
   */
  reconcile(actor: Actor): { removed: number } {
    const first = this.#mismatch();
    if (first.orphans.length === 0 && first.missing.length === 0) return { removed: 0 };
    const { db } = this.#ctx;
    const patience = Number(db.pragma("busy_timeout", { simple: true }));
    // Another process holding the write lock is importing (its files are not orphans) or
    // deleting; waiting for it could take as long as its batch. Try once, without waiting.
    db.pragma("busy_timeout = 0");
    try {
      return this.#ctx.transactions.run(() => this.#settle(actor));
    } catch (error) {
      if (!isSqliteError(error, "SQLITE_BUSY")) throw error;
      // Orphans wait for the next open. A file that looked missing may have gone with a
      // deletion that has committed since the first look: look again.
      this.#throwIfMissing(this.#mismatch().missing);
      return { removed: 0 };
    } finally {
      db.pragma(`busy_timeout = ${patience}`);
    }
  }

  #settle(actor: Actor): { removed: number } {
    const { orphans, missing } = this.#mismatch();
    this.#throwIfMissing(missing);
    for (const name of orphans) removeEvidenceFile(this.#dir, name);
    if (orphans.length > 0) {
      this.#audit.appendAudit({
        actor,
        action: "evidence.orphans-removed",
        objectId: "evidence",
        details: { files: orphans.length, unfinished: orphans.filter(isPartialEvidenceName).length },
      });
    }
    return { removed: orphans.length };
  }

  #throwIfMissing(missing: readonly string[]): void {
    if (missing.length === 0) return;
    throw new EvidenceDamagedError(
      `The store is damaged: ${missing.length} kept bundle file(s) named by its rows are missing from ${this.#dir} ` +
        `(${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}). Restore the folder from a backup; nothing was changed.`,
    );
  }

  #mismatch(): { orphans: string[]; missing: string[] } {
    const present = listEvidenceFolder(this.#dir);
    const named = new Set(this.#fileNames.all());
    const presentSet = new Set(present);
    return { orphans: present.filter((name) => !named.has(name)), missing: [...named].filter((name) => !presentSet.has(name)) };
  }

  #requireRow(requestId: string): EvidenceRow {
    const row = this.#row.get(requestId);
    if (row === undefined) throw new StoreError(`Request ${requestId} has no kept bundle.`);
    return row;
  }

  #describe(row: EvidenceRow): string {
    return row.fileName === null ? `the kept bundle of request ${row.requestId}` : `kept bundle file ${row.fileName}`;
  }

  #openSource(row: EvidenceRow): OpenEvidenceFile {
    if (row.fileName === null) {
      const content = this.#content.get(row.requestId);
      if (content === undefined || content === null) throw new EvidenceDamagedError(`${this.#describe(row)} has no content`);
      return inMemory(content);
    }
    const file = openEvidenceFile(this.#dir, row.fileName);
    if (file === null) {
      throw new EvidenceDamagedError(`The store is damaged: ${this.#describe(row)} is missing from ${this.#dir}. Restore it from a backup.`);
    }
    if (file.size !== row.keptSize) {
      file.close();
      throw new EvidenceDamagedError(`The store is damaged: ${this.#describe(row)} has ${file.size} bytes, its row says ${row.keptSize}.`);
    }
    return file;
  }

  #openKept(row: EvidenceRow, source: RandomAccessBytes): KeptAgeFile {
    try {
      return openKeptAgeFile(source, this.#storeKey());
    } catch (error) {
      if (error instanceof AgeDecryptError) throw new EvidenceDamagedError(`The store is damaged: ${this.#describe(row)}: ${error.message}`);
      throw error;
    }
  }
}

function inMemory(content: Buffer): OpenEvidenceFile {
  return { size: content.length, read: (position, length) => content.subarray(position, position + length), close: () => undefined };
}
