// Four eyes between two stores, on the colleague's side: the countersignature requests this store
// received (a colleague's decision with the review it rests on, read-only) and the answer given.
// `listCountersignRequests` is what `counterseal countersign list --json` prints;
// `getCountersignRequest` is `counterseal countersign show ID --json`.
import { z } from "zod";
import { countersignReviewSchema } from "../formats/countersignature-request.js";
import { decisionDocumentSchema } from "../formats/decision.js";
import { COUNTERSIGNATURE_VERDICTS } from "../vocabulary/countersignature-verdicts.js";
import { DECISION_OUTCOMES } from "../vocabulary/decision-outcomes.js";
import { method, none } from "./method.js";

export const countersignRequestSummary = z.strictObject({
  /** The colleague's decision: its id is this request's id here. */
  decisionId: z.string(),
  /** SHA-256 of the decision's signed bytes: what a countersignature names. */
  decisionSha256: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  request: z.strictObject({ authority: z.string(), id: z.string(), revision: z.number().int() }),
  /** The keyring entry (of kind reviewer) whose key signed the bundle and the decision. */
  from: z.strictObject({ entry: z.string(), name: z.string(), keyId: z.string() }),
  requestedAt: z.string(),
  receivedAt: z.string(),
  /** This store's countersignature of it, once signed or declined; null while it waits. */
  answer: z.strictObject({ id: z.string(), verdict: z.enum(COUNTERSIGNATURE_VERDICTS), sha256: z.string(), at: z.string() }).nullable(),
});

/**
 * The decision's signature checked again as the view is read: its stored bytes against the
 * signature that came with them and the colleague's key in this store's keyring, and the SHA-256
 * of those bytes against the one the request names. `problem` says what failed, null when it holds.
 */
export const decisionSignatureCheck = z.strictObject({
  verified: z.boolean(),
  keyId: z.string(),
  trustedComment: z.string().nullable(),
  problem: z.string().nullable(),
});

export const countersignRequestView = countersignRequestSummary.extend({
  /** The decision as signed (its bytes verified against the colleague's key at import). */
  decision: decisionDocumentSchema,
  signature: decisionSignatureCheck,
  /** The request document the decision is about, as the colleague's store holds it. */
  requestDocument: z.unknown(),
  review: countersignReviewSchema,
});

/** A bundle written where the reviewer chose (the file door's save dialog), or nothing when they cancelled. */
export const bundleSaved = z.discriminatedUnion("saved", [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), name: z.string(), decisionId: z.string(), sealedTo: z.string(), sha256: z.string() }),
]);

/** A countersignature request this store sealed for one of its decisions, from the audit log's `countersignature.requested` rows. */
export const countersignRequestSent = z.strictObject({
  /** The reviewer entry sealed to, its name as the keyring holds it now, and the key sealed to. */
  to: z.string(),
  name: z.string(),
  toKeyId: z.string(),
  at: z.string(),
  /** SHA-256 of the sealed bundle written. */
  sealedSha256: z.string(),
});

export const countersignMethods = {
  listCountersignRequests: method(none, z.array(countersignRequestSummary)),
  getCountersignRequest: method(z.strictObject({ decisionId: z.string().min(1) }), countersignRequestView),
  /** The decision page's "request sent": every countersignature request sealed for the decision, oldest first. */
  listCountersignRequestsSent: method(z.strictObject({ decisionId: z.string().min(1) }), z.array(countersignRequestSent)),
  /** `counterseal countersign request`: seals a decision awaiting its countersignature to a reviewer entry; `sha256` is the decision's. */
  requestCountersignature: method(z.strictObject({ decisionId: z.string().min(1), to: z.string().min(1) }), bundleSaved),
  /** `counterseal countersign sign | decline`: answers a request received and seals it back; `sha256` is the countersignature's. */
  answerCountersignRequest: method(
    z.strictObject({ decisionId: z.string().min(1), verdict: z.enum(COUNTERSIGNATURE_VERDICTS), reasons: z.string().optional(), id: z.string().min(1).optional() }),
    bundleSaved,
  ),
} as const;

export type CountersignRequestSummary = z.output<typeof countersignRequestSummary>;
export type CountersignRequestView = z.output<typeof countersignRequestView>;
export type CountersignRequestSent = z.output<typeof countersignRequestSent>;
export type DecisionSignatureCheck = z.output<typeof decisionSignatureCheck>;
export type BundleSaved = z.output<typeof bundleSaved>;
