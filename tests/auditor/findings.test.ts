// Findings, the evaluation and the signed findings report on a real auditor store holding a real
// pack: findings refused by field, recorded again as a replacement, the evaluation against the
// binomial upper limit, the report refused while incomplete, and once complete written as
// <id>.json, .minisig and .pdf that stock minisign verifies and pdftotext reads.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listFindings, recordFinding } from "../../electron/core/auditor/findings.js";
import { evaluateFindings, exportFindingsReport } from "../../electron/core/auditor/findings-report.js";
import { importAuditPack } from "../../electron/core/auditor/pack-import.js";
import { reviewerSigner } from "../../electron/core/decisions/reviewer-key.js";
import type { Session } from "../../electron/core/session/session.js";
import { auditFindingsDocumentSchema } from "../../shared/formats/audit-findings.js";
import { upperDeviationLimit } from "../../shared/sampling/attribute-sampling.js";
import { evaluateSample } from "../../shared/sampling/evaluation.js";
import { pdfText, stockVerify } from "../decisions/support.js";
import { decidedOffice, makePack, openAuditorStore, trustOffice, type AuditorStore } from "./auditor-fixture.js";

const open: Session[] = [];
afterEach(() => {
  for (const session of open.splice(0)) if (session.store.isOpen) session.store.close();
});

const SAMPLED = ["nl-om-rotterdam/AUD-2026-002/1", "nl-om-rotterdam/AUD-2026-001/1", "nl-om-rotterdam/AUD-2026-003/1"];
const PURPOSIVE = "nl-om-rotterdam/AUD-2026-004/1";

async function auditorWithPack(): Promise<{ auditor: AuditorStore; pack: string }> {
  const office = await decidedOffice();
  const auditor = openAuditorStore();
  open.push(office.session, auditor.session);
  trustOffice(auditor, office.session);
  const file = (await makePack(office, auditor.recipient, { purposive: [{ reason: "long-running-measure", reference: PURPOSIVE }] })).file;
  office.session.store.close();
  return { auditor, pack: (await importAuditPack(auditor.session, file)).id };
}

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "no error";
};

describe("auditor findings", () => {
  it("refuses findings by field and records one again as a replacement, each time with its row", async () => {
    const { auditor } = await auditorWithPack();
    const { session } = auditor;
    const before = session.store.audit.auditHead();
    expect(codeOf(() => recordFinding(session, { reference: SAMPLED[0] ?? "", verdict: "deviation", recommendation: "red" }))).toBe("finding-invalid");
    expect(codeOf(() => recordFinding(session, { reference: SAMPLED[0] ?? "", verdict: "compliant", deviationType: "deadline-missed", recommendation: "green" }))).toBe("finding-invalid");
    expect(codeOf(() => recordFinding(session, { reference: SAMPLED[0] ?? "", verdict: "deviation", deviationType: "other", recommendation: "amber" }))).toBe("finding-invalid");
    expect(codeOf(() => recordFinding(session, { reference: "nl-om-rotterdam/NOT-IN-PACK/1", verdict: "compliant", recommendation: "green" }))).toBe("audit-pack-case-unknown");
    expect(codeOf(() => recordFinding(session, { pack: "AP-NONE", reference: SAMPLED[0] ?? "", verdict: "compliant", recommendation: "green" }))).toBe("audit-pack-not-found");
    expect(session.store.audit.auditHead()).toEqual(before);

    recordFinding(session, { reference: SAMPLED[0] ?? "", verdict: "compliant", recommendation: "green" });
    const replaced = recordFinding(session, { reference: SAMPLED[0] ?? "", verdict: "deviation", deviationType: "scope-not-minimised", recommendation: "amber", note: "Traffic data granted although subscriber data sufficed." });
    expect(replaced).toMatchObject({ selection: "sample", verdict: "deviation", deviationType: "scope-not-minimised", recommendation: "amber" });
    expect(listFindings(session, undefined)).toHaveLength(1);
    const rows = session.store.audit.listAudit({ afterSeq: before.seq });
    expect(rows.map((row) => [row.action, row.objectId])).toEqual([
      ["auditor.finding-recorded", expect.stringMatching(new RegExp(`:${SAMPLED[0]}$`))],
      ["auditor.finding-recorded", expect.stringMatching(new RegExp(`:${SAMPLED[0]}$`))],
    ]);
    expect(rows[1]?.details).toEqual({ verdict: "deviation", deviationType: "scope-not-minimised", recommendation: "amber", withNote: true });
  });

  it("evaluates against the binomial upper limit; signs the report only when every sampled case has a finding", async () => {
    const { auditor, pack } = await auditorWithPack();
    const { session } = auditor;
    const out = join(auditor.dir, "reports");
    mkdirSync(out);
    recordFinding(session, { reference: SAMPLED[0] ?? "", verdict: "compliant", recommendation: "green" });
    recordFinding(session, { reference: PURPOSIVE, verdict: "deviation", deviationType: "deadline-missed", recommendation: "red", note: "The refusal came after the ten-day deadline." });
    expect(evaluateFindings(session, pack).evaluation).toEqual({ sampleSize: 3, evaluated: 1, deviations: 0, deviationRate: null, upperLimit: null, confidence: 95, tolerable: 5, conclusion: "incomplete" });
    const head = session.store.audit.auditHead();
    await expect(exportFindingsReport(session, { outDir: out })).rejects.toMatchObject({ code: "findings-incomplete", message: expect.stringContaining(`${SAMPLED[1]}, ${SAMPLED[2]}`) });
    expect(readdirSync(out)).toEqual([]);
    expect(session.store.audit.auditHead()).toEqual(head);

    recordFinding(session, { reference: SAMPLED[1] ?? "", verdict: "compliant", recommendation: "green" });
    recordFinding(session, { reference: SAMPLED[2] ?? "", verdict: "deviation", deviationType: "proportionality-not-assessed", recommendation: "amber", note: "Keine Abwägung der Verhältnismäßigkeit; Łódź." });
    const upper = Math.round(upperDeviationLimit(3, 1, 95) * 1e6) / 1e4;
    const evaluation = { sampleSize: 3, evaluated: 3, deviations: 1, deviationRate: 33.3333, upperLimit: upper, confidence: 95, tolerable: 5, conclusion: "exceeds-tolerable" };
    expect(evaluateFindings(session, pack).evaluation).toEqual(evaluation);

    const report = await exportFindingsReport(session, { outDir: out });
    expect(report.files.map((file) => file.slice(out.length + 1))).toEqual([`F-${pack}.json`, `F-${pack}.json.minisig`, `F-${pack}.pdf`]);
    const signed = readFileSync(join(out, `F-${pack}.json`));
    const document = auditFindingsDocumentSchema.parse(JSON.parse(signed.toString("utf8")));
    expect(document.evaluation).toEqual(evaluation);
    // The purposive pick is reported beside the sample, never counted in it.
    expect(document.findings.map((finding) => [finding.reference, finding.selection, finding.verdict])).toEqual([
      [SAMPLED[0], "sample", "compliant"],
      [SAMPLED[1], "sample", "compliant"],
      [SAMPLED[2], "sample", "deviation"],
      [PURPOSIVE, "purposive", "deviation"],
    ]);
    const verified = stockVerify(join(out, `F-${pack}.json`), reviewerSigner(session).publicKeyLine);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain(`counterseal audit-findings F-${pack} sha256:${report.sha256}`);
    const text = pdfText(join(out, `F-${pack}.pdf`));
    expect(text).toContain(`Audit findings F-${pack}`);
    expect(text).toContain("exceeds-tolerable");
    expect(text).toContain("Łódź");
    expect(session.store.audit.listAudit().at(-1)).toMatchObject({ action: "auditor.report-signed", objectId: `F-${pack}`, details: { pack, sha256: report.sha256, sampleSize: 3, deviations: 1, conclusion: "exceeds-tolerable" } });
    await expect(exportFindingsReport(session, { outDir: out })).rejects.toMatchObject({ code: "export-target-exists" });
  });

  it("concludes within the tolerable rate only while the upper limit stays at or below it", () => {
    expect(evaluateSample({ sampleSize: 59, evaluated: 59, deviations: 0, confidence: 95, tolerable: 5 })).toMatchObject({ deviationRate: 0, upperLimit: 4.9508, conclusion: "within-tolerable" });
    expect(evaluateSample({ sampleSize: 59, evaluated: 59, deviations: 1, confidence: 95, tolerable: 5 })).toMatchObject({ deviationRate: 1.6949, conclusion: "exceeds-tolerable" });
    expect(evaluateSample({ sampleSize: 93, evaluated: 93, deviations: 1, confidence: 95, tolerable: 5 })).toMatchObject({ conclusion: "within-tolerable" });
    expect(evaluateSample({ sampleSize: 59, evaluated: 58, deviations: 0, confidence: 95, tolerable: 5 })).toMatchObject({ upperLimit: null, conclusion: "incomplete" });
  });
});
