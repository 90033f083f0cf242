// The transparency report over a real store: what each table counts for a small office (at
// threshold 1, so every count shows), small counts withheld at the office's threshold, and the
// statistics still counting cases after the store's real deletion (retention's path) took them,
// with nothing of their content kept.
import { describe, expect, it } from "vitest";
import { decide } from "../../electron/core/decisions/decide.js";
import { recordExecution } from "../../electron/core/executions/execution-service.js";
import { registerGrievance } from "../../electron/core/grievances/grievance-register.js";
import { respondToGrievance } from "../../electron/core/grievances/grievance-response.js";
import { deleteDueCases } from "../../electron/core/retention/retention-service.js";
import { deleteCase } from "../../electron/core/requests/evidence-service.js";
import { updateRetentionSettings } from "../../electron/core/settings/retention-settings.js";
import { getReportSettings, updateReportSettings } from "../../electron/core/settings/report-settings.js";
import { reportBytes, transparencyReport } from "../../electron/core/statistics/report-service.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { storeFile } from "../../electron/core/store/index.js";
import type { ReportTable } from "../../shared/statistics/tables.js";
import type { TransparencyReport } from "../../shared/statistics/report.js";
import { REASONS, refusal, reviewedRequest } from "../decisions/decide-office.js";
import { letterGrievance } from "../grievances/fixtures.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { reviewOffices, type ReviewOffice } from "../review/review-office.js";

const office = reviewOffices();
const HOUR = 3_600_000;
const PERIOD = { from: "2026-11-01", to: "2026-11-30" };

/** Four cases, two executions and two grievances, at times chosen so every number is known. */
async function busyOffice(): Promise<ReviewOffice> {
  const at = office();
  const { session, runtime } = at;
  const a = await reviewedRequest(at, { request: { id: "A-1" } }); // received T0
  runtime.advance(24 * HOUR);
  const authorisedA = decide(session, { ...a, outcome: "authorised", reasons: REASONS }); // 24 h
  const b = await reviewedRequest(at, { request: { id: "B-1" }, answers: { L1: "not-met", N2: "not-met" } });
  runtime.advance(48 * HOUR);
  decide(session, { ...b, outcome: "refused", reasons: REASONS }); // 48 h
  const c = await reviewedRequest(at, { request: { id: "C-1", urgency: { level: "emergency", reason: "Threat to life" }, nonDisclosure: { requested: true, reason: "Ongoing investigation" } } });
  runtime.advance(6 * HOUR);
  const authorisedC = decide(session, { ...c, outcome: "authorised", reasons: REASONS }); // 6 h
  await reviewedRequest(at, { request: { id: "D-1", provider: { name: "Contoso Cloud", country: "NL" } } });
  // A was issued 2026-11-20T08:15Z; its data came 49.75 h later.
  recordExecution(session, { target: { decision: authorisedA.id }, outcome: "complied", producedAt: "2026-11-22T10:00:00Z" });
  recordExecution(session, { target: { decision: authorisedC.id }, outcome: "not-complied", ground: "no-data" });
  registerGrievance(session, letterGrievance({ id: "G-1", received: "2026-11-18" }));
  registerGrievance(session, letterGrievance({ id: "G-2", received: "2026-11-25" }));
  respondToGrievance(session, { id: "G-2", outcome: "upheld", remedies: ["deletion"], reasons: "Die Auskunft ging zu weit." });
  registerGrievance(session, letterGrievance({ id: "G-OUTSIDE", received: "2026-10-31" }));
  return at;
}

const table = (report: TransparencyReport, id: string): ReportTable => {
  const found = [...report.tables, ...report.art28.tables].find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return found;
};
/** A table as `row: cells… | total` of displayed values, rows with nothing counted left out. */
const shown = (report: TransparencyReport, id: string): Record<string, string> => {
  const t = table(report, id);
  const out: Record<string, string> = {};
  for (const row of t.rows) {
    if (row.cells.every((cell) => cell.display === "0")) continue;
    out[row.label] = [...row.cells.map((cell) => cell.display), ...(row.total === undefined ? [] : [`| ${row.total.display}`])].join(" ");
  }
  if (t.totals !== undefined) out["total"] = [...t.totals.cells.map((cell) => cell.display), ...(t.totals.total === undefined ? [] : [`| ${t.totals.total.display}`])].join(" ");
  return out;
};
const times = (report: TransparencyReport, id: string) => [...report.times, ...report.art28.times].find((candidate) => candidate.id === id)?.rows.map((row) => [row.key, row.cases.display, row.medianHours, row.meanHours, row.p90Hours]);

describe("the transparency report", () => {
  it("counts what was received, decided and executed in the period, table by table", async () => {
    const at = await busyOffice();
    const report = transparencyReport(at.session, { ...PERIOD, threshold: 1 });
    expect(report).toMatchObject({ schema: "counterseal.transparency-report/1", period: { ...PERIOD }, threshold: 1, generatedAt: at.runtime.clock.now().toISOString() });
    expect(shown(report, "received-by-instrument")).toEqual({ "eu-production-order": "4", total: "4" });
    expect(shown(report, "received-by-country")).toEqual({ NL: "4", total: "4" });
    expect(shown(report, "received-by-authority")).toEqual({ "nl-om-rotterdam": "4", total: "4" });
    expect(shown(report, "received-by-provider")).toEqual({ "Contoso Cloud": "1", "Northwind Mail Ltd": "3", total: "4" });
    expect(shown(report, "received-by-data-category")).toEqual({ subscriber: "4", traffic: "4", total: "4" });
    expect(shown(report, "received-by-urgency")).toEqual({ routine: "3", emergency: "1", total: "4" });
    expect(shown(report, "outcomes")).toEqual({ authorised: "2", refused: "1", undecided: "1", total: "4" });
    expect(table(report, "outcomes").rows.map((row) => [row.key, row.rate])).toEqual([
      ["authorised", 0.5],
      ["authorised-with-modifications", 0],
      ["refused", 0.25],
      ["returned", 0],
      ["awaiting-countersignature", 0],
      ["undecided", 0.25],
    ]);
    expect(shown(report, "compliance-by-provider")).toEqual({ "Northwind Mail Ltd": "1 0 1 0 0 | 2", total: "1 0 1 0 0 | 2" });
    expect(table(report, "compliance-by-provider").rows[0]?.rate).toBe(0.5);
    expect(shown(report, "non-compliance-by-ground")).toEqual({ "no-data": "1", total: "1" });
    expect(shown(report, "refusals-by-ground")).toEqual({ L1: "1", N2: "1", total: "1" });
    expect(shown(report, "non-disclosure")).toEqual({ requested: "1", "not-requested": "3", total: "4" });
    expect(shown(report, "grievances")).toEqual({ upheld: "1", unanswered: "1", total: "2" });
    expect(times(report, "receipt-to-decision")).toEqual([
      ["all", "3", 24, 26, 48],
      ["emergency", "1", 6, 6, 6],
    ]);
    expect(times(report, "response-times-by-provider")).toEqual([["Northwind Mail Ltd", "1", 49.8, 49.8, 49.8]]);

    expect(shown(report, "art28-orders-by-data-category")).toEqual({ subscriber: "3 1 0 | 4", traffic: "3 1 0 | 4", total: "3 1 0 | 4" });
    expect(shown(report, "art28-orders-by-addressee")).toEqual({ "Contoso Cloud": "1 0 0 | 1", "Northwind Mail Ltd": "2 1 0 | 3", total: "3 1 0 | 4" });
    expect(shown(report, "art28-production-compliance")).toEqual({ complied: "1 0 | 1", "not-complied": "0 1 | 1", total: "1 1 | 2" });
    expect(shown(report, "art28-non-compliance-grounds")).toEqual({ "no-data": "0 1 | 1", total: "0 1 | 1" });
    expect(shown(report, "art28-refusals-by-ground")).toEqual({ L1: "1 0 0 | 1", N2: "1 0 0 | 1", total: "1 0 0 | 1" });
    expect(shown(report, "art28-notifications")).toEqual({ notified: "3 1 | 4", total: "3 1 | 4" });
    expect(times(report, "art28-issue-to-data")).toEqual([
      ["non-emergency", "1", 49.8, 49.8, 49.8],
      ["emergency", "0", null, null, null],
    ]);
  });

  it("typesets the same report into the same PDF bytes, dated by the report", async () => {
    const at = await busyOffice();
    const report = transparencyReport(at.session, PERIOD);
    const [first, second] = [await reportBytes(report, "pdf", "Test Office"), await reportBytes(report, "pdf", "Test Office")];
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(new TextDecoder("latin1").decode(first)).toContain(`D:${report.generatedAt.slice(0, 4)}`);
  });

  it("counts only the cases received on the period's days", async () => {
    const at = await busyOffice();
    expect(shown(transparencyReport(at.session, { from: "2026-11-21", to: "2026-11-30", threshold: 1 }), "received-by-instrument")).toEqual({ "eu-production-order": "3", total: "3" });
    expect(shown(transparencyReport(at.session, { from: "2026-12-01", to: "2026-12-31", threshold: 1 }), "received-by-instrument")).toEqual({ total: "0" });
  });

  it("withholds small counts at the office's threshold: no withheld count keeps its value, nor its rate", async () => {
    const at = await busyOffice();
    expect(getReportSettings(at.session)).toEqual({ threshold: 5 });
    const report = transparencyReport(at.session, PERIOD);
    expect(report.threshold).toBe(5);
    expect(shown(report, "outcomes")).toEqual({ authorised: "< 5", refused: "< 5", undecided: "< 5", total: "< 5" });
    // The total is withheld, so no rate is shown: a rate and a count would give the total away.
    expect(table(report, "outcomes").rows.map((row) => row.rate)).toEqual([null, null, null, null, null, null]);
    expect(times(report, "receipt-to-decision")).toEqual([
      ["all", "< 5", null, null, null],
      ["emergency", "< 5", null, null, null],
    ]);
    const everyCount = [...report.tables, ...report.art28.tables].flatMap((t) => [...t.rows.flatMap((row) => [...row.cells, ...(row.total ? [row.total] : [])]), ...(t.totals?.cells ?? []), ...(t.totals?.total ? [t.totals.total] : [])]);
    expect(everyCount.filter((count) => count.value !== null && count.value > 0 && count.value < 5)).toEqual([]);
    expect(everyCount.filter((count) => count.suppressed !== null && count.value !== null)).toEqual([]);

    updateReportSettings(at.session, { threshold: 2 });
    expect(at.session.store.audit.listAudit().at(-1)).toMatchObject({ action: "settings.changed", details: { reportThreshold: 2 } });
    expect(shown(transparencyReport(at.session, PERIOD), "received-by-provider")).toEqual({ "Contoso Cloud": "< 2", "Northwind Mail Ltd": "x", total: "4" });
  });

  it("refuses a day that is not YYYY-MM-DD or does not exist, a period that ends before it starts, and a threshold below 1", async () => {
    const at = office();
    expect(refusal(() => transparencyReport(at.session, { from: "2026-1-1", to: "2026-12-31" }))).toEqual({ code: "report-invalid", message: "--from 2026-1-1: give a day as YYYY-MM-DD" });
    expect(refusal(() => transparencyReport(at.session, { from: "2026-02-30", to: "2026-12-31" }))).toMatchObject({ code: "report-invalid", message: expect.stringContaining("no such day") });
    expect(refusal(() => transparencyReport(at.session, { from: "2026-12-31", to: "2026-01-01" }))).toMatchObject({ code: "report-invalid", message: expect.stringContaining("before --from") });
    expect(refusal(() => transparencyReport(at.session, { ...PERIOD, threshold: 0 }))).toMatchObject({ code: "report-invalid" });
    expect(refusal(() => updateReportSettings(at.session, { threshold: 1.5 }))).toMatchObject({ code: "report-invalid" });
    expect(getReportSettings(at.session)).toEqual({ threshold: 5 });
  });

  it("keeps counting cases the store's real deletion took, decided, executed or not, and keeps nothing of their content", async () => {
    const at = await busyOffice();
    const before = transparencyReport(at.session, { ...PERIOD, threshold: 1 });

    // Retention's path for the refused case, the plain deletion for the executed one and the undecided one.
    updateRetentionSettings(at.session, { refused: 1 });
    at.runtime.advance(2 * 24 * HOUR);
    expect(deleteDueCases(at.session).map((entry) => entry.id)).toEqual(["B-1"]);
    deleteCase(at.session, { authority: "nl-om-rotterdam", id: "A-1" });
    deleteCase(at.session, { authority: "nl-om-rotterdam", id: "D-1" });
    expect(at.session.store.requests.getRequest("nl-om-rotterdam", "A-1")).toBeUndefined();

    const after = transparencyReport(at.session, { ...PERIOD, threshold: 1 });
    expect({ ...after, generatedAt: before.generatedAt }).toEqual(before);
    expect(at.session.store.audit.verifyAuditChain()).toMatchObject({ ok: true });
    expect(at.session.store.integrityCheck()).toEqual(["ok"]);

    at.session.store.close();
    const db = openKeyedConnection(storeFile(at.storeDir), STORE_PASSPHRASE);
    try {
      expect(db.prepare("SELECT count(*) FROM case_statistics WHERE case_id IS NOT NULL").pluck().get()).toBe(1);
      const kept = db.prepare("SELECT * FROM case_statistics WHERE case_id IS NULL ORDER BY received_at").all();
      expect(kept).toHaveLength(3);
      expect(kept[1]).toMatchObject({ instrument: "eu-production-order", authority: "nl-om-rotterdam", provider: "Northwind Mail Ltd", categories: expect.stringContaining("traffic"), outcome: "refused", refusal_grounds: "L1 N2", execution_outcome: null, deleted_at: at.runtime.clock.now().getTime() });
      const text = JSON.stringify(kept);
      for (const content of ["A-1", "B-1", "D-1", "j.doe.4471", "RTM-26-004417", "phishing", "Openbaar"]) expect(text).not.toContain(content);
      expect(db.prepare("SELECT count(*) FROM executions").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
