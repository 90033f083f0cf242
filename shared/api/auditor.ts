// Auditor mode over the API (docs/audit-sampling.md, "Auditor mode"), for the app's auditor
// screens: the packs an auditor's store took in, a pack's cases with the office's documents and
// the auditor's findings, recording a finding, and the evaluation so far.
import { z } from "zod";
import { evaluationSchema } from "../formats/audit-findings.js";
import { PURPOSIVE_REASONS } from "../sampling/population.js";
import { DEVIATION_TYPES, FINDING_VERDICTS, PACK_SELECTIONS, RECOMMENDATIONS } from "../vocabulary/auditor-findings.js";
import { isoTime, method, none } from "./method.js";
import { importToken } from "./requests.js";

const packId = z.string().min(1).max(128);
const reference = z.string().min(1).max(1024);

export const auditPackSummary = z.strictObject({
  id: z.string(),
  bundleDigest: z.string(),
  office: z.string(),
  signerKeyId: z.string(),
  importedAt: isoTime,
  createdAt: isoTime,
  frameHash: z.string(),
  seed: z.string(),
  population: z.number().int(),
  sample: z.array(z.string()),
  purposive: z.array(z.strictObject({ reference: z.string(), reason: z.enum(PURPOSIVE_REASONS), alsoInRandomSample: z.boolean() })),
  plan: z.strictObject({ confidence: z.number(), tolerable: z.number(), expected: z.number().int(), sampleSize: z.number().int() }),
  /** Cases with a finding so far. */
  findings: z.number().int(),
});

export const auditorFinding = z.strictObject({
  pack: z.string(),
  reference: z.string(),
  selection: z.enum(PACK_SELECTIONS),
  verdict: z.enum(FINDING_VERDICTS),
  deviationType: z.enum(DEVIATION_TYPES).nullable(),
  recommendation: z.enum(RECOMMENDATIONS),
  note: z.string().nullable(),
  recordedAt: isoTime,
});

export const auditPackCaseView = z.strictObject({
  reference: z.string(),
  selection: z.enum(PACK_SELECTIONS),
  purposiveReason: z.string().nullable(),
  /** The request document as the office received it. */
  request: z.unknown(),
  /** The office's review record, or null when it never reviewed the revision. */
  review: z.unknown().nullable(),
  /** Each decision as signed (verified at import against the keyring). */
  decisions: z.array(z.strictObject({ id: z.string(), sha256: z.string(), current: z.boolean(), document: z.unknown() })),
  /** The audit log's rows touching the case, as the pack carried them. */
  audit: z.array(z.unknown()),
  finding: auditorFinding.nullable(),
});

export const auditPackView = z.strictObject({ summary: auditPackSummary, cases: z.array(auditPackCaseView), evaluation: evaluationSchema });

export const recordFindingArgs = z.strictObject({
  /** The pack; may be left out while the store holds one. */
  pack: packId.optional(),
  reference,
  verdict: z.enum(FINDING_VERDICTS),
  deviationType: z.enum(DEVIATION_TYPES).optional(),
  recommendation: z.enum(RECOMMENDATIONS),
  note: z.string().max(20_000).optional(),
});

export const packImport = z.strictObject({
  status: z.enum(["imported", "duplicate"]),
  id: z.string(),
  bundleDigest: z.string(),
  office: z.string(),
  signerKeyId: z.string(),
  frameHash: z.string(),
  seed: z.string(),
  population: z.number().int(),
  sample: z.number().int(),
  purposive: z.number().int(),
  decisionsVerified: z.number().int(),
});

const packArg = z.strictObject({ pack: packId.optional() });

export const auditorMethods = {
  listAuditPacks: method(none, z.array(auditPackSummary)),
  getAuditPack: method(packArg, auditPackView),
  /** A pack picked by main's open dialog (a one-shot token, as importBundles takes). */
  importAuditPack: method(z.strictObject({ token: importToken }), packImport),
  recordAuditorFinding: method(recordFindingArgs, auditorFinding),
  listAuditorFindings: method(packArg, z.array(auditorFinding)),
  getAuditEvaluation: method(packArg, evaluationSchema),
} as const;

export type AuditPackSummary = z.output<typeof auditPackSummary>;
export type AuditorFinding = z.output<typeof auditorFinding>;
export type AuditPackCaseView = z.output<typeof auditPackCaseView>;
export type RecordFindingArgs = z.output<typeof recordFindingArgs>;
