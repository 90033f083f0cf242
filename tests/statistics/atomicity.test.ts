// The execution record and the statistics change in the transaction of what they record: when
// the audit row cannot be written, neither the record nor the case's statistics move, and a
// deletion that fails keeps the case and its statistics as they were.
import { describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { listExecutions, recordExecution } from "../../electron/core/executions/execution-service.js";
import { deleteCase } from "../../electron/core/requests/evidence-service.js";
import { openSession, type Session } from "../../electron/core/session/session.js";
import { transparencyReport } from "../../electron/core/statistics/report-service.js";
import { openKeyedConnection, storeFile } from "../../electron/core/store/index.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { reviewOffices } from "../review/review-office.js";

const office = reviewOffices();

function refuseAuditRows(storeDir: string, action: string): void {
  const db = openKeyedConnection(storeFile(storeDir), STORE_PASSPHRASE);
  try {
    db.exec(`CREATE TRIGGER refuse_${action.replace(/\W/g, "_")} BEFORE INSERT ON audit_log WHEN NEW.action = '${action}'
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  } finally {
    db.close();
  }
}

const compliance = (session: Session) =>
  transparencyReport(session, { from: "2026-11-01", to: "2026-11-30", threshold: 1 })
    .tables.find((table) => table.id === "compliance-by-provider")
    ?.totals?.cells.map((cell) => cell.value);

describe("atomicity of the execution record and the statistics", () => {
  it("stores neither the record nor its statistics when the audit row cannot be written, nor deletes a case whose deletion fails", async () => {
    const at = office();
    const ref = await reviewedRequest(at, { request: { id: "ATOMIC-1" } });
    const decision = decide(at.session, { ...ref, outcome: "authorised", reasons: REASONS });
    at.session.store.close();
    refuseAuditRows(at.storeDir, "execution.recorded");
    refuseAuditRows(at.storeDir, "request.deleted");
    const session = openSession(at.storeDir, STORE_PASSPHRASE, at.runtime);
    try {
      const before = compliance(session);
      expect(before).toEqual([0, 0, 0, 0, 1]);
      expect(() => recordExecution(session, { target: { decision: decision.id }, outcome: "complied", producedAt: "2026-11-20T09:00:00Z" })).toThrow(/database or disk is full/);
      expect(listExecutions(session)).toEqual([]);
      expect(compliance(session)).toEqual(before);

      expect(() => deleteCase(session, ref)).toThrow(/database or disk is full/);
      expect(session.store.requests.getRequest(ref.authority, ref.id)).toBeDefined();
      expect(compliance(session)).toEqual(before);
      expect(session.store.audit.verifyAuditChain().ok).toBe(true);
    } finally {
      session.store.close();
    }
    const db = openKeyedConnection(storeFile(at.storeDir), STORE_PASSPHRASE);
    try {
      expect(db.prepare("SELECT count(*) FROM case_statistics WHERE case_id IS NULL").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
