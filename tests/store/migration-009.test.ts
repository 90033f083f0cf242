// Migration 009 (auditor mode) from the version before it: an office's store that already holds a
// request and a setting moves to the new schema untouched, and stays an office's store: the mode
// cannot be set in it afterwards. An empty store can be made an auditor's once, and is fixed then.
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { migration009Auditor } from "../../electron/core/store/migrations/009-auditor.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

const BEFORE = MIGRATIONS.indexOf(migration009Auditor);

function storeBefore009(): ReturnType<typeof openKeyedConnection> {
  const file = join(tempDir(), "before-009.db");
  closeSync(openSync(file, "wx"));
  const db = openKeyedConnection(file, PASSPHRASE);
  migrate(db, MIGRATIONS.slice(0, BEFORE));
  return db;
}

const tables = (db: ReturnType<typeof openKeyedConnection>): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%audit%pack%' OR name = 'auditor_findings' ORDER BY name").pluck().all() as string[];

describe("migration 009 (auditor, from the version before it)", () => {
  it("adds the pack and findings tables to an office's store holding a request, which stays an office's", () => {
    const db = storeBefore009();
    try {
      const keyId = Buffer.alloc(8, 1);
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('fr-pnf', 'PNF', 'FR', 0, 0)").run();
      db.prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES (?, 'fr-pnf', ?, 0)").run(keyId, Buffer.alloc(32, 2));
      db.prepare("INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES ('case-1', 'fr-pnf', 'PNF-1', 0)").run();
      db.prepare("INSERT INTO settings (key, value) VALUES ('locale', '\"fr-FR\"')").run();
      expect(tables(db)).toEqual([]);

      expect(migrate(db, [...MIGRATIONS.slice(0, BEFORE), migration009Auditor])).toBe(migration009Auditor.version);
      expect(readUserVersion(db)).toBe(BEFORE + 1);
      expect(tables(db)).toEqual(["audit_pack_cases", "audit_pack_decisions", "audit_packs", "auditor_findings"]);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'locale'").pluck().get()).toBe('"fr-FR"');
      db.prepare(
        `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, submitted_at, received_at,
                               document, bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment, source_organization, bagging_date)
         VALUES ('req-1', 'case-1', 'fr-pnf', 'PNF-1', 1, 'mlat', 'routine', 0, 0, '{}', ?, ?, ?, '', 'PNF', '2026-11-20')`,
      ).run("a".repeat(64), "b".repeat(64), keyId);
      expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('storeMode', '\"auditor\"')").run()).toThrow(/only in a store without requests/);
    } finally {
      db.close();
    }
  });

  it("lets an empty store become an auditor's once, with no other mode, and then refuses requests", () => {
    const db = storeBefore009();
    try {
      migrate(db, [...MIGRATIONS.slice(0, BEFORE), migration009Auditor]);
      expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('storeMode', '\"office\"')").run()).toThrow(/to "auditor"/);
      db.prepare("INSERT INTO settings (key, value) VALUES ('storeMode', '\"auditor\"')").run();
      expect(() => db.prepare("UPDATE settings SET value = '\"office\"' WHERE key = 'storeMode'").run()).toThrow(/cannot be changed/);
      expect(() => db.prepare("INSERT INTO requests (id) VALUES ('req-1')").run()).toThrow(/holds no requests of its own/);
      expect(() =>
        db.prepare("INSERT INTO auditor_findings (pack_id, reference, verdict, deviation_type, recommendation, recorded_at) VALUES ('AP-1', 'a/b/1', 'compliant', 'other', 'green', 0)").run(),
      ).toThrow(/auditor_finding_deviation_has_type|FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
