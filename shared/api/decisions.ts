// Deciding a reviewed request revision, and reading the decisions made. `listDecisions` is what
// `counterseal decisions --json` prints, one object per line; `decide` is `counterseal decide`.
import { z } from "zod";
import { decisionDocumentSchema } from "../formats/decision.js";
import { DECISION_OUTCOMES } from "../vocabulary/decision-outcomes.js";
import { COUNTERSIGNATURE_VERDICTS } from "../vocabulary/countersignature-verdicts.js";
import { method, none } from "./method.js";
import { reviewRef } from "./review.js";

/** Final, or not yet: a decision that needs four eyes is final only once countersigned. */
export const DECISION_STATUSES = ["final", "awaiting-countersignature", "countersignature-declined"] as const;

export const decisionReasons = z.strictObject({
  legality: z.string().optional(),
  necessity: z.string().optional(),
  minimization: z.string().optional(),
});

export const decisionSummary = z.strictObject({
  id: z.string(),
  request: z.strictObject({ authority: z.string(), id: z.string(), revision: z.number().int() }),
  outcome: z.enum(DECISION_OUTCOMES),
  decidedAt: z.string(),
  /** SHA-256 of the signed bytes, as the verification copy's trusted comment names it. */
  sha256: z.string(),
  reviewerKeyId: z.string(),
  status: z.enum(DECISION_STATUSES),
  countersignaturesRequired: z.boolean(),
  /** Checklist item ids answered not-met that a refusal rests on; empty for other outcomes. */
  refusalGrounds: z.array(z.string()),
  supersedes: z.string().nullable(),
  /** The newer decision on the same revision that replaced this one; null while it is current. */
  supersededBy: z.string().nullable(),
  /** The countersignatures that came back (countersignature bundles), oldest first; status counts those that name this text. */
  countersignatures: z.array(
    z.strictObject({
      id: z.string(),
      verdict: z.enum(COUNTERSIGNATURE_VERDICTS),
      reviewer: z.strictObject({ name: z.string(), office: z.string(), keyId: z.string() }),
      at: z.string(),
      /** SHA-256 of the countersignature's own signed bytes. */
      sha256: z.string(),
      reasons: z.string().optional(),
    }),
  ),
});

export const decisionView = decisionSummary.extend({ document: decisionDocumentSchema });

/** A draft reason per area, from the not-met items and the accepted findings, for the reviewer to edit. */
export const draftedReasons = z.strictObject({ legality: z.string(), necessity: z.string(), minimization: z.string() });

export const decideArgs = reviewRef.extend({
  outcome: z.enum(DECISION_OUTCOMES),
  reasons: decisionReasons,
  /** Open items decided without, each with the reviewer's reason. */
  deferred: z.array(z.strictObject({ item: z.string().min(1), reason: z.string() })).optional(),
  /** The current decision on this revision that the new one replaces. */
  supersedes: z.string().min(1).optional(),
  /** The decision's own id; by default `<authority>.<id>.r<revision>.D<n>`. */
  decisionId: z.string().min(1).optional(),
});

/** The decision screen's preview: the verification copy's PDF of the draft, nothing signed or stored. */
export const decisionPreview = z.strictObject({
  decisionId: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  /** The key that signing would use, named in the confirmation. */
  reviewerKeyId: z.string(),
  countersignaturesRequired: z.boolean(),
  /** SHA-256 of the draft's canonical bytes; signing later gives a new one (a new decidedAt). */
  sha256: z.string(),
  pdfBase64: z.string(),
});

/** A signed document's export: the folder the door chose and the files written, by name only. */
export const documentExported = z.discriminatedUnion("saved", [
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({
    saved: z.literal(true),
    /** The chosen folder's own name, never its path. */
    folder: z.string(),
    files: z.array(z.string()),
    sealedTo: z.string().nullable(),
    sha256: z.string(),
  }),
]);

/** Where a signed document goes: the verification copy, and with `seal` the sealed reply too. */
export const exportDocumentArgs = z.strictObject({ id: z.string().min(1), seal: z.boolean() });

export const decisionMethods = {
  listDecisions: method(none, z.array(decisionSummary)),
  getDecision: method(z.strictObject({ id: z.string().min(1) }), decisionView),
  decide: method(decideArgs, decisionView),
  draftReasons: method(reviewRef, draftedReasons),
  previewDecision: method(decideArgs, decisionPreview),
  /** The door asks where (main: a folder dialog) inside the call; the page names no path. */
  exportDecision: method(exportDocumentArgs, documentExported),
} as const;

export type DecisionSummary = z.output<typeof decisionSummary>;
export type DecisionView = z.output<typeof decisionView>;
export type DecideArgs = z.output<typeof decideArgs>;
export type DraftedReasons = z.output<typeof draftedReasons>;
export type DecisionPreview = z.output<typeof decisionPreview>;
export type DocumentExported = z.output<typeof documentExported>;
export type DecisionStatusName = (typeof DECISION_STATUSES)[number];
