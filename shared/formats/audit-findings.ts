// The findings report (docs/audit-sampling.md, "Findings report"): the auditor's signed word on
// an audit pack. Signed like the office's decisions: RFC 8785 canonical JSON, a prehashed
// minisign signature of exactly those bytes, a PDF beside them. Strict, and the evaluation must
// add up: its counts are the findings' counts.
import { z } from "zod";
import { PURPOSIVE_REASONS } from "../sampling/population.js";
import { DEVIATION_TYPES, EVALUATION_CONCLUSIONS, FINDING_VERDICTS, PACK_SELECTIONS, RECOMMENDATIONS } from "../vocabulary/auditor-findings.js";
import { dateTime, identifier, sha256Hex, signerSchema, text } from "./document-fields.js";

export const AUDIT_FINDINGS_SCHEMA = "counterseal.audit-findings/1";

export const evaluationSchema = z.strictObject({
  /** Cases drawn at random (purposive picks are reported but not counted). */
  sampleSize: z.number().int().min(0),
  /** Sampled cases with a finding so far. */
  evaluated: z.number().int().min(0),
  deviations: z.number().int().min(0),
  /** deviations / sampleSize, in percent (null before every sampled case has a finding). */
  deviationRate: z.number().min(0).max(100).nullable(),
  /** The one-sided upper deviation limit at the plan's confidence, in percent (null while incomplete). */
  upperLimit: z.number().min(0).max(100).nullable(),
  confidence: z.number().gt(0).lt(100),
  tolerable: z.number().gt(0).lt(100),
  conclusion: z.enum(EVALUATION_CONCLUSIONS),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const caseFindingSchema = z.strictObject({
  reference: z.string().min(1),
  selection: z.enum(PACK_SELECTIONS),
  purposiveReason: z.enum(PURPOSIVE_REASONS).nullable(),
  verdict: z.enum(FINDING_VERDICTS),
  deviationType: z.enum(DEVIATION_TYPES).nullable(),
  recommendation: z.enum(RECOMMENDATIONS),
  note: text.nullable(),
});

export const auditFindingsDocumentSchema = z
  .strictObject({
    schema: z.literal(AUDIT_FINDINGS_SCHEMA),
    id: identifier,
    reportedAt: dateTime,
    /** The auditor who signs: their name, their committee and key id. */
    auditor: signerSchema,
    pack: z.strictObject({ id: identifier, bundleDigest: sha256Hex, office: text, officeKeyId: text, frameHash: sha256Hex, seed: sha256Hex, population: z.number().int().min(0) }),
    evaluation: evaluationSchema,
    findings: z.array(caseFindingSchema),
  })
  .superRefine((report, ctx) => {
    const sampled = report.findings.filter((finding) => finding.selection === "sample");
    const deviations = sampled.filter((finding) => finding.verdict === "deviation").length;
    if (report.evaluation.evaluated !== sampled.length) ctx.addIssue({ code: "custom", path: ["evaluation", "evaluated"], message: `says ${report.evaluation.evaluated}, the findings hold ${sampled.length} sampled cases` });
    if (report.evaluation.deviations !== deviations) ctx.addIssue({ code: "custom", path: ["evaluation", "deviations"], message: `says ${report.evaluation.deviations}, the sampled findings hold ${deviations}` });
    report.findings.forEach((finding, index) => {
      if ((finding.verdict === "deviation") !== (finding.deviationType !== null)) ctx.addIssue({ code: "custom", path: ["findings", index, "deviationType"], message: "a deviation names its type, and only a deviation does" });
    });
  });

export type AuditFindingsDocument = z.infer<typeof auditFindingsDocumentSchema>;
export type CaseFinding = z.infer<typeof caseFindingSchema>;
