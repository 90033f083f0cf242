// The report over many cases: two real decided cases copied 200 times by the benchmark's seeder
// (tests/helpers/seed-decisions.ts), so the store groups alike cases and the report counts each
// group with its weight; every count is known from how the copies were made.
import { describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { recordExecution } from "../../electron/core/executions/execution-service.js";
import { openSession } from "../../electron/core/session/session.js";
import { transparencyReport } from "../../electron/core/statistics/report-service.js";
import type { TransparencyReport } from "../../shared/statistics/report.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { SEED_PROVIDERS, seedDecisions } from "../helpers/seed-decisions.js";
import { reviewOffices } from "../review/review-office.js";

const office = reviewOffices();
const COPIES = 200;

const cellsOf = (report: TransparencyReport, id: string): Record<string, number | null> =>
  Object.fromEntries((report.tables.find((table) => table.id === id)?.rows ?? []).map((row) => [row.key, row.total?.value ?? row.cells[0]?.value ?? null]));

describe("the report over many seeded cases", () => {
  it("counts every copy once, by provider, urgency, outcome and execution", async () => {
    const at = office();
    const authorised = await reviewedRequest(at, { request: { id: "TEMPLATE-A" } });
    const decision = decide(at.session, { ...authorised, outcome: "authorised", reasons: REASONS });
    recordExecution(at.session, { target: { decision: decision.id }, outcome: "complied", producedAt: "2026-11-20T09:00:00Z" });
    const refused = await reviewedRequest(at, { request: { id: "TEMPLATE-R" }, answers: { L1: "not-met" } });
    decide(at.session, { ...refused, outcome: "refused", reasons: REASONS });
    at.session.store.close();

    expect(seedDecisions(at.storeDir, STORE_PASSPHRASE, COPIES + 2)).toEqual({ copies: COPIES, templates: 2 });
    const session = openSession(at.storeDir, STORE_PASSPHRASE, at.runtime);
    try {
      const report = transparencyReport(session, { from: "2026-01-01", to: "2026-12-31", threshold: 1 });
      // Copy i is of template i % 2 (even: the authorisation), of provider i % 8, an emergency when i % 10 is 0.
      expect(cellsOf(report, "received-by-instrument")["eu-production-order"]).toBe(202);
      expect(cellsOf(report, "received-by-provider")).toEqual(Object.fromEntries([...SEED_PROVIDERS].sort().map((name) => [name, name === "Northwind Mail Ltd" ? 27 : 25])));
      expect(cellsOf(report, "received-by-urgency")).toEqual({ routine: 182, expedited: 0, emergency: 20 });
      expect(cellsOf(report, "outcomes")).toMatchObject({ authorised: 101, refused: 101, undecided: 0 });
      expect(cellsOf(report, "refusals-by-ground")).toEqual({ L1: 101 });
      const compliance = report.tables.find((table) => table.id === "compliance-by-provider");
      expect(compliance?.totals?.cells.map((cell) => cell.value)).toEqual([101, 0, 0, 0, 0]);
      expect(report.times.find((table) => table.id === "receipt-to-decision")?.rows.map((row) => row.cases.value)).toEqual([202, 20]);
      expect(report.art28.tables.find((table) => table.id === "art28-production-compliance")?.rows.find((row) => row.key === "complied")?.cells.map((cell) => cell.value)).toEqual([81, 20]);
    } finally {
      session.store.close();
    }
  });
});
