// The review of one request revision: its checklist, findings, clocks, intrusion, related
// requests and the scope the reviewer grants. The shape `getReview` answers is the one
// `counterseal review REF --json` prints (a contract: scripts read these field names).
import { z } from "zod";
import { CHECKLIST_ANSWERS } from "../vocabulary/checklist-answers.js";
import { CHECKLIST_AREAS } from "../vocabulary/checklist-areas.js";
import { CASE_STATES } from "../vocabulary/case-states.js";
import { CLOCK_KINDS, CLOCK_STATES } from "../vocabulary/clock-kinds.js";
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";
import { TARGET_KINDS } from "../vocabulary/targets.js";
import { grantedScopeSchema, scopeConditionSchema, scopePeriodSchema } from "../review/scope-schema.js";
import { method, none } from "./method.js";

/** A request revision: reviews always name the exact revision they are about. */
export const reviewRef = z.strictObject({ authority: z.string().min(1), id: z.string().min(1), revision: z.number().int().min(1) });

export const FINDING_STATUSES = ["open", "accepted", "overridden"] as const;

export const reviewFinding = z.strictObject({
  rule: z.string(),
  reason: z.string(),
  source: z.string(),
  severity: z.enum(["warning", "finding"]),
  /** open until the reviewer accepts it or overrides it with a note. */
  status: z.enum(FINDING_STATUSES),
  note: z.string().nullable(),
});

/** Where an answer's support is: a page of an attachment, or a field of the request document. */
export const evidenceRef = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("attachment"), path: z.string().min(1), page: z.number().int().min(1).optional() }),
  z.strictObject({ kind: z.literal("field"), path: z.string().min(1) }),
]);

export const reviewItem = z.strictObject({
  id: z.string(),
  area: z.enum(CHECKLIST_AREAS),
  question: z.string(),
  guidance: z.string(),
  sources: z.array(z.strictObject({ citation: z.string(), note: z.string().optional() })),
  blocking: z.boolean(),
  /** false: not a question for this request; `notApplicableReason` says why. */
  applies: z.boolean(),
  notApplicableReason: z.string().nullable(),
  answer: z.enum(CHECKLIST_ANSWERS).nullable(),
  note: z.string().nullable(),
  evidence: z.array(evidenceRef),
  findings: z.array(reviewFinding),
  /** On a later revision: the answer given to this item in the revision reviewed before, until confirmed. */
  carriedOver: z.strictObject({ revision: z.number().int(), answer: z.enum(CHECKLIST_ANSWERS), note: z.string().nullable() }).nullable(),
});

export const reviewClock = z.strictObject({
  kind: z.enum(CLOCK_KINDS),
  due: z.string(),
  state: z.enum(CLOCK_STATES),
  source: z.string(),
  description: z.string(),
});

export const independenceDeclaration = z.strictObject({
  conflict: z.boolean(),
  note: z.string().nullable(),
  declaredAt: z.string(),
  reviewerKeyId: z.string(),
});

export const intrusionView = z.strictObject({
  categories: z.array(z.enum(DATA_CATEGORIES)),
  mostIntrusive: z.enum(DATA_CATEGORIES),
  identifiers: z.number().int(),
  periodDays: z.number().int().nullable(),
  reach: z.number().nullable(),
  maxPenaltyMonths: z.number().int().nullable(),
  summary: z.string(),
});

/** Another stored request naming one of this request's identifiers (cumulative intrusion). */
export const relatedRequest = z.strictObject({
  authority: z.string(),
  id: z.string(),
  revision: z.number().int(),
  instrument: z.string(),
  state: z.enum(CASE_STATES),
  /** The decision's outcome once there is one; null before. */
  outcome: z.string().nullable(),
  identifier: z.strictObject({ kind: z.enum(TARGET_KINDS), value: z.string() }),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  receivedAt: z.string(),
});

export const reviewView = z.strictObject({
  request: z.strictObject({ authority: z.string(), id: z.string(), revision: z.number().int() }),
  template: z.strictObject({ id: z.string(), version: z.string() }),
  state: z.enum(CASE_STATES),
  independence: independenceDeclaration.nullable(),
  items: z.array(reviewItem),
  clocks: z.array(reviewClock),
  requestedScope: grantedScopeSchema,
  grantedScope: grantedScopeSchema,
  intrusion: intrusionView,
  related: z.array(relatedRequest),
  /** Applicable items without an answer (or with an unconfirmed carried-over one): a decision cannot start until empty. */
  unanswered: z.array(z.string()),
  /** The revision this review's carried-over answers come from, and the document paths that changed since. */
  previousRevision: z.strictObject({ revision: z.number().int(), changedPaths: z.array(z.string()) }).nullable(),
});

export const scopeChange = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("strike-category"), category: z.enum(DATA_CATEGORIES) }),
  z.strictObject({ op: z.literal("strike-target"), kind: z.enum(TARGET_KINDS), value: z.string().min(1) }),
  z.strictObject({ op: z.literal("narrow-target"), kind: z.enum(TARGET_KINDS), value: z.string().min(1), restriction: z.string().min(1) }),
  z.strictObject({ op: z.literal("set-period"), period: scopePeriodSchema }),
  z.strictObject({ op: z.literal("set-retention"), days: z.number().int().min(0) }),
  z.strictObject({ op: z.literal("add-condition"), condition: scopeConditionSchema }),
  z.strictObject({ op: z.literal("remove-condition"), index: z.number().int().min(0) }),
]);

/** One open clock of the store, for the inbox and `counterseal clocks --json` (soonest first). */
export const requestStoreClock = reviewClock.extend({ authority: z.string(), id: z.string(), revision: z.number().int() });
/** A grievance's response deadline (the office's period from its receipt), named by the grievance's id. */
export const grievanceStoreClock = reviewClock.extend({ kind: z.literal("grievance-response"), grievance: z.string() });
export const storeClock = z.union([requestStoreClock, grievanceStoreClock]);

const note = z.string().trim().min(1, "the note is empty");

export const reviewMethods = {
  getReview: method(reviewRef, reviewView),
  declareIndependence: method(reviewRef.extend({ conflict: z.boolean(), note: z.string().trim().min(1).optional() }), reviewView),
  setAnswer: method(
    reviewRef.extend({ item: z.string().min(1), answer: z.enum(CHECKLIST_ANSWERS), note: z.string().optional(), evidence: z.array(evidenceRef).optional() }),
    reviewView,
  ),
  /** Confirms carried-over answers from the previous revision's review, item by item. */
  confirmCarriedOver: method(reviewRef.extend({ items: z.array(z.string().min(1)).min(1) }), reviewView),
  reviewFinding: method(reviewRef.extend({ rule: z.string().min(1), status: z.enum(["accepted", "overridden"]), note }), reviewView),
  changeScope: method(reviewRef.extend({ change: scopeChange }), reviewView),
  listClocks: method(none, z.array(storeClock)),
} as const;

export type ReviewRef = z.output<typeof reviewRef>;
export type ReviewView = z.output<typeof reviewView>;
export type ReviewItem = z.output<typeof reviewItem>;
export type ReviewFinding = z.output<typeof reviewFinding>;
export type ReviewClock = z.output<typeof reviewClock>;
export type StoreClock = z.output<typeof storeClock>;
export type RequestStoreClock = z.output<typeof requestStoreClock>;
export type GrievanceStoreClock = z.output<typeof grievanceStoreClock>;
export type ScopeChangeArgs = z.output<typeof scopeChange>;
export type EvidenceRef = z.output<typeof evidenceRef>;
export type RelatedRequest = z.output<typeof relatedRequest>;
