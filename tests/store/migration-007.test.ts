// Migration 007 (countersign) from a version-6 store that already has keyring entries and a
// grievance: every entry becomes an authority, the grievance has no signer, and the new tables
// refuse what the countersign services would never write.
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

const digest = (char: string) => char.repeat(64);

describe("migration 007 (countersign, from version 6)", () => {
  it("makes every existing keyring entry an authority and leaves grievances unsigned", () => {
    const file = join(tempDir(), "v6.db");
    closeSync(openSync(file, "wx"));
    const db = openKeyedConnection(file, PASSPHRASE);
    try {
      expect(migrate(db, MIGRATIONS.slice(0, 6))).toBe(6);
      const keyId = Buffer.alloc(8, 1);
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('nl-om-rotterdam', 'OM Rotterdam', 'NL', 0, 0)").run();
      db.prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES (?, 'nl-om-rotterdam', ?, 0)").run(keyId, Buffer.alloc(32, 2));
      db.prepare("INSERT INTO grievances (id, document, source, received, respond_by, registered_at) VALUES ('G-1', '{}', 'letter', '2026-11-20', 0, 0)").run();

      expect(migrate(db, MIGRATIONS.slice(0, 7))).toBe(7);
      expect(readUserVersion(db)).toBe(7);
      expect(db.prepare("SELECT id, kind FROM authorities").all()).toEqual([{ id: "nl-om-rotterdam", kind: "authority" }]);
      expect(db.prepare("SELECT id, signer_key_id AS signer, bundle_digest AS digest FROM grievances").all()).toEqual([{ id: "G-1", signer: null, digest: null }]);

      const refused = (sql: string, ...params: unknown[]) => () => db.prepare(sql).run(...params);
      expect(refused("INSERT INTO authorities (id, name, country, kind, added_at, updated_at) VALUES ('x', 'X', 'NL', 'friend', 0, 0)")).toThrow(/authority_kind_known/);
      db.prepare("INSERT INTO authorities (id, name, country, kind, added_at, updated_at) VALUES ('reviewer:A', 'Anna', 'PL', 'reviewer', 0, 0)").run();

      const request = `INSERT INTO countersign_requests (decision_id, from_key_id, document, decision, decision_signature, decision_sha256, bundle_digest, received_at`;
      db.prepare(`${request}) VALUES ('D-1', ?, '{}', x'7b7d', 'untrusted comment: x', ?, ?, 0)`).run(keyId, digest("a"), digest("b"));
      expect(refused(`${request}) VALUES ('D-2', ?, '{}', x'7b7d', 'untrusted comment: x', ?, ?, 0)`, keyId, digest("a"), digest("b"))).toThrow(/UNIQUE/);
      expect(refused(`${request}) VALUES ('D-3', ?, '{}', x'7b7d', 'untrusted comment: x', ?, ?, 0)`, Buffer.alloc(8, 9), digest("a"), digest("c"))).toThrow(/FOREIGN KEY/);
      expect(refused(`${request}, answer_id) VALUES ('D-4', ?, '{}', x'7b7d', 'untrusted comment: x', ?, ?, 0, 'CS-1')`, keyId, digest("a"), digest("d"))).toThrow(/countersign_answer_whole/);
      expect(refused("UPDATE countersign_requests SET answer_id = 'CS', answer_verdict = 'maybe', answer_document = x'00', answer_signature = 's', answer_sha256 = ?, answered_at = 0", digest("e"))).toThrow(/answer_verdict_known/);
      expect(
        refused(
          "INSERT INTO countersignatures (id, decision_id, verdict, document, signature, sha256, signer_key_id, bundle_digest, received_at) VALUES ('CS-1', 'D-none', 'signed', x'00', 'untrusted comment: x', ?, ?, ?, 0)",
          digest("f"),
          keyId,
          digest("0"),
        ),
      ).toThrow(/FOREIGN KEY/);
      expect(refused("UPDATE grievances SET bundle_digest = 'not-hex'")).toThrow(/grievance_bundle_digest_is_hex/);
    } finally {
      db.close();
    }
  });
});
