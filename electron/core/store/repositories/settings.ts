// The reviewer's settings (idle lock, locale): small JSON values by key, changed with an audit row.
import type { AuditDetails } from "../../../../shared/formats/audit.js";
import type { StoreContext } from "../context.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

export class SettingsRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #select;
  readonly #upsert;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#select = ctx.db.prepare<[], { key: string; value: string }>("SELECT key, value FROM settings");
    this.#upsert = ctx.db.prepare<[string, string]>(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
  }

  all(): Record<string, unknown> {
    return Object.fromEntries(this.#select.all().map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  update(actor: Actor, changes: Readonly<AuditDetails<"settings.changed">>): void {
    this.#ctx.transactions.run(() => {
      for (const [key, value] of Object.entries(changes)) this.#upsert.run(key, JSON.stringify(value));
      this.#audit.appendAudit({ actor, action: "settings.changed", objectId: "settings", details: { ...changes } });
    });
  }
}
