// The office's signed response to a grievance (docs/decisions.md). It repeats what the grievance
// concerns and when it was received, so that the response can be read and verified alone.
// Remedies follow the outcome: a dismissal orders none, an upheld or partly upheld grievance at
// least one; a referral may order some.
import { z } from "zod";
import { GRIEVANCE_OUTCOMES } from "../vocabulary/grievance-outcomes.js";
import { GRIEVANCE_REMEDIES } from "../vocabulary/grievance-vocabulary.js";
import { DOCUMENT_SCHEMAS } from "../vocabulary/signed-document-kinds.js";
import { civilDate, dateTime, duplicatesIn, identifier, signerSchema, text } from "./document-fields.js";
import { complainantSchema, grievanceConcernSchema } from "./grievance.js";

export const GRIEVANCE_RESPONSE_SCHEMA = DOCUMENT_SCHEMAS["grievance-response"];

export const grievanceResponseDocumentSchema = z
  .strictObject({
    schema: z.literal(GRIEVANCE_RESPONSE_SCHEMA),
    id: identifier,
    grievance: z.strictObject({ id: identifier, received: civilDate, complainant: complainantSchema, concerns: grievanceConcernSchema }),
    outcome: z.enum(GRIEVANCE_OUTCOMES),
    remedies: z.array(z.enum(GRIEVANCE_REMEDIES)).superRefine((remedies, ctx) => duplicatesIn(remedies, ctx, [], "remedies")),
    reasons: text,
    reviewer: signerSchema,
    respondedAt: dateTime,
  })
  .superRefine((response, ctx) => {
    const issue = (message: string): void => ctx.addIssue({ code: "custom", path: ["remedies"], message });
    if (response.outcome === "dismissed" && response.remedies.length > 0) issue("a dismissed grievance orders no remedies");
    if ((response.outcome === "upheld" || response.outcome === "partly-upheld") && response.remedies.length === 0) issue(`a grievance that is ${response.outcome} orders at least one remedy`);
    if (response.remedies.includes("reassessment") && response.grievance.concerns.kind === "unknown")
      issue("a reassessment needs a decision or request to reassess; grievance.concerns is unknown");
    if (response.id === response.grievance.id) ctx.addIssue({ code: "custom", path: ["id"], message: "a response has an id of its own, not the grievance's" });
  });

export type GrievanceResponseDocument = z.infer<typeof grievanceResponseDocumentSchema>;
