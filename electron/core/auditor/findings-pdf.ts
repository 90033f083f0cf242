// The findings report as printed: the pack it evaluates (office, frame hash, seed), the plan,
// the evaluation and its conclusion, each case's finding, the auditor, and the verification block
// that ties the paper to `<id>.json` (the same block the office's decisions carry).
import type { AuditFindingsDocument } from "../../../shared/formats/audit-findings.js";
import { GREY, TEXT_WIDTH, Typesetter } from "../decisions/pdf/typesetter.js";
import { drawVerificationBlock, type VerificationFacts } from "../decisions/pdf/verification-block.js";

const CONCLUSIONS = {
  "within-tolerable": "The upper deviation limit is at or below the tolerable rate: the office's deviation rate is below the tolerable rate at the plan's confidence.",
  "exceeds-tolerable": "The upper deviation limit is above the tolerable rate: the sample does not show that the office's deviation rate is below the tolerable rate.",
  incomplete: "Not every sampled case has a finding.",
} as const;

const percent = (value: number | null): string => (value === null ? "–" : `${value}%`);

export async function renderFindingsPdf(report: AuditFindingsDocument, verification: VerificationFacts): Promise<Uint8Array> {
  const { evaluation, pack } = report;
  const out = await Typesetter.create({
    title: `Audit findings ${report.id}`,
    author: `${report.auditor.name}, ${report.auditor.office}`,
    subject: `Findings on audit pack ${pack.id} of ${pack.office}: ${evaluation.conclusion}`,
    date: new Date(report.reportedAt),
  });
  out.text(report.auditor.office, { size: 9, color: GREY });
  out.gap(2);
  out.text(`Audit findings ${report.id}`, { size: 16, bold: true });
  out.text(`On audit pack ${pack.id} of ${pack.office}`, { size: 11 });
  out.gap(6);
  out.fields([
    ["Reported at", report.reportedAt],
    ["Pack digest", `sha256:${pack.bundleDigest}`, 7.5],
    ["Office key", pack.officeKeyId],
    ["Frame hash", pack.frameHash, 7.5],
    ["Seed", pack.seed, 7.5],
    ["Population", String(pack.population)],
  ]);
  out.heading("Evaluation");
  out.fields([
    ["Sample size", String(evaluation.sampleSize)],
    ["Deviations", String(evaluation.deviations)],
    ["Deviation rate", percent(evaluation.deviationRate)],
    [`Upper limit (${evaluation.confidence}%)`, percent(evaluation.upperLimit)],
    ["Tolerable rate", `${evaluation.tolerable}%`],
    ["Conclusion", evaluation.conclusion],
  ]);
  out.text(CONCLUSIONS[evaluation.conclusion]);
  out.heading("Findings");
  const rows = report.findings.map((finding) => [
    finding.reference,
    finding.selection === "sample" ? "sample" : `purposive (${finding.purposiveReason ?? ""})`,
    finding.verdict === "compliant" ? "compliant" : `deviation: ${finding.deviationType ?? ""}`,
    finding.recommendation,
  ]);
  out.table(rows, [TEXT_WIDTH * 0.42, TEXT_WIDTH * 0.2, TEXT_WIDTH * 0.26, TEXT_WIDTH * 0.12], { header: ["Case", "Selection", "Finding", "Rec."], size: 8 });
  for (const finding of report.findings.filter((each) => each.note !== null)) {
    out.text(`${finding.reference}: ${finding.note ?? ""}`, { size: 8.5 });
  }
  out.heading("Signature");
  out.fields([["Auditor", `${report.auditor.name}, ${report.auditor.office}; minisign key ${report.auditor.keyId}`]]);
  drawVerificationBlock(out, verification);
  return out.finish((page, pages) => `Audit findings ${report.id}  ·  sha256:${verification.digest.slice(0, 16)}…  ·  page ${page} of ${pages}`);
}
