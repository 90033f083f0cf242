// Migration 008 (execution records, case statistics) from the version before it: a store's
// decided case gets its statistics row, the execution records start empty, and their rules hold
// (a production time exactly when data were produced, a ground exactly when the provider did not
// comply, a bundle's record with its document, one record per decision).
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { migration008ExecutionsStatistics } from "../../electron/core/store/migrations/008-executions-statistics.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

const before = MIGRATIONS.indexOf(migration008ExecutionsStatistics);

function storeBefore008(): ReturnType<typeof openKeyedConnection> {
  const file = join(tempDir(), "before-008.db");
  closeSync(openSync(file, "wx"));
  const db = openKeyedConnection(file, PASSPHRASE);
  migrate(db, MIGRATIONS.slice(0, before));
  return db;
}

describe("migration 008 (from the version before it)", () => {
  it("fills the statistics of the cases stored, adds the execution records, empty, and checks their rules", () => {
    const db = storeBefore008();
    try {
      expect(readUserVersion(db)).toBe(before);
      // A decided case, written the way the store writes it.
      const keyId = Buffer.alloc(8, 1);
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('fr-pnf', 'PNF', 'FR', 0, 0)").run();
      db.prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES (?, 'fr-pnf', ?, 0)").run(keyId, Buffer.alloc(32, 2));
      db.prepare("INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES ('case-1', 'fr-pnf', 'PNF-1', 0)").run();
      db.prepare(
        `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, submitted_at, received_at,
                               document, bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment, source_organization, bagging_date)
         VALUES ('req-1', 'case-1', 'fr-pnf', 'PNF-1', 1, 'eu-production-order', 'routine', 0, 0, '{}', ?, ?, ?, '', 'PNF', '2026-11-20')`,
      ).run("a".repeat(64), "b".repeat(64), keyId);
      db.prepare(
        `INSERT INTO decisions (id, request_id, outcome, document, signature, sha256, decided_at, countersignatures_required)
         VALUES ('D-1', 'req-1', 'authorised', X'7B7D', 'untrusted comment: x', ?, 1, 0)`,
      ).run("c".repeat(64));
      db.prepare("INSERT INTO request_categories (request_id, category) VALUES ('req-1', 'subscriber'), ('req-1', 'traffic')").run();

      migrate(db, MIGRATIONS.slice(0, before + 1));
      expect(readUserVersion(db)).toBe(migration008ExecutionsStatistics.version);
      expect(db.prepare("SELECT count(*) FROM executions").pluck().get()).toBe(0);
      expect(db.prepare("SELECT * FROM case_statistics").all()).toEqual([
        expect.objectContaining({ case_id: "case-1", instrument: "eu-production-order", urgency: "routine", authority: "fr-pnf", provider: null, non_disclosure: 0, outcome: "authorised", decided_at: 1, decision_final: 1, execution_outcome: null, deleted_at: null }),
      ]);
      expect((db.prepare("SELECT categories FROM case_statistics").pluck().get() as string).split(" ").sort()).toEqual(["subscriber", "traffic"]);
      const insert = db.prepare(
        "INSERT INTO executions (id, decision_id, outcome, produced_at, ground, source, document, document_sha256, bundle_digest, recorded_at) VALUES (?, 'D-1', ?, ?, ?, ?, ?, ?, ?, 2)",
      );
      expect(() => insert.run("E-1", "complied", null, null, "hand", null, null, null)).toThrow(/execution_produced_at_when_produced/);
      expect(() => insert.run("E-1", "not-complied", null, null, "hand", null, null, null)).toThrow(/execution_ground_when_not_complied/);
      expect(() => insert.run("E-1", "not-complied", null, "no-reason", "hand", null, null, null)).toThrow(/execution_ground_when_not_complied/);
      expect(() => insert.run("E-1", "complied", 1, null, "bundle", null, null, null)).toThrow(/execution_bundle_has_document/);
      insert.run("E-1", "complied", 1, null, "hand", null, null, null);
      expect(() => insert.run("E-2", "enforcing-state-objected", null, null, "hand", null, null, null)).toThrow(/UNIQUE constraint failed: executions.decision_id/);
    } finally {
      db.close();
    }
  });
});
