// The decision document (docs/decisions.md): the office's signed word on one request revision.
// Strict like the request document. Beyond the shapes, the rules that tie fields together are
// checked here too, each issue naming the field at fault:
// - reasons for every checklist area unless the outcome is a plain `authorised`;
// - refusalGrounds exactly when `refused`, each an item answered not-met in the checklist;
// - grantedScope equal to requestedScope for `authorised`, different for
//   `authorised-with-modifications`, absent for `refused` and `returned`;
// - the checklist lists an item once, and a deferred item is not also answered;
// - the independence declaration is made before the decision, and a decision does not supersede itself.
import { z } from "zod";
import { CHECKLIST_ANSWERS } from "../vocabulary/checklist-answers.js";
import { CHECKLIST_AREAS, type ChecklistArea } from "../vocabulary/checklist-areas.js";
import { DECISION_OUTCOMES } from "../vocabulary/decision-outcomes.js";
import { DOCUMENT_SCHEMAS } from "../vocabulary/signed-document-kinds.js";
import { sameScope, scopeSchema } from "./decision-scope.js";
import { civilDate, dateTime, duplicatesIn, identifier, notBefore, requestReferenceSchema, signerSchema, text } from "./document-fields.js";

export const DECISION_SCHEMA = DOCUMENT_SCHEMAS.decision;

/** A checklist item id: L1…, N1…, M1… for the legality, necessity and minimisation checklists. */
export const CHECKLIST_ITEM_ID = /^[LNM][1-9][0-9]?$/;
const AREA_OF_PREFIX: Readonly<Record<string, ChecklistArea>> = { L: "legality", N: "necessity", M: "minimization" };

/** The checklist area an item id belongs to, by its letter. */
export const areaOfItem = (itemId: string): ChecklistArea | undefined => AREA_OF_PREFIX[itemId.charAt(0)];

const itemId = z.string().regex(CHECKLIST_ITEM_ID, "expected a checklist item id such as L1, N12 or M3");

export const checklistSummarySchema = z
  .strictObject({
    templateId: text,
    templateVersion: text,
    items: z.array(z.strictObject({ id: itemId, answer: z.enum(CHECKLIST_ANSWERS) })).min(1),
    /** Open items the decision was made without, each with the reviewer's reason. */
    deferredItems: z.array(z.strictObject({ id: itemId, reason: text })).optional(),
    /** Findings of the rules engine the reviewer overrode, with why. */
    overriddenFindings: z.array(z.strictObject({ ruleId: text, itemId, finding: text, note: text })),
  })
  .superRefine((summary, ctx) => {
    duplicatesIn(
      summary.items.map((item) => item.id),
      ctx,
      ["items"],
      "the checklist's items",
    );
    const answered = new Set(summary.items.map((item) => item.id));
    (summary.deferredItems ?? []).forEach((item, index) => {
      if (answered.has(item.id)) ctx.addIssue({ code: "custom", path: ["deferredItems", index, "id"], message: `${item.id} is answered in items; an item is either answered or deferred` });
    });
  });
export type ChecklistSummary = z.infer<typeof checklistSummarySchema>;

const reasonsSchema = z.strictObject(Object.fromEntries(CHECKLIST_AREAS.map((area) => [area, text.optional()])) as Record<ChecklistArea, z.ZodOptional<typeof text>>);

export const decisionDocumentSchema = z
  .strictObject({
    schema: z.literal(DECISION_SCHEMA),
    id: identifier,
    request: requestReferenceSchema,
    outcome: z.enum(DECISION_OUTCOMES),
    requestedScope: scopeSchema,
    grantedScope: scopeSchema.optional(),
    reasons: reasonsSchema,
    refusalGrounds: z.array(itemId).min(1).optional(),
    checklist: checklistSummarySchema,
    independence: z.strictObject({ declared: z.literal(true), statement: text, declaredAt: dateTime }),
    reviewer: signerSchema,
    decidedAt: dateTime,
    reassessBy: civilDate.optional(),
    notifyBy: civilDate.optional(),
    supersedes: identifier.optional(),
    countersignaturesRequired: z.boolean(),
  })
  .superRefine((decision, ctx) => {
    const issue = (path: PropertyKey[], message: string): void => ctx.addIssue({ code: "custom", path, message });
    const { outcome } = decision;

    if (outcome !== "authorised") {
      for (const area of CHECKLIST_AREAS) if (decision.reasons[area] === undefined) issue(["reasons", area], `a reason is required for every checklist area when the outcome is ${outcome}`);
    }

    if (outcome === "refused") {
      if (decision.refusalGrounds === undefined) issue(["refusalGrounds"], "a refusal names at least one ground (a checklist item id)");
      else {
        duplicatesIn(decision.refusalGrounds, ctx, ["refusalGrounds"], "refusalGrounds");
        const notMet = new Set(decision.checklist.items.filter((item) => item.answer === "not-met").map((item) => item.id));
        decision.refusalGrounds.forEach((ground, index) => {
          if (!notMet.has(ground)) issue(["refusalGrounds", index], `${ground} is not answered not-met in checklist.items; a refusal ground is a not-met item`);
        });
      }
    } else if (decision.refusalGrounds !== undefined) issue(["refusalGrounds"], `only a refused decision has refusal grounds, not one that is ${outcome}`);

    const granted = decision.grantedScope;
    if (outcome === "authorised" || outcome === "authorised-with-modifications") {
      if (granted === undefined) issue(["grantedScope"], `an ${outcome} decision states the granted scope`);
      else if (outcome === "authorised" && !sameScope(granted, decision.requestedScope))
        issue(["grantedScope"], "differs from requestedScope; a decision that grants less or adds conditions is authorised-with-modifications");
      else if (outcome === "authorised-with-modifications" && sameScope(granted, decision.requestedScope))
        issue(["grantedScope"], "equals requestedScope; a decision that grants all that was asked is authorised");
    } else if (granted !== undefined) issue(["grantedScope"], `a ${outcome} decision grants nothing, so it has no grantedScope`);

    if (!notBefore(decision.decidedAt, decision.independence.declaredAt)) issue(["independence", "declaredAt"], "the independence declaration must be made before the decision (decidedAt)");
    if (decision.supersedes === decision.id) issue(["supersedes"], "a decision cannot supersede itself");
  });

export type DecisionDocument = z.infer<typeof decisionDocumentSchema>;
