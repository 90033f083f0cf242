// The reviewer running this office copy, with their minisign signing key.
import { asBuffer, toBytes, toHex } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import { fromStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

export interface ReviewerInput {
  name: string;
  office: string;
  /** minisign key id, 8 bytes. */
  keyId: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  publicKey: Uint8Array;
  /** minisign secret key (Ed25519 seed and public key), 64 bytes. */
  secretKey: Uint8Array;
}

export interface Reviewer extends ReviewerInput {
  createdAt: Date;
  updatedAt: Date;
}

interface ReviewerRow {
  name: string;
  office: string;
  keyId: Buffer;
  publicKey: Buffer;
  secretKey: Buffer;
  createdAt: number;
  updatedAt: number;
}

export class ReviewerRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #select;
  readonly #insert;
  readonly #updateProfile;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#select = ctx.db.prepare<[], ReviewerRow>(
      `SELECT name, office, key_id AS keyId, public_key AS publicKey, secret_key AS secretKey,
              created_at AS createdAt, updated_at AS updatedAt
         FROM reviewer WHERE id = 1`,
    );
    this.#insert = ctx.db.prepare<[Record<string, unknown>]>(
      `INSERT INTO reviewer (id, name, office, key_id, public_key, secret_key, created_at, updated_at)
       VALUES (1, @name, @office, @keyId, @publicKey, @secretKey, @now, @now)`,
    );
    this.#updateProfile = ctx.db.prepare<[Record<string, unknown>]>(
      "UPDATE reviewer SET name = @name, office = @office, updated_at = @now WHERE id = 1",
    );
  }

  getReviewer(): Reviewer | undefined {
    const row = this.#select.get();
    return row === undefined ? undefined : toReviewer(row);
  }

  /**
   * Creates the reviewer, or updates their name and office. The signing key cannot be replaced
   * here: decisions already signed name it, so a key change is its own (future) operation.
   */
  saveReviewer(actor: Actor, input: ReviewerInput): Reviewer {
    return this.#ctx.transactions.run(() => {
      const existing = this.getReviewer();
      const now = toStoredTime(this.#ctx.runtime.clock.now());
      if (existing === undefined) {
        this.#insert.run({
          name: input.name,
          office: input.office,
          keyId: asBuffer(input.keyId),
          publicKey: asBuffer(input.publicKey),
          secretKey: asBuffer(input.secretKey),
          now,
        });
      } else {
        if (!sameBytes(existing.keyId, input.keyId) || !sameBytes(existing.publicKey, input.publicKey) || !sameBytes(existing.secretKey, input.secretKey)) {
          throw new StoreError("saveReviewer cannot replace the reviewer's signing key.");
        }
        this.#updateProfile.run({ name: input.name, office: input.office, now });
      }
      // Never the secret key: audit details may be exported and shown.
      this.#audit.appendAudit({
        actor,
        action: existing === undefined ? "reviewer.created" : "reviewer.updated",
        objectId: toHex(input.keyId),
        details: { name: input.name, office: input.office, keyId: toHex(input.keyId) },
      });
      const saved = this.getReviewer();
      if (saved === undefined) throw new StoreError("The reviewer row vanished while being saved.");
      return saved;
    });
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

const toReviewer = (row: ReviewerRow): Reviewer => ({
  name: row.name,
  office: row.office,
  keyId: toBytes(row.keyId),
  publicKey: toBytes(row.publicKey),
  secretKey: toBytes(row.secretKey),
  createdAt: fromStoredTime(row.createdAt),
  updatedAt: fromStoredTime(row.updatedAt),
});
