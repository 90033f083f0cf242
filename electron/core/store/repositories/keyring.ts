// The keyring of senders (sealed-bundle-v1, Trust): authorities and their minisign keys, and the
// office's colleagues (reviewers) and committees, each an entry of its kind with its keys.
// Whether a key may be trusted for a given bundle (window, revocation, authority) is decided by
// the trust service from what these functions return; the store keeps the facts.
import { asBuffer, toBytes, toHex } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { DuplicateKeyError, KeyAlreadyRevokedError, KeyringKindConflictError, StoreError, UnknownKeyError } from "../errors.js";
import type { KeyringKind } from "../../../../shared/vocabulary/keyring-kinds.js";
import { fromNullableStoredTime, fromStoredTime, toNullableStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";
// Key ids in messages as minisign and `trust list` print them, so a reviewer can match them.
import { formatKeyId } from "../../crypto/minisign-keys.js";

export interface AuthorityKeyInput {
  /** The issuer's own authority id, as `issuingAuthority.id` and External-Identifier carry it; for a reviewer or committee, the entry's id. */
  authorityId: string;
  /** What the entry is; `authority` when omitted. An entry keeps its kind for every key it gets. */
  kind?: KeyringKind;
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** minisign key id, 8 bytes. */
  keyId: Uint8Array;
  /** Ed25519 public key, 32 bytes. */
  publicKey: Uint8Array;
  /** Where to seal replies to this authority. */
  ageRecipient?: string;
  validFrom?: Date;
  validUntil?: Date;
}

export interface AuthorityKey {
  keyId: Uint8Array;
  authorityId: string;
  kind: KeyringKind;
  authorityName: string;
  country: string;
  publicKey: Uint8Array;
  ageRecipient: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  revokedAt: Date | null;
  addedAt: Date;
}

interface AuthorityKeyRow {
  keyId: Buffer;
  authorityId: string;
  kind: KeyringKind;
  authorityName: string;
  country: string;
  publicKey: Buffer;
  ageRecipient: string | null;
  validFrom: number | null;
  validUntil: number | null;
  revokedAt: number | null;
  addedAt: number;
}

const SELECT_KEYS = `
  SELECT k.key_id AS keyId, k.authority_id AS authorityId, a.kind, a.name AS authorityName, a.country,
         k.public_key AS publicKey, k.age_recipient AS ageRecipient, k.valid_from AS validFrom,
         k.valid_until AS validUntil, k.revoked_at AS revokedAt, k.added_at AS addedAt
    FROM authority_keys k JOIN authorities a ON a.id = k.authority_id`;

export class KeyringRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #selectByKeyId;
  readonly #selectByPublicKey;
  readonly #selectAll;
  readonly #selectAuthority;
  readonly #upsertAuthority;
  readonly #insertKey;
  readonly #revoke;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    const { db } = ctx;
    this.#selectByKeyId = db.prepare<[Buffer], AuthorityKeyRow>(`${SELECT_KEYS} WHERE k.key_id = ?`);
    this.#selectByPublicKey = db.prepare<[Buffer], AuthorityKeyRow>(`${SELECT_KEYS} WHERE k.public_key = ?`);
    this.#selectAll = db.prepare<[], AuthorityKeyRow>(`${SELECT_KEYS} ORDER BY k.authority_id, k.added_at, k.rowid`);
    this.#selectAuthority = db.prepare<[string], { name: string; country: string; kind: KeyringKind }>(
      "SELECT name, country, kind FROM authorities WHERE id = ?",
    );
    this.#upsertAuthority = db.prepare<[{ id: string; name: string; country: string; kind: KeyringKind; now: number }]>(
      `INSERT INTO authorities (id, name, country, kind, added_at, updated_at) VALUES (@id, @name, @country, @kind, @now, @now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country, updated_at = excluded.updated_at
       WHERE name IS NOT excluded.name OR country IS NOT excluded.country`,
    );
    this.#insertKey = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO authority_keys (key_id, authority_id, public_key, age_recipient, valid_from, valid_until, revoked_at, added_at)
       VALUES (@keyId, @authorityId, @publicKey, @ageRecipient, @validFrom, @validUntil, NULL, @now)`,
    );
    this.#revoke = db.prepare<[number, Buffer]>("UPDATE authority_keys SET revoked_at = ? WHERE key_id = ?");
  }

  /**
   * Registers a key for an authority, creating the authority on its first key. A later key with
   * another name or country updates the authority's display details (authorities rename); the
   * audit row records what they were. A key id or public key already in the keyring is refused:
   * one key must never speak for two authorities, nor be re-registered with other details.
   */
  addAuthorityKey(actor: Actor, input: AuthorityKeyInput): AuthorityKey {
    return this.#ctx.transactions.run(() => {
      const keyId = asBuffer(input.keyId);
      if (this.#selectByKeyId.get(keyId) !== undefined) {
        throw new DuplicateKeyError(`Key ${formatKeyId(keyId)} is already in the keyring.`);
      }
      const holder = this.#selectByPublicKey.get(asBuffer(input.publicKey));
      if (holder !== undefined) {
        throw new DuplicateKeyError(`This public key is already in the keyring as key ${formatKeyId(holder.keyId)} of ${holder.authorityId}.`);
      }
      const now = toStoredTime(this.#ctx.runtime.clock.now());
      const previous = this.#selectAuthority.get(input.authorityId);
      const kind = input.kind ?? "authority";
      // One id is one entry: an authority's key never joins a reviewer's entry, nor the reverse.
      if (previous !== undefined && previous.kind !== kind) {
        throw new KeyringKindConflictError(`${input.authorityId} is already a keyring entry of kind ${previous.kind}; a key of kind ${kind} needs an id of its own.`);
      }
      this.#upsertAuthority.run({ id: input.authorityId, name: input.name, country: input.country, kind, now });
      this.#insertKey.run({
        keyId,
        authorityId: input.authorityId,
        publicKey: asBuffer(input.publicKey),
        ageRecipient: input.ageRecipient ?? null,
        validFrom: toNullableStoredTime(input.validFrom),
        validUntil: toNullableStoredTime(input.validUntil),
        now,
      });
      const added = this.#mustFind(keyId);
      this.#audit.appendAudit({
        actor,
        action: "authority-key.added",
        objectId: toHex(keyId),
        details: {
          authorityId: input.authorityId,
          name: input.name,
          country: input.country,
          keyId: toHex(keyId),
          publicKey: toHex(input.publicKey),
          ageRecipient: added.ageRecipient,
          validFrom: toNullableStoredTime(input.validFrom),
          validUntil: toNullableStoredTime(input.validUntil),
          previousAuthority: previous === undefined ? null : { name: previous.name, country: previous.country },
          // Written only for the new kinds, so an authority's row reads as it always has.
          ...(kind !== "authority" && { kind }),
        },
      });
      return added;
    });
  }

  findKeyById(keyId: Uint8Array): AuthorityKey | undefined {
    const row = this.#selectByKeyId.get(asBuffer(keyId));
    return row === undefined ? undefined : toAuthorityKey(row);
  }

  /**
   * Marks a key revoked from `at` on. Revoking twice is an error, not a no-op: the first
   * revocation time is evidence (bundles signed before it stay explained), and silently keeping
   * or moving it would hide a mistake in the caller.
   */
  revokeKey(actor: Actor, keyId: Uint8Array, at: Date): AuthorityKey {
    return this.#ctx.transactions.run(() => {
      const key = this.findKeyById(keyId);
      if (key === undefined) throw new UnknownKeyError(`Key ${formatKeyId(keyId)} is not in the keyring.`);
      if (key.revokedAt !== null) {
        throw new KeyAlreadyRevokedError(`Key ${formatKeyId(keyId)} was already revoked at ${key.revokedAt.toISOString()}.`);
      }
      this.#revoke.run(toStoredTime(at), asBuffer(keyId));
      this.#audit.appendAudit({
        actor,
        action: "authority-key.revoked",
        objectId: toHex(keyId),
        details: { authorityId: key.authorityId, keyId: toHex(keyId), revokedAt: toStoredTime(at) },
      });
      return this.#mustFind(asBuffer(keyId));
    });
  }

  /** Every key with its authority, grouped by authority id, oldest key first. */
  listKeyring(): AuthorityKey[] {
    return this.#selectAll.all().map(toAuthorityKey);
  }

  #mustFind(keyId: Buffer): AuthorityKey {
    const row = this.#selectByKeyId.get(keyId);
    if (row === undefined) throw new StoreError(`Key ${toHex(keyId)} vanished while being written.`);
    return toAuthorityKey(row);
  }
}

const toAuthorityKey = (row: AuthorityKeyRow): AuthorityKey => ({
  keyId: toBytes(row.keyId),
  authorityId: row.authorityId,
  kind: row.kind,
  authorityName: row.authorityName,
  country: row.country,
  publicKey: toBytes(row.publicKey),
  ageRecipient: row.ageRecipient,
  validFrom: fromNullableStoredTime(row.validFrom),
  validUntil: fromNullableStoredTime(row.validUntil),
  revokedAt: fromNullableStoredTime(row.revokedAt),
  addedAt: fromStoredTime(row.addedAt),
});
