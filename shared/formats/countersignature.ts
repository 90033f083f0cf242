// A countersignature (docs/decisions.md): a second reviewer's signed answer to a decision that
// needs four eyes. It names the decision by id and by the SHA-256 of its signed bytes, so it
// vouches for exactly one text of it. A decline says why; a signature may say nothing more.
import { z } from "zod";
import { COUNTERSIGNATURE_VERDICTS } from "../vocabulary/countersignature-verdicts.js";
import { DOCUMENT_SCHEMAS } from "../vocabulary/signed-document-kinds.js";
import { dateTime, identifier, sha256Hex, signerSchema, text } from "./document-fields.js";

export const COUNTERSIGNATURE_SCHEMA = DOCUMENT_SCHEMAS.countersignature;

export const countersignatureDocumentSchema = z
  .strictObject({
    schema: z.literal(COUNTERSIGNATURE_SCHEMA),
    id: identifier,
    decision: z.strictObject({ id: identifier, digest: sha256Hex }),
    reviewer: signerSchema,
    verdict: z.enum(COUNTERSIGNATURE_VERDICTS),
    reasons: text.optional(),
    at: dateTime,
  })
  .superRefine((countersignature, ctx) => {
    if (countersignature.verdict === "declined" && countersignature.reasons === undefined)
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "a declined countersignature gives its reasons" });
    if (countersignature.id === countersignature.decision.id) ctx.addIssue({ code: "custom", path: ["id"], message: "a countersignature has an id of its own, not the decision's" });
  });

export type CountersignatureDocument = z.infer<typeof countersignatureDocumentSchema>;
