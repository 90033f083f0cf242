// A grievance (docs/decisions.md): a complaint about a request or a decision, entered by hand
// from a letter or imported as a sealed bundle. What it concerns may be unknown: a person who
// was never told cannot name the request.
import { z } from "zod";
import { COMPLAINANT_KINDS, GRIEVANCE_GROUNDS } from "../vocabulary/grievance-vocabulary.js";
import { DOCUMENT_SCHEMAS } from "../vocabulary/signed-document-kinds.js";
import { civilDate, duplicatesIn, identifier, text } from "./document-fields.js";

export const GRIEVANCE_SCHEMA = DOCUMENT_SCHEMAS.grievance;

export const grievanceConcernSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("request"), authority: text, id: identifier, revision: z.number().int().min(1).optional() }),
  z.strictObject({ kind: z.literal("decision"), decisionId: identifier }),
  z.strictObject({ kind: z.literal("unknown"), description: text.optional() }),
]);
export type GrievanceConcern = z.infer<typeof grievanceConcernSchema>;

export const complainantSchema = z.strictObject({
  kind: z.enum(COMPLAINANT_KINDS),
  name: text,
  /** A postal or e-mail address to answer to, as the complainant gave it. */
  contact: text.optional(),
});

export const grievanceDocumentSchema = z.strictObject({
  schema: z.literal(GRIEVANCE_SCHEMA),
  id: identifier,
  complainant: complainantSchema,
  concerns: grievanceConcernSchema,
  grounds: z
    .array(z.enum(GRIEVANCE_GROUNDS))
    .min(1)
    .superRefine((grounds, ctx) => duplicatesIn(grounds, ctx, [], "grounds")),
  /** The complaint in the complainant's words, or a summary of the letter. */
  statement: text,
  remedySought: text,
  received: civilDate,
});

export type GrievanceDocument = z.infer<typeof grievanceDocumentSchema>;
