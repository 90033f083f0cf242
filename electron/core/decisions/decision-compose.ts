// The decision document composed from a review, refusing whatever the review does not support:
// no independence declaration (or a declared conflict), open items neither answered nor deferred
// with a reason, an outcome that does not match the granted scope, missing reasons, a refusal
// without a not-met item. Each refusal is a CoreError naming the items, areas or fields at fault.
import type { DecideArgs } from "../../../shared/api/decisions.js";
import type { ReviewView } from "../../../shared/api/review.js";
import { DECISION_SCHEMA, type ChecklistSummary, type DecisionDocument } from "../../../shared/formats/decision.js";
import { normalisedScope, type Scope } from "../../../shared/formats/decision-scope.js";
import type { Signer } from "../../../shared/formats/document-fields.js";
import type { GrantedScope } from "../../../shared/review/scope-schema.js";
import { CHECKLIST_AREAS, type ChecklistArea } from "../../../shared/vocabulary/checklist-areas.js";
import { IndependenceRequiredError } from "../review/review-errors.js";
import { needsCountersignature, type CountersignSettings } from "../settings/countersign-settings.js";
import { DecisionInvalidError, DecisionReasonsRequiredError, ReviewIncompleteError } from "./decision-errors.js";

/** What the reviewer declares by deciding: the declaration the review recorded, in words. */
export const INDEPENDENCE_STATEMENT = "I declare that I have no conflict of interest in this request and that I reviewed it independently of the authority that issued it.";

export interface DecisionFacts {
  view: ReviewView;
  /** The digest of the bundle the review is about. */
  bundleDigest: string;
  args: DecideArgs;
  decisionId: string;
  signer: Signer;
  now: Date;
  countersign: CountersignSettings;
}

/** The review's scope in the decision document's field names. */
export function asDecisionScope(scope: GrantedScope): Scope {
  const { categories, ...rest } = scope;
  return { dataCategories: [...categories], ...rest };
}

export function composeDecision(facts: DecisionFacts): DecisionDocument {
  const { view, args } = facts;
  const independence = independenceOf(view, facts.signer);
  const deferredItems = deferredItemsOf(view, args.deferred ?? []);
  const requested = asDecisionScope(view.requestedScope);
  const granted = grantedScopeFor(args.outcome, requested, asDecisionScope(view.grantedScope));
  const reasons = reasonsFor(args);
  const refusalGrounds = args.outcome === "refused" ? refusalGroundsOf(view) : undefined;
  const dates = granted === undefined ? {} : conditionDates(granted);
  return {
    schema: DECISION_SCHEMA,
    id: facts.decisionId,
    request: { authority: view.request.authority, id: view.request.id, revision: view.request.revision, bundleDigest: facts.bundleDigest },
    outcome: args.outcome,
    requestedScope: requested,
    ...(granted !== undefined && { grantedScope: granted }),
    reasons,
    ...(refusalGrounds !== undefined && { refusalGrounds }),
    checklist: checklistOf(view, deferredItems),
    independence,
    reviewer: facts.signer,
    decidedAt: facts.now.toISOString(),
    ...dates,
    ...(args.supersedes !== undefined && { supersedes: args.supersedes }),
    countersignaturesRequired: needsCountersignature(facts.countersign, args.outcome, granted?.dataCategories ?? []),
  };
}

function independenceOf(view: ReviewView, signer: Signer): DecisionDocument["independence"] {
  const declared = view.independence;
  const ref = `${view.request.authority}/${view.request.id}/${view.request.revision}`;
  if (declared === null) throw new IndependenceRequiredError(`declare your independence for ${ref} before deciding it`);
  if (declared.conflict) throw new IndependenceRequiredError(`you declared a conflict of interest for ${ref} (${declared.note ?? "no note"}); a reviewer without one must decide it`);
  if (declared.reviewerKeyId !== signer.keyId) {
    throw new IndependenceRequiredError(`the independence declaration for ${ref} was made by key ${declared.reviewerKeyId}, not by the signing reviewer's key ${signer.keyId}; declare it again`);
  }
  return { declared: true, statement: INDEPENDENCE_STATEMENT, declaredAt: declared.declaredAt };
}

/** Each open item needs an answer or a deferral with a reason; only open items can be deferred. */
function deferredItemsOf(view: ReviewView, deferred: NonNullable<DecideArgs["deferred"]>): NonNullable<ChecklistSummary["deferredItems"]> {
  const open = new Set(view.unanswered);
  const faults = deferred.flatMap(({ item, reason }) => {
    if (!open.has(item)) {
      const known = view.items.find((candidate) => candidate.id === item);
      const why = known === undefined ? "is not an item of this review" : !known.applies ? "does not apply to this request" : `is answered (${known.answer ?? "?"})`;
      return [`--defer ${item}: it ${why}; only an open item can be deferred`];
    }
    return reason.trim() === "" ? [`--defer ${item}: give the reason the decision is made without it`] : [];
  });
  const seen = deferred.map((each) => each.item).filter((item, index, all) => all.indexOf(item) !== index);
  if (seen.length > 0) faults.push(`--defer ${seen.join(", ")}: deferred twice`);
  if (faults.length > 0) throw new DecisionInvalidError(faults.join("; "));
  const deferredIds = new Set(deferred.map((each) => each.item));
  const missing = view.unanswered.filter((item) => !deferredIds.has(item));
  if (missing.length > 0) {
    throw new ReviewIncompleteError(`the review is not complete: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} neither answered nor deferred with a reason (--defer ITEM=REASON)`, missing);
  }
  return deferred.map(({ item, reason }) => ({ id: item, reason: reason.trim() }));
}

function grantedScopeFor(outcome: DecideArgs["outcome"], requested: Scope, granted: Scope): Scope | undefined {
  if (outcome === "refused" || outcome === "returned") return undefined;
  const differences = scopeDifferences(requested, granted);
  if (outcome === "authorised" && differences.length > 0) {
    throw new DecisionInvalidError(`the outcome authorised grants exactly what was requested, but the granted scope differs in ${differences.join(", ")}: the outcome is authorised-with-modifications`);
  }
  if (outcome === "authorised-with-modifications" && differences.length === 0) {
    throw new DecisionInvalidError("the granted scope equals the requested one, so nothing was modified: the outcome is authorised (or narrow the scope in the review first)");
  }
  return granted;
}

/** The scope's fields in which the grant differs from the request. */
function scopeDifferences(requested: Scope, granted: Scope): string[] {
  const fields = ["dataCategories", "targets", "period", "retentionDays", "conditions"] as const;
  const a = JSON.parse(normalisedScope(requested)) as Record<string, unknown>;
  const b = JSON.parse(normalisedScope(granted)) as Record<string, unknown>;
  return fields.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}

function reasonsFor(args: DecideArgs): DecisionDocument["reasons"] {
  const reasons: DecisionDocument["reasons"] = {};
  for (const area of CHECKLIST_AREAS) {
    const text = args.reasons[area]?.trim();
    if (text !== undefined && text !== "") reasons[area] = text;
  }
  if (args.outcome === "authorised") return reasons;
  const missing: ChecklistArea[] = CHECKLIST_AREAS.filter((area) => reasons[area] === undefined);
  if (missing.length > 0) {
    throw new DecisionReasonsRequiredError(
      `the outcome ${args.outcome} needs a reason for every checklist area; missing: ${missing.join(", ")} (--reason AREA=TEXT; draftReasons offers a draft from the not-met items and accepted findings)`,
      missing,
    );
  }
  return reasons;
}

function refusalGroundsOf(view: ReviewView): string[] {
  const notMet = view.items.filter((item) => item.applies && item.answer === "not-met").map((item) => item.id);
  if (notMet.length === 0) throw new DecisionInvalidError("a refusal rests on checklist items answered not-met, and no item of this review is; answer the items the refusal rests on not-met first");
  return notMet;
}

function checklistOf(view: ReviewView, deferredItems: NonNullable<ChecklistSummary["deferredItems"]>): ChecklistSummary {
  const answered = view.items.flatMap((item) => (item.applies && item.answer !== null ? [{ id: item.id, answer: item.answer }] : []));
  const overriddenFindings = view.items.flatMap((item) =>
    item.findings.flatMap((finding) => (finding.status === "overridden" ? [{ ruleId: finding.rule, itemId: item.id, finding: finding.reason, note: finding.note ?? "" }] : [])),
  );
  return {
    templateId: view.template.id,
    templateVersion: view.template.version,
    items: answered,
    ...(deferredItems.length > 0 && { deferredItems }),
    overriddenFindings,
  };
}

/** The grant's earliest reassess-by and notify-person-by dates, when its conditions set them. */
function conditionDates(granted: Scope): { reassessBy?: string; notifyBy?: string } {
  const earliest = (kind: "reassess-by" | "notify-person-by"): string | undefined =>
    granted.conditions
      .flatMap((condition) => (condition.kind === kind ? [condition.date] : []))
      .sort()
      .at(0);
  const reassessBy = earliest("reassess-by");
  const notifyBy = earliest("notify-person-by");
  return { ...(reassessBy !== undefined && { reassessBy }), ...(notifyBy !== undefined && { notifyBy }) };
}
