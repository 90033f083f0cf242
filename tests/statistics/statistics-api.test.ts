// The execution record and the report through the dispatcher, as the app calls them: answers
// pass the contract's strict schemas (the report whole, as the charts will read it), bad
// arguments are refused by the schemas, and refusals arrive with their codes.
import { describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { decide } from "../../electron/core/decisions/decide.js";
import type { ExecutionView } from "../../shared/api/executions.js";
import type { TransparencyReport } from "../../shared/statistics/report.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { reviewOffices } from "../review/review-office.js";
import { noSaving } from "../api/doors.js";
import { dispatching } from "../api/dispatching.js";

const office = reviewOffices();

async function apiOverDecidedStore() {
  const at = office();
  const ref = await reviewedRequest(at, { request: { id: "API-1", nonDisclosure: { requested: true } } });
  const decision = decide(at.session, { ...ref, outcome: "authorised", reasons: REASONS });
  at.session.store.close();
  const table = createApiHandlers({ storeDir: at.storeDir, runtime: at.runtime, files: noSaving });
  const { call, code } = dispatching(table);
  await call("unlock", { passphrase: STORE_PASSPHRASE });
  return { table, call, code, ref, decision };
}

describe("the execution and report API", () => {
  it("records and lists executions, and answers the report in the contract's shape", async () => {
    const api = await apiOverDecidedStore();
    try {
      const record = await api.call<ExecutionView>("recordExecution", { target: { authority: api.ref.authority, id: api.ref.id }, outcome: "complied", producedAt: "2026-11-20T09:30:00Z" });
      expect(record).toMatchObject({ decision: api.decision.id, outcome: "complied", source: "hand" });
      expect(await api.call<ExecutionView[]>("listExecutions")).toEqual([record]);
      const report = await api.call<TransparencyReport>("getTransparencyReport", { from: "2026-11-01", to: "2026-11-30", threshold: 1 });
      expect(report.tables.find((table) => table.id === "non-disclosure")?.rows.map((row) => [row.key, row.cells[0]?.value, row.rate])).toEqual([
        ["requested", 1, 1],
        ["not-requested", 0, 0],
      ]);
      expect(report.art28.times[0]?.rows[0]).toMatchObject({ key: "non-emergency", cases: { value: 1 }, meanHours: 1.3 });
      expect(await api.call("updateReportSettings", { threshold: 10 })).toEqual({ threshold: 10 });
      expect(await api.call("getReportSettings")).toEqual({ threshold: 10 });
      expect((await api.call<TransparencyReport>("getTransparencyReport", { from: "2026-11-01", to: "2026-11-30" })).threshold).toBe(10);
    } finally {
      api.table.close();
    }
  });

  it("refuses bad arguments by the schemas and bad records and periods by the core, with their codes", async () => {
    const api = await apiOverDecidedStore();
    try {
      expect(await api.code("recordExecution", { target: { decision: api.decision.id }, outcome: "done" })).toBe("invalid-arguments");
      expect(await api.code("recordExecution", { target: { decision: api.decision.id }, outcome: "complied", producedAt: "yesterday" })).toBe("invalid-arguments");
      expect(await api.code("recordExecution", { target: { decision: api.decision.id }, outcome: "complied" })).toBe("execution-invalid");
      expect(await api.code("getTransparencyReport", { from: "2026-1-1", to: "2026-12-31" })).toBe("invalid-arguments");
      expect(await api.code("getTransparencyReport", { from: "2026-12-31", to: "2026-01-01" })).toBe("report-invalid");
      expect(await api.code("updateReportSettings", { threshold: 0 })).toBe("invalid-arguments");
      expect(await api.call<ExecutionView[]>("listExecutions")).toEqual([]);
    } finally {
      api.table.close();
    }
  });
});
