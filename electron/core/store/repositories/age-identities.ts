// The office's age identities: the keys that open bundles sealed to the office.
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import { fromStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

export interface AgeIdentityInput {
  /** `AGE-SECRET-KEY-1…` */
  identity: string;
  /** `age1…`, derived from the identity by the caller (store/ does no age cryptography). */
  recipient: string;
  label: string;
}

export interface AgeIdentity extends AgeIdentityInput {
  id: string;
  addedAt: Date;
}

interface AgeIdentityRow {
  id: string;
  identity: string;
  recipient: string;
  label: string;
  addedAt: number;
}

const COLUMNS = "id, identity, recipient, label, added_at AS addedAt";

export class AgeIdentityRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #selectByRecipient;
  readonly #selectAll;
  readonly #insert;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#selectByRecipient = ctx.db.prepare<[string], AgeIdentityRow>(
      `SELECT ${COLUMNS} FROM office_age_identities WHERE recipient = ?`,
    );
    this.#selectAll = ctx.db.prepare<[], AgeIdentityRow>(
      `SELECT ${COLUMNS} FROM office_age_identities ORDER BY added_at, rowid`,
    );
    this.#insert = ctx.db.prepare<[AgeIdentityRow]>(
      `INSERT INTO office_age_identities (id, identity, recipient, label, added_at)
       VALUES (@id, @identity, @recipient, @label, @addedAt)`,
    );
  }

  /**
   * Adds an identity unless its recipient is already held: importing the same key file twice is
   * harmless, and reports `added: false` (with no audit row, as nothing changed).
   */
  addAgeIdentity(actor: Actor, input: AgeIdentityInput): { identity: AgeIdentity; added: boolean } {
    return this.#ctx.transactions.run(() => {
      const existing = this.#selectByRecipient.get(input.recipient);
      if (existing !== undefined) {
        if (existing.identity !== input.identity) {
          throw new StoreError(`Recipient ${input.recipient} is already held with a different identity string.`);
        }
        return { identity: toAgeIdentity(existing), added: false };
      }
      const row: AgeIdentityRow = {
        id: this.#ctx.runtime.ids.newId(),
        identity: input.identity,
        recipient: input.recipient,
        label: input.label,
        addedAt: toStoredTime(this.#ctx.runtime.clock.now()),
      };
      this.#insert.run(row);
      // The recipient and label only: the identity is a secret.
      this.#audit.appendAudit({
        actor,
        action: "age-identity.added",
        objectId: row.id,
        details: { recipient: row.recipient, label: row.label },
      });
      return { identity: toAgeIdentity(row), added: true };
    });
  }

  listAgeIdentities(): AgeIdentity[] {
    return this.#selectAll.all().map(toAgeIdentity);
  }
}

const toAgeIdentity = (row: AgeIdentityRow): AgeIdentity => ({ ...row, addedAt: fromStoredTime(row.addedAt) });
