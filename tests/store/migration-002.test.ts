// Migration 002 (inbox) from a version-1 store that already holds a request: the categories and
// the search index are built from the stored documents.
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { migration001Initial } from "../../electron/core/store/migrations/001-initial.js";
import { migration002Inbox } from "../../electron/core/store/migrations/002-inbox.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

const digest = (char: string) => char.repeat(64);

describe("migration 002 (from version 1)", () => {
  it("indexes the data categories and the words of requests stored before it", () => {
    const file = join(tempDir(), "v1.db");
    closeSync(openSync(file, "wx"));
    const db = openKeyedConnection(file, PASSPHRASE);
    try {
      migrate(db, [migration001Initial]);
      expect(readUserVersion(db)).toBe(1);
      const keyId = Buffer.alloc(8, 1);
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('pl-po-lodz', 'Prokuratura Okręgowa w Łodzi', 'PL', 0, 0)").run();
      db.prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES (?, 'pl-po-lodz', ?, 0)").run(keyId, Buffer.alloc(32, 2));
      db.prepare("INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES ('case-1', 'pl-po-lodz', 'PO-1', 0)").run();
      const document = JSON.stringify({ id: "PO-1", dataCategories: ["subscriber", "traffic"], facts: "Oszustwo w Łodzi, ulica Piotrkowska." });
      db.prepare(
        `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, submitted_at, received_at,
                               document, bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment, source_organization, bagging_date)
         VALUES ('req-1', 'case-1', 'pl-po-lodz', 'PO-1', 1, 'mlat', 'routine', 0, 0, ?, ?, ?, ?, '', 'PO Łódź', '2026-11-20')`,
      ).run(document, digest("a"), digest("b"), keyId);

      migrate(db, [migration001Initial, migration002Inbox]);

      expect(readUserVersion(db)).toBe(2);
      expect(db.prepare("SELECT category FROM request_categories ORDER BY category").pluck().all()).toEqual(["subscriber", "traffic"]);
      const found = db.prepare("SELECT r.id FROM requests r WHERE r.rowid IN (SELECT rowid FROM request_search WHERE request_search MATCH ?)").pluck();
      expect(found.all('"lodzi"*')).toEqual(["req-1"]);
      expect(found.all('"piotrkowska"*')).toEqual(["req-1"]);
      expect(found.all('"warszawa"*')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
