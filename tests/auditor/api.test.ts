// The auditor capability through the dispatcher, as the app's auditor screens will call it: a pack
// imported by the one-shot token of main's open dialog, the pack's cases with the office's
// documents, findings recorded and refused with their codes, and the evaluation; every answer
// checked against the contract's strict schemas. In the auditor's store, importBundles refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import type { AuditPackSummary, AuditorFinding } from "../../shared/api/auditor.js";
import type { Evaluation } from "../../shared/formats/audit-findings.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { testRuntime } from "../helpers/runtime.js";
import { noSaving } from "../api/doors.js";
import { decidedOffice, makePack, openAuditorStore, trustOffice } from "./auditor-fixture.js";
import { dispatching } from "../api/dispatching.js";

describe("the auditor API", () => {
  let storeDir = "";
  let packFile = "";
  const table = () => createApiHandlers({ storeDir, runtime: testRuntime(new Date("2026-12-21T12:00:00Z"), "auditor-api"), files: noSaving });
  let api: ReturnType<typeof table>;
  const { call, code } = dispatching(() => api);

  beforeAll(async () => {
    const office = await decidedOffice();
    const auditor = openAuditorStore();
    trustOffice(auditor, office.session);
    packFile = (await makePack(office, auditor.recipient)).file;
    office.session.store.close();
    auditor.session.store.close();
    storeDir = auditor.storeDir;
    api = table();
  });
  afterAll(() => api.close());

  it("imports by token, shows the pack's cases, records findings and evaluates", async () => {
    expect(await code("listAuditPacks", {})).toBe("locked");
    await call("unlock", { passphrase: STORE_PASSPHRASE });
    expect(await code("importAuditPack", { token: "made-up" })).toBe("invalid-arguments");
    expect(await code("importAuditPack", { token: "A".repeat(43) })).toBe("import-token-unknown");
    expect(await code("importBundles", { tokens: [(await api.importFiles.register(packFile)).token] })).toBe("auditor-store-read-only");
    const imported = await call<{ status: string; id: string }>("importAuditPack", { token: (await api.importFiles.register(packFile)).token });
    expect(imported).toMatchObject({ status: "imported" });

    const [summary] = await call<AuditPackSummary[]>("listAuditPacks");
    expect(summary).toMatchObject({ id: imported.id, office: "Test Office", population: 6, plan: { confidence: 95, tolerable: 5, expected: 0, sampleSize: 59 }, findings: 0 });
    const pack = await call<{ cases: { reference: string; request: { id: string }; review: { independence: unknown } | null; decisions: { id: string }[]; audit: { action: string }[]; finding: unknown }[] }>("getAuditPack", {});
    expect(pack.cases.map((each) => [each.reference, each.request.id, each.review === null ? null : typeof each.review.independence, each.decisions.map((d) => d.id), each.finding])).toEqual([
      ["nl-om-rotterdam/AUD-2026-002/1", "AUD-2026-002", "object", ["D-2026-002"], null],
      ["nl-om-rotterdam/AUD-2026-001/1", "AUD-2026-001", "object", ["D-2026-001"], null],
      ["nl-om-rotterdam/AUD-2026-003/1", "AUD-2026-003", "object", ["D-2026-003"], null],
    ]);
    expect(pack.cases[0]?.audit.map((row) => row.action)).toContain("decision.signed");

    expect(await code("recordAuditorFinding", { reference: "nl-om-rotterdam/AUD-2026-002/1", verdict: "deviation", deviationType: "late", recommendation: "red" })).toBe("invalid-arguments");
    expect(await code("recordAuditorFinding", { reference: "nl-om-rotterdam/AUD-2026-002/1", verdict: "deviation", recommendation: "red" })).toBe("finding-invalid");
    expect(await code("getAuditPack", { pack: "AP-NONE" })).toBe("audit-pack-not-found");
    for (const reference of ["nl-om-rotterdam/AUD-2026-002/1", "nl-om-rotterdam/AUD-2026-001/1", "nl-om-rotterdam/AUD-2026-003/1"]) {
      await call<AuditorFinding>("recordAuditorFinding", { reference, verdict: "compliant", recommendation: "green" });
    }
    expect(await call<AuditorFinding[]>("listAuditorFindings", { pack: imported.id })).toHaveLength(3);
    const evaluation = await call<Evaluation>("getAuditEvaluation", {});
    expect(evaluation).toMatchObject({ sampleSize: 3, evaluated: 3, deviations: 0, deviationRate: 0, conclusion: "exceeds-tolerable" });
  });
});
