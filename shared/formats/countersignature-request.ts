// A countersignature request (docs/decisions.md, Four eyes): what a reviewer seals to a colleague
// with a decision that needs four eyes, so the colleague's Counterseal can show it read-only. It
// names the decision by id and by the SHA-256 of its signed bytes (which travel beside it in the
// bundle with their signature), and carries what the colleague needs to judge it: the request
// document as received, and the review as the deciding store shows it (checklist answers with
// their notes, findings, requested and granted scope, clocks), without the office's other cases.
// Not signed itself: the bag's signature by the requesting reviewer covers it.
import { z } from "zod";
import { reviewView } from "../api/review.js";
import { dateTime, identifier, sha256Hex, signerSchema } from "./document-fields.js";

export const COUNTERSIGNATURE_REQUEST_SCHEMA = "counterseal.countersignature-request/1";

/** The review as getReview answers it, less `related` (other cases of the deciding office stay there). */
export const countersignReviewSchema = reviewView.omit({ related: true });

export const countersignatureRequestDocumentSchema = z.strictObject({
  schema: z.literal(COUNTERSIGNATURE_REQUEST_SCHEMA),
  decision: z.strictObject({ id: identifier, digest: sha256Hex }),
  /** The reviewer who decided and asks: their key signs the bag and the decision. */
  requestedBy: signerSchema,
  requestedAt: dateTime,
  /** The request revision decided, with its document exactly as the deciding store holds it. */
  request: z.strictObject({ authority: z.string().min(1), id: identifier, revision: z.number().int().min(1), document: z.unknown() }),
  review: countersignReviewSchema,
});

export type CountersignatureRequestDocument = z.infer<typeof countersignatureRequestDocumentSchema>;
export type CountersignReview = z.infer<typeof countersignReviewSchema>;
