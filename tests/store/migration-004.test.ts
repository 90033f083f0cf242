// Migration 004 (review) from a version-2 store that already holds requests: each request gets
// its next deadline and its normalised identifiers from its stored document, a document that no
// longer reads as a request gets neither (and does not stop the migration), and the review
// tables refuse what the review service would never write.
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { migration001Initial } from "../../electron/core/store/migrations/001-initial.js";
import { migration002Inbox } from "../../electron/core/store/migrations/002-inbox.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { sampleRequest } from "../helpers/sample-request.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

const digest = (char: string) => char.repeat(64);

describe("migration 004 (review, from version 2)", () => {
  it("indexes the deadlines and identifiers of requests stored before it", () => {
    const file = join(tempDir(), "v2.db");
    closeSync(openSync(file, "wx"));
    const db = openKeyedConnection(file, PASSPHRASE);
    try {
      migrate(db, [migration001Initial, migration002Inbox]);
      const keyId = Buffer.alloc(8, 1);
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('nl-om-rotterdam', 'OM Rotterdam', 'NL', 0, 0)").run();
      db.prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES (?, 'nl-om-rotterdam', ?, 0)").run(keyId, Buffer.alloc(32, 2));
      const insert = (n: number, document: string) => {
        db.prepare(`INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES ('case-${n}', 'nl-om-rotterdam', 'DOC-${n}', 0)`).run();
        db.prepare(
          `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, submitted_at, received_at,
                                 document, bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment, source_organization, bagging_date)
           VALUES ('req-${n}', 'case-${n}', 'nl-om-rotterdam', 'DOC-${n}', 1, 'eu-production-order', 'routine', 0, 0, ?, ?, ?, ?, '', 'OM', '2026-11-20')`,
        ).run(document, digest(String(n)), digest("f"), keyId);
      };
      insert(1, JSON.stringify(sampleRequest({ id: "DOC-1", targets: [{ kind: "phone", value: "06-12345678" }, { kind: "email", value: "x@Example.org" }] })));
      insert(2, JSON.stringify({ id: "DOC-2", dataCategories: ["subscriber"], facts: "An older document this version cannot read as a request." }));

      expect(migrate(db)).toBe(MIGRATIONS.length);
      expect(readUserVersion(db)).toBe(3);
      const rows = db.prepare("SELECT id, next_due_at AS at, next_due_kind AS kind FROM requests ORDER BY id").all();
      expect(rows).toEqual([
        { id: "req-1", at: Date.parse("2026-11-30T08:15:00Z"), kind: "provider-deadline" },
        { id: "req-2", at: null, kind: null },
      ]);
      expect(db.prepare("SELECT identifier_key, request_id FROM request_identifiers ORDER BY identifier_key").raw().all()).toEqual([
        ["email:x@example.org", "req-1"],
        ["phone:+31612345678", "req-1"],
      ]);

      db.prepare("INSERT INTO reviews (id, request_id, template_id, template_version, state, started_at, updated_at) VALUES ('rv', 'req-1', 't', '1', 'in-review', 0, 0)").run();
      const refused = (sql: string) => () => db.prepare(sql).run();
      expect(refused("INSERT INTO review_answers (review_id, item_id, answer, answered_at) VALUES ('rv', 'L1', 'yes', 0)")).toThrow(/answer_known/);
      expect(refused("INSERT INTO review_answers (review_id, item_id, answer, evidence_json, answered_at) VALUES ('rv', 'L1', 'met', '{}', 0)")).toThrow(/answer_evidence_is_json_array/);
      expect(refused("INSERT INTO review_independence (review_id, conflict, reviewer_key_id, declared_at) VALUES ('rv', 1, 'K', 0)")).toThrow(/independence_conflict_has_note/);
      expect(refused("INSERT INTO review_findings (review_id, rule_id, status, note, decided_at) VALUES ('rv', 'M4-retention', 'ignored', 'n', 0)")).toThrow(/finding_status_known/);
      expect(refused("UPDATE reviews SET state = 'closed'")).toThrow(/review_state_known/);
      expect(refused("INSERT INTO reviews (id, request_id, template_id, template_version, state, started_at, updated_at) VALUES ('rv2', 'req-1', 't', '1', 'in-review', 0, 0)")).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
