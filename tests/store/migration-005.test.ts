// Migration 005 (evidence) from a version-4 store: an empty one moves to the evidence layout;
// one holding requests in the old layout (attachments as chunks, no sealed original) is
// refused with a message saying why, and left exactly as it was.
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { StoreLayoutTooOldError } from "../../electron/core/store/errors.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

function version4Store(): ReturnType<typeof openKeyedConnection> {
  const file = join(tempDir(), "v4.db");
  closeSync(openSync(file, "wx"));
  const db = openKeyedConnection(file, PASSPHRASE);
  migrate(db, MIGRATIONS.slice(0, 4));
  return db;
}

const tables = (db: ReturnType<typeof openKeyedConnection>): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'request_search%' ORDER BY name").pluck().all() as string[];

describe("migration 005 (from version 4)", () => {
  it("moves an empty store to the evidence layout: kept bundles, attachments by place, no chunk tables", () => {
    const db = version4Store();
    try {
      migrate(db, MIGRATIONS.slice(0, 5));
      expect(readUserVersion(db)).toBe(5);
      expect(tables(db)).toEqual(expect.arrayContaining(["evidence", "store_keys", "attachments"]));
      expect(tables(db)).not.toContain("blobs");
      expect(tables(db)).not.toContain("blob_chunks");
      const columns = db.prepare("SELECT name FROM pragma_table_info('attachments')").pluck().all();
      expect(columns).toContain("tar_offset");
      expect(columns).not.toContain("blob_id");
    } finally {
      db.close();
    }
  });

  it("refuses a store holding requests in the old layout, naming why, and leaves it at version 4", () => {
    const db = version4Store();
    try {
      const keyId = Buffer.alloc(8, 1);
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('fr-pnf', 'PNF', 'FR', 0, 0)").run();
      db.prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES (?, 'fr-pnf', ?, 0)").run(keyId, Buffer.alloc(32, 2));
      db.prepare("INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES ('case-1', 'fr-pnf', 'PNF-1', 0)").run();
      db.prepare(
        `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, submitted_at, received_at,
                               document, bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment, source_organization, bagging_date)
         VALUES ('req-1', 'case-1', 'fr-pnf', 'PNF-1', 1, 'mlat', 'routine', 0, 0, '{}', ?, ?, ?, '', 'PNF', '2026-11-20')`,
      ).run("a".repeat(64), "b".repeat(64), keyId);
      const before = tables(db);

      expect(() => migrate(db)).toThrow(StoreLayoutTooOldError);
      expect(() => migrate(db)).toThrow(/holds 1 request\(s\).*sealed originals were not kept.*left unchanged: create a new store/s);
      expect(readUserVersion(db)).toBe(4);
      expect(tables(db)).toEqual(before);
      expect(db.prepare("SELECT count(*) FROM requests").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
