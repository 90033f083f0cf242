// The audit pack's document, `data/audit-pack.json` (docs/audit-sampling.md, "Audit pack"): the
// sampling plan and the draw exactly as `sample draw` prints it, where each sampled case's files
// lie in the bag, and where the audit log's excerpts and head checkpoint are. The auditor's
// import reads it with this schema and then re-checks every claim it makes against the files.
import { z } from "zod";
import { PURPOSIVE_REASONS, STRATIFY_BY } from "../sampling/population.js";
import { PACK_SELECTIONS } from "../vocabulary/auditor-findings.js";
import { dateTime, identifier, sha256Hex, signerSchema, text } from "./document-fields.js";

export const AUDIT_PACK_SCHEMA = "counterseal.audit-pack/1";

const reference = z.string().regex(/^[^/\n]+\/[^/\n]+\/[1-9][0-9]*$/, "expected a case reference AUTHORITY/ID/REVISION");
/** A payload path relative to data/, as the bag's manifest lists it under data/. */
const bagFile = z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._:-]+)*$/, "expected a path relative to data/");
const percent = z.number().gt(0).lt(100);

export const packPlanSchema = z.strictObject({
  method: z.literal("binomial"),
  confidence: percent,
  tolerable: percent,
  expected: z.number().int().min(0),
  /** The sample size the plan asks for (`sample plan`); the draw's `size` is what was drawn to. */
  sampleSize: z.number().int().min(1),
  achievedRisk: z.number(),
  upperDeviationLimit: z.number(),
});

const stratumDraw = z.strictObject({
  stratum: z.string().min(1),
  population: z.number().int().min(0),
  share: z.number().min(0).max(1),
  allocated: z.number().int().min(0),
  sample: z.array(reference),
  spares: z.array(reference),
});

export const packDrawSchema = z.strictObject({
  frameHash: sha256Hex,
  seed: sha256Hex,
  population: z.number().int().min(0),
  size: z.number().int().min(1),
  /** The spares asked for (`--spares`, else as many as the sample); the draw may find fewer. */
  sparesAsked: z.number().int().min(0),
  sample: z.array(reference),
  spares: z.array(reference),
  strata: z.array(stratumDraw),
  filter: z.strictObject({
    from: z.string().optional(),
    to: z.string().optional(),
    instrument: z.string().optional(),
    authority: z.string().optional(),
    urgency: z.string().optional(),
    outcome: z.string().optional(),
  }),
  stratifyBy: z.enum(STRATIFY_BY).nullable(),
  purposive: z.array(z.strictObject({ reference, reason: z.enum(PURPOSIVE_REASONS), purposive: z.literal(true), alsoInRandomSample: z.boolean() })),
});

export const packCaseSchema = z.strictObject({
  reference,
  selection: z.enum(PACK_SELECTIONS),
  purposiveReason: z.enum(PURPOSIVE_REASONS).nullable(),
  /** The request document exactly as the office received it. */
  request: bagFile,
  /** The review record; null when the revision was never reviewed. */
  review: bagFile.nullable(),
  /** Every decision on the revision, each its signed JSON and .minisig; `current` is the one nothing supersedes. */
  decisions: z.array(z.strictObject({ id: identifier, document: bagFile, signature: bagFile, sha256: sha256Hex, current: z.boolean() })),
  /** The audit log's rows touching the case, with their details: JSON Lines. */
  audit: bagFile,
});

export const auditPackDocumentSchema = z.strictObject({
  schema: z.literal(AUDIT_PACK_SCHEMA),
  id: identifier,
  createdAt: dateTime,
  /** The reviewer whose key signed the bag, and their office. */
  office: signerSchema,
  plan: packPlanSchema,
  draw: packDrawSchema,
  /** The population frame (its SHA-256 is the frame hash) and each member's stratum. */
  frame: z.strictObject({ references: bagFile, strata: bagFile }),
  cases: z.array(packCaseSchema),
  /** The signed checkpoint of the head the excerpts come from, and the content-free chain up to it. */
  audit: z.strictObject({ checkpoint: bagFile, checkpointSignature: bagFile, chain: bagFile, headSeq: z.number().int().min(0), headHash: sha256Hex }),
  note: text.optional(),
});

export type AuditPackDocument = z.infer<typeof auditPackDocumentSchema>;
export type PackCase = z.infer<typeof packCaseSchema>;
export type PackPlan = z.infer<typeof packPlanSchema>;
export type PackDraw = z.infer<typeof packDrawSchema>;
