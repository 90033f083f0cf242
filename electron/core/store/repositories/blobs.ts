// Attachment contents, stored inside the encrypted database as chunk rows so they are
// encrypted, transactional and backed up with everything else, and streamed in and out with at
// most one chunk in memory.
import { createHash } from "node:crypto";
import { asBuffer } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { BlobCorruptError, BlobNotFoundError } from "../errors.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

/** 1 MiB: large enough that per-row overhead vanishes, small enough to hold one in memory. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

export interface BlobInfo {
  blobId: string;
  size: number;
  sha256: string;
}

export interface BlobWriter {
  write(chunk: Uint8Array): void;
  /**
   * Stores what is buffered and the blob row; the blob is usable (attachable) from here on.
   * A writer created with `givenSha256` takes the digest here instead of computing its own.
   */
  finish(sha256?: string): BlobInfo;
}

export interface BlobWriterOptions {
  /**
   * The caller hashes the bytes it writes and hands the SHA-256 to finish(). An import's bag
   * reader already hashes every payload file to check it against the manifest; hashing again
   * here would be a second pass over every byte.
   */
  givenSha256?: boolean;
}

export class BlobRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #insertChunk;
  readonly #insertBlob;
  readonly #selectBlob;
  readonly #selectChunk;
  readonly #selectOrphans;
  readonly #deleteChunks;
  readonly #deleteBlob;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    const { db } = ctx;
    this.#insertChunk = db.prepare<[string, number, Buffer]>("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)");
    this.#insertBlob = db.prepare<[string, number, string]>("INSERT INTO blobs (id, size, sha256) VALUES (?, ?, ?)");
    this.#selectBlob = db.prepare<[string], BlobInfo>("SELECT id AS blobId, size, sha256 FROM blobs WHERE id = ?");
    this.#selectChunk = db.prepare<[string, number], Buffer>("SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?").pluck();
    this.#selectOrphans = db.prepare<[], string>(
      "SELECT id FROM blobs WHERE NOT EXISTS (SELECT 1 FROM attachments WHERE blob_id = blobs.id)",
    ).pluck();
    this.#deleteChunks = db.prepare<[string]>("DELETE FROM blob_chunks WHERE blob_id = ?");
    this.#deleteBlob = db.prepare<[string]>("DELETE FROM blobs WHERE id = ?");
  }

  /**
   * Streams a blob in, inside a transaction the caller controls (an import's asyncTransaction):
   * chunk rows are inserted as each 1 MiB fills, the blob row with size and SHA-256 at finish().
   * If the transaction rolls back, nothing remains; if a writer is never finished, its chunks
   * have no blob row and the deferred foreign key fails the commit.
   */
  createBlobWriter(options: BlobWriterOptions = {}): BlobWriter {
    const { transactions, runtime } = this.#ctx;
    transactions.assertInTransaction("A blob writer");
    const blobId = runtime.ids.newId();
    const hash = options.givenSha256 === true ? undefined : createHash("sha256");
    // Pieces waiting to fill a chunk, copied (the caller may reuse its buffer once write returns).
    // Holding pieces (not a preallocated 1 MiB buffer) keeps small attachments, the common case,
    // from costing a megabyte of allocation each. Whole chunks go straight to SQLite, which
    // copies what it binds.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    let size = 0;
    let finished = false;

    const insert = (data: Buffer): void => {
      this.#insertChunk.run(blobId, seq, data);
      seq += 1;
    };
    const flush = (): void => {
      if (pendingBytes === 0) return;
      insert(pending.length === 1 && pending[0] ? pending[0] : Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    const assertWritable = (): void => {
      if (finished) throw new Error("This blob writer is already finished.");
      transactions.assertInTransaction("A blob writer");
    };

    return {
      write: (chunk) => {
        assertWritable();
        hash?.update(chunk);
        size += chunk.byteLength;
        let input = asBuffer(chunk);
        while (input.length > 0) {
          if (pendingBytes === 0 && input.length >= BLOB_CHUNK_BYTES) {
            insert(input.subarray(0, BLOB_CHUNK_BYTES));
            input = input.subarray(BLOB_CHUNK_BYTES);
            continue;
          }
          const take = Math.min(BLOB_CHUNK_BYTES - pendingBytes, input.length);
          pending.push(Buffer.from(input.subarray(0, take)));
          pendingBytes += take;
          if (pendingBytes === BLOB_CHUNK_BYTES) flush();
          input = input.subarray(take);
        }
      },
      finish: (sha256) => {
        assertWritable();
        if ((hash === undefined) !== (sha256 !== undefined)) {
          throw new Error(hash === undefined ? "This blob writer needs the SHA-256 its caller computed." : "This blob writer computes its own SHA-256.");
        }
        flush();
        finished = true;
        const info = { blobId, size, sha256: sha256 ?? hash?.digest("hex") ?? "" };
        this.#insertBlob.run(info.blobId, info.size, info.sha256);
        return info;
      },
    };
  }

  getBlobInfo(blobId: string): BlobInfo | undefined {
    return this.#selectBlob.get(blobId);
  }

  /**
   * Streams a blob out, one chunk (at most 1 MiB) at a time, checking size and SHA-256 as it
   * goes; a mismatch throws at the end. Each chunk is a primary-key lookup rather than one open
   * `.iterate()` cursor: better-sqlite3 refuses every write on the connection while a cursor is
   * open, and a consumer that awaits between chunks (writing an export to disk) would otherwise
   * lock out the app's writes, audit rows included, until it finished.
   */
  readBlob(blobId: string): Iterable<Uint8Array> {
    const blob = this.#selectBlob.get(blobId);
    if (blob === undefined) throw new BlobNotFoundError(`Blob ${blobId} does not exist.`);
    return this.#chunks(blob);
  }

  *#chunks(blob: BlobInfo): Generator<Uint8Array, void, undefined> {
    const hash = createHash("sha256");
    let read = 0;
    for (let seq = 0; read < blob.size; seq += 1) {
      const data = this.#selectChunk.get(blob.blobId, seq);
      if (data === undefined) throw new BlobCorruptError(`Blob ${blob.blobId} is missing chunk ${seq}.`);
      read += data.length;
      if (read > blob.size) throw new BlobCorruptError(`Blob ${blob.blobId} has more bytes than its size ${blob.size}.`);
      hash.update(data);
      yield data;
    }
    if (hash.digest("hex") !== blob.sha256) throw new BlobCorruptError(`Blob ${blob.blobId} does not match its SHA-256.`);
  }

  /**
   * Deletes blobs no attachment refers to (left by an import that finished a blob but stored no
   * request for it, and committed anyway). Returns how many; audits only when it deleted some.
   */
  deleteOrphanBlobs(actor: Actor): number {
    return this.#ctx.transactions.run(() => {
      const orphans = this.#selectOrphans.all();
      for (const blobId of orphans) {
        this.#deleteChunks.run(blobId);
        this.#deleteBlob.run(blobId);
      }
      if (orphans.length > 0) {
        this.#audit.appendAudit({
          actor,
          action: "blobs.orphans-deleted",
          objectId: "*",
          details: { blobIds: orphans },
        });
      }
      return orphans.length;
    });
  }
}
