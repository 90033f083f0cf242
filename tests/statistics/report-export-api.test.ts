// The report's export as the app asks for it: through the dispatcher, the door choosing the
// folder inside the call (the page names no path), the answer naming the folder and files only.
// The CSV and JSON are what `counterseal report` writes for the same period and threshold (the
// CLI runs on the real clock, so only the generation time differs), the PDF verifies with stock
// `minisign -Vm` against the reviewer's key, and a bad period is refused before any dialog opens.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../electron/api/dispatch.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { decide } from "../../electron/core/decisions/decide.js";
import { recordExecution } from "../../electron/core/executions/execution-service.js";
import type { ReviewerIdentity } from "../../shared/api/keyring.js";
import type { ApiResult } from "../../shared/api/result.js";
import type { ReportExported } from "../../shared/api/statistics.js";
import { folderDoor } from "../api/doors.js";
import { REASONS, reviewedRequest } from "../decisions/decide-office.js";
import { pdfText, stockVerify } from "../decisions/support.js";
import { cliOk, sha256File } from "../helpers/cli.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { reviewOffices } from "../review/review-office.js";

const office = reviewOffices();
const PERIOD = { from: "2026-11-01", to: "2026-11-30" };
/** The CSV's or JSON's generation time, the one thing a second run may change. */
const undated = (text: string): string => text.replace(/^generated,[^\r]*\r$/m, "generated,TIME\r").replace(/"generatedAt": "[^"]*"/, '"generatedAt": "TIME"');

async function exportingOffice() {
  const at = office();
  const a = await reviewedRequest(at, { request: { id: "EXP-1" } });
  const authorised = decide(at.session, { ...a, outcome: "authorised", reasons: REASONS });
  recordExecution(at.session, { target: { decision: authorised.id }, outcome: "complied", producedAt: "2026-11-20T09:45:00Z" });
  const b = await reviewedRequest(at, { request: { id: "EXP-2" }, answers: { L1: "not-met" } });
  decide(at.session, { ...b, outcome: "refused", reasons: REASONS });
  at.session.store.close();
  const exportsDir = join(at.dir, "exports");
  mkdirSync(exportsDir);
  const door = folderDoor(exportsDir);
  const table = createApiHandlers({ storeDir: at.storeDir, runtime: at.runtime, files: door });
  const { dispatch } = createDispatcher(table, { onInternalError: (method, error) => console.error(method, error) });
  const call = async <V>(method: string, args: unknown = {}): Promise<V> => {
    const result = (await dispatch(method, args)) as ApiResult<V>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const refusal = async (method: string, args: unknown): Promise<string> => {
    const result = await dispatch(method, args);
    return result.ok ? "ok" : `${result.error.code}: ${result.error.message}`;
  };
  await call("unlock", { passphrase: STORE_PASSPHRASE });
  return { at, table, door, call, refusal, exportsDir };
}

describe("exporting the transparency report from the app", () => {
  it("writes CSV, JSON and a signed PDF where the door says, answering names only, as `counterseal report` writes them", async () => {
    const api = await exportingOffice();
    const csv = await api.call<ReportExported>("exportTransparencyReport", { ...PERIOD, threshold: 1, format: "csv" });
    const json = await api.call<ReportExported>("exportTransparencyReport", { ...PERIOD, threshold: 1, format: "json" });
    const pdf = await api.call<ReportExported>("exportTransparencyReport", { ...PERIOD, threshold: 1, format: "pdf" });
    expect(api.door.asked).toEqual(["transparency-report-2026-11-01-2026-11-30.csv", "transparency-report-2026-11-01-2026-11-30.json", "transparency-report-2026-11-01-2026-11-30.pdf"]);
    expect(csv).toEqual({ saved: true, folder: "exports", files: ["transparency-report-2026-11-01-2026-11-30.csv"], sha256: sha256File(join(api.exportsDir, "transparency-report-2026-11-01-2026-11-30.csv")) });
    expect(json).toMatchObject({ saved: true, folder: "exports", files: ["transparency-report-2026-11-01-2026-11-30.json"] });
    expect(pdf).toMatchObject({ saved: true, folder: "exports", files: ["transparency-report-2026-11-01-2026-11-30.pdf", "transparency-report-2026-11-01-2026-11-30.pdf.minisig"] });
    expect(JSON.stringify([csv, json, pdf])).not.toContain(api.at.dir);

    // Each export is audited, content-free, with its file's digest.
    const audit = await api.call<{ action: string; details: Record<string, unknown> }[]>("listAudit");
    const exported = audit.filter((row) => row.action === "report.exported");
    expect(exported.map((row) => row.details)).toEqual(
      (["csv", "json", "pdf"] as const).map((format, index) => ({ format, ...PERIOD, threshold: 1, sha256: ([csv, json, pdf][index] as Extract<ReportExported, { saved: true }>).sha256 })),
    );

    // The PDF verifies with the stock tool against the reviewer's key, its trusted comment naming the period and digest.
    const identity = await api.call<ReviewerIdentity>("getIdentity");
    const pdfFile = join(api.exportsDir, "transparency-report-2026-11-01-2026-11-30.pdf");
    const verified = stockVerify(pdfFile, identity.reviewer.minisignPublicKey);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`counterseal transparency-report 2026-11-01..2026-11-30 sha256:${sha256File(pdfFile)}`);
    expect(pdfText(pdfFile)).toContain("Requests received by month");

    // The CLI writes the same bytes but for the moment it ran.
    await api.call("lock");
    const store = ["--store", api.at.storeDir];
    const cliCsv = (await cliOk([...store, "report", "--from", PERIOD.from, "--to", PERIOD.to, "--threshold", "1", "--format", "csv"])).stdout;
    const cliJson = (await cliOk([...store, "report", "--from", PERIOD.from, "--to", PERIOD.to, "--threshold", "1", "--format", "json"])).stdout;
    const appCsv = readFileSync(join(api.exportsDir, "transparency-report-2026-11-01-2026-11-30.csv"), "utf8");
    const appJson = readFileSync(join(api.exportsDir, "transparency-report-2026-11-01-2026-11-30.json"), "utf8");
    expect(appCsv).toMatch(/^generated,2026-11-2\dT/m);
    expect(undated(appCsv)).toBe(undated(cliCsv));
    expect(undated(appJson)).toBe(undated(cliJson));
    expect(appCsv).toContain("table,received-by-month,Requests received by month\r\nmonth,requests\r\n2026-11,2\r\ntotal,2\r\n");
    api.table.close();
  });

  it("refuses a bad period before asking the door, never writes over a file, and writes nothing when the dialog is cancelled", async () => {
    const api = await exportingOffice();
    expect(await api.refusal("exportTransparencyReport", { from: "2026-12-01", to: "2026-11-01", format: "csv" })).toBe("report-invalid: --to 2026-11-01 is before --from 2026-12-01");
    expect(await api.refusal("exportTransparencyReport", { ...PERIOD, format: "docx" })).toMatch(/^invalid-arguments/);
    expect(await api.refusal("exportTransparencyReport", { ...PERIOD, threshold: 0, format: "csv" })).toMatch(/^invalid-arguments/);
    expect(api.door.asked).toEqual([]);

    await api.call("exportTransparencyReport", { ...PERIOD, format: "pdf" });
    const before = readdirSync(api.exportsDir).sort();
    expect(await api.refusal("exportTransparencyReport", { ...PERIOD, format: "pdf" })).toMatch(/^export-target-exists: refusing to overwrite/);
    expect(readdirSync(api.exportsDir).sort()).toEqual(before);
    const audited = (await api.call<{ action: string }[]>("listAudit")).filter((row) => row.action === "report.exported");
    expect(audited).toHaveLength(1);
    api.table.close();

    const cancelling = office();
    cancelling.session.store.close();
    const table = createApiHandlers({ storeDir: cancelling.storeDir, runtime: cancelling.runtime, files: folderDoor(null) });
    await table.unlock({ passphrase: STORE_PASSPHRASE });
    expect(await table.exportTransparencyReport({ ...PERIOD, format: "json" })).toEqual({ saved: false });
    expect((await table.listAudit({})).filter((row) => row.action === "report.exported")).toEqual([]);
    table.close();
  });
});
