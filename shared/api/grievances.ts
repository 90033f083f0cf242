// The grievance register: complaints entered from a letter, their response deadlines, the cases
// they name (linked both ways), and the office's signed response. `listGrievances` is what
// `counterseal grievance list --json` prints, one object per line.
import { z } from "zod";
import { grievanceConcernSchema, complainantSchema } from "../formats/grievance.js";
import { CLOCK_STATES } from "../vocabulary/clock-kinds.js";
import { GRIEVANCE_OUTCOMES } from "../vocabulary/grievance-outcomes.js";
import { GRIEVANCE_GROUNDS, GRIEVANCE_REMEDIES } from "../vocabulary/grievance-vocabulary.js";
import { documentExported, exportDocumentArgs } from "./decisions.js";
import { method, none } from "./method.js";

export const GRIEVANCE_SOURCES = ["letter", "bundle"] as const;

export const grievanceResponseSummary = z.strictObject({
  id: z.string(),
  outcome: z.enum(GRIEVANCE_OUTCOMES),
  remedies: z.array(z.enum(GRIEVANCE_REMEDIES)),
  reasons: z.string(),
  respondedAt: z.string(),
  /** SHA-256 of the signed bytes, as the verification copy's trusted comment names it. */
  sha256: z.string(),
  reviewerKeyId: z.string(),
});

/** A grievance as entered from a letter: the document's fields but its schema line. */
export const grievanceEntry = z.strictObject({
  id: z.string(),
  complainant: complainantSchema,
  concerns: grievanceConcernSchema,
  grounds: z.array(z.enum(GRIEVANCE_GROUNDS)),
  statement: z.string(),
  remedySought: z.string(),
  received: z.string(),
});

/** A grievance of the register: what was entered, with its deadline, links and response. */
export const grievanceView = grievanceEntry.extend({
  source: z.enum(GRIEVANCE_SOURCES),
  /** The response deadline: the end of the last day of the office's response period. */
  respondBy: z.string(),
  /** The deadline's clock: met once the response is signed. */
  clock: z.enum(CLOCK_STATES),
  /** The stored case the grievance names, when the store has it. */
  linkedCase: z.strictObject({ authority: z.string(), id: z.string() }).nullable(),
  /** The keyring authority a sealed response goes to; null when only a verification copy can go. */
  replyTo: z.string().nullable(),
  /** Source `bundle`: the keyring entry and key that signed it; null for a letter. */
  signer: z.strictObject({ entry: z.string(), keyId: z.string() }).nullable(),
  response: grievanceResponseSummary.nullable(),
});

export const grievanceMethods = {
  listGrievances: method(none, z.array(grievanceView)),
  getGrievance: method(z.strictObject({ id: z.string().min(1) }), grievanceView),
  registerGrievance: method(z.strictObject({ grievance: grievanceEntry, replyTo: z.string().min(1).optional() }), grievanceView),
  respondToGrievance: method(
    z.strictObject({
      id: z.string().min(1),
      responseId: z.string().min(1).optional(),
      outcome: z.enum(GRIEVANCE_OUTCOMES),
      remedies: z.array(z.enum(GRIEVANCE_REMEDIES)),
      reasons: z.string(),
    }),
    grievanceView,
  ),
  /** The response's verification copy, and with `seal` its sealed reply; `id` is the grievance's. */
  exportGrievanceResponse: method(exportDocumentArgs, documentExported),
} as const;

export type GrievanceView = z.output<typeof grievanceView>;
export type GrievanceEntry = z.output<typeof grievanceEntry>;
export type GrievanceResponseArgs = z.output<(typeof grievanceMethods)["respondToGrievance"]["args"]>;
