// Auditor mode over the API (docs/audit-sampling.md, "Auditor mode"), for the app's auditor
// screens: which kind of store is open, the packs an auditor's store took in, a pack's cases with
// the office's documents and the auditor's findings, recording a finding, the evaluation so far,
// and the signed findings report (its folder chosen by the door, as exportDecision's is).
import { z } from "zod";
import { evaluationSchema } from "../formats/audit-findings.js";
import { PURPOSIVE_REASONS, STRATIFY_BY } from "../sampling/population.js";
import { DEVIATION_TYPES, FINDING_VERDICTS, PACK_SELECTIONS, RECOMMENDATIONS } from "../vocabulary/auditor-findings.js";
import { isoTime, method, none } from "./method.js";
import { importToken } from "./requests.js";
import { documentExported } from "./decisions.js";

/** An office's store, or a committee auditor's (case data read-only), fixed when it was created. */
export const STORE_MODES = ["office", "auditor"] as const;
export const storeModeView = z.strictObject({ mode: z.enum(STORE_MODES) });

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
  plan: z.strictObject({ confidence: z.number(), tolerable: z.number(), expected: z.number().int(), sampleSize: z.number().int(), achievedRisk: z.number(), upperDeviationLimit: z.number() }),
  /** The spares drawn after the sample, in order (listed in the plan, not carried). */
  spares: z.array(z.string()),
  stratifyBy: z.enum(STRATIFY_BY).nullable(),
  /** Each stratum's population, share and allocation (one stratum `all` when not stratified). */
  strata: z.array(z.strictObject({ stratum: z.string(), population: z.number().int(), share: z.number(), allocated: z.number().int(), sample: z.array(z.string()) })),
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
  decisions: z.array(
    z.strictObject({
      id: z.string(),
      sha256: z.string(),
      current: z.boolean(),
      document: z.unknown(),
      /** The office's minisign signature, verified again against this store's keyring when shown. */
      signature: z.strictObject({ keyId: z.string(), trustedComment: z.string(), signer: z.string().nullable(), verified: z.boolean(), detail: z.string() }),
    }),
  ),
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
  getStoreMode: method(none, storeModeView),
  listAuditPacks: method(none, z.array(auditPackSummary)),
  getAuditPack: method(packArg, auditPackView),
  /** A pack picked by main's open dialog (a one-shot token, as importBundles takes). */
  importAuditPack: method(z.strictObject({ token: importToken }), packImport),
  recordAuditorFinding: method(recordFindingArgs, auditorFinding),
  listAuditorFindings: method(packArg, z.array(auditorFinding)),
  getAuditEvaluation: method(packArg, evaluationSchema),
  /** Signs the findings report once every sampled case has a finding; the door asks for the folder. */
  exportFindingsReport: method(packArg, documentExported),
} as const;

export type AuditPackSummary = z.output<typeof auditPackSummary>;
export type AuditorFinding = z.output<typeof auditorFinding>;
export type AuditPackCaseView = z.output<typeof auditPackCaseView>;
export type StoreMode = (typeof STORE_MODES)[number];
export type PackImport = z.output<typeof packImport>;
export type RecordFindingArgs = z.output<typeof recordFindingArgs>;
export type AuditPackView = z.output<typeof auditPackView>;
