// Migration 010 (the audit log by object) from the version before it: the rows stay as they were,
// chain intact, and the query the decision page runs for one object's rows uses the index instead
// of scanning the log.
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { migration010AuditByObject } from "../../electron/core/store/migrations/010-audit-by-object.js";
import { PASSPHRASE, tempDir } from "./helpers.js";

const before = MIGRATIONS.indexOf(migration010AuditByObject);
const OBJECT_QUERY = "SELECT seq FROM audit_log WHERE action = ? AND object_id = ? ORDER BY seq";

describe("migration 010 (audit log by object, from the version before it)", () => {
  it("keeps every row and lets one object's rows be found through the index", () => {
    const file = join(tempDir(), "before-010.db");
    closeSync(openSync(file, "wx"));
    const db = openKeyedConnection(file, PASSPHRASE);
    try {
      migrate(db, MIGRATIONS.slice(0, before));
      expect(readUserVersion(db)).toBe(before);
      const rows = () => db.prepare("SELECT seq, row_hash FROM audit_log ORDER BY seq").all();
      const plan = () => (db.prepare(`EXPLAIN QUERY PLAN ${OBJECT_QUERY}`).all("countersignature.requested", "D-1") as { detail: string }[]).map((step) => step.detail).join("; ");
      const stored = rows();
      expect(plan()).toMatch(/^SCAN audit_log/);

      expect(migrate(db, MIGRATIONS)).toBe(migration010AuditByObject.version);
      expect(readUserVersion(db)).toBe(migration010AuditByObject.version);
      expect(rows()).toEqual(stored);
      expect(plan()).toMatch(/SEARCH audit_log USING (COVERING )?INDEX audit_log_by_object \(object_id=\? AND action=\?\)/);
    } finally {
      db.close();
    }
  });
});
