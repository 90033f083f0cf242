// The decision screens' logic without a DOM: the outcome a review suggests, the arguments the
// form sends, when the preview is stale, whether a sealed reply can go, the list's order, and a
// signed decision's scope in the review's field names (so the same diff shows on both screens).
import type { DecideArgs, DecisionSummary } from "../../../../shared/api/decisions.js";
import type { KeyringEntry } from "../../../../shared/api/keyring.js";
import type { ReviewRef, ReviewView } from "../../../../shared/api/review.js";
import type { Scope } from "../../../../shared/formats/decision-scope.js";
import type { GrantedScope } from "../../../../shared/review/scope-schema.js";
import type { ChecklistArea } from "../../../../shared/vocabulary/checklist-areas.js";
import type { DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import { scopeChanges } from "../review/scope-model.js";
import { completeness } from "../review/review-model.js";

export interface DecisionForm {
  outcome: DecisionOutcome;
  reasons: Record<ChecklistArea, string>;
  /** A reason per open item the decision is made without. */
  deferrals: Readonly<Record<string, string>>;
  supersedes?: string | undefined;
}

/** What the review suggests: a plain authorisation when the grant is the request, else one with modifications. */
export function suggestedOutcome(view: ReviewView): DecisionOutcome {
  const changes = scopeChanges(view.requestedScope, view.grantedScope);
  return changes.ok && changes.changes.length === 0 ? "authorised" : "authorised-with-modifications";
}

/** Whether the review may go to the decision screen: declared, no finding or carried-over answer left open. Open items are deferred there. */
export function canStartDecision(view: ReviewView): boolean {
  const check = completeness(view);
  return check.independenceDeclared && check.openFindings.length === 0 && check.unconfirmed.length === 0 && view.state !== "superseded";
}

/** The decide (and preview) arguments: reasons and deferral reasons trimmed, empty reasons left out. */
export function decideArgsOf(ref: ReviewRef, form: DecisionForm, openItems: readonly string[]): DecideArgs {
  const reasons: DecideArgs["reasons"] = {};
  for (const [area, text] of Object.entries(form.reasons) as [ChecklistArea, string][]) if (text.trim() !== "") reasons[area] = text.trim();
  const deferred = openItems.map((item) => ({ item, reason: (form.deferrals[item] ?? "").trim() }));
  return {
    authority: ref.authority,
    id: ref.id,
    revision: ref.revision,
    outcome: form.outcome,
    reasons,
    ...(deferred.length > 0 && { deferred }),
    ...(form.supersedes !== undefined && { supersedes: form.supersedes }),
  };
}

/** A preview belongs to exactly the arguments it was made from; any edit makes it stale. */
export const previewKey = (args: DecideArgs): string => JSON.stringify(args);

/** Open items the form still needs a deferral reason for. */
export const missingDeferrals = (openItems: readonly string[], deferrals: Readonly<Record<string, string>>): string[] => openItems.filter((item) => (deferrals[item] ?? "").trim() === "");

/** Newest first; among decisions made at the same instant, by id. */
export const newestFirst = (decisions: readonly DecisionSummary[]): DecisionSummary[] =>
  [...decisions].sort((a, b) => Date.parse(b.decidedAt) - Date.parse(a.decidedAt) || a.id.localeCompare(b.id));

/** The decisions on one request (any revision), newest first. */
export const decisionsOfRequest = (decisions: readonly DecisionSummary[], authority: string, id: string): DecisionSummary[] =>
  newestFirst(decisions.filter((decision) => decision.request.authority === authority && decision.request.id === id));

/**
 * Whether the keyring holds a key of `authority` a reply can be sealed to now: with an age
 * recipient, not revoked, inside its validity. The core decides again when asked to seal.
 */
export function canSealTo(entries: readonly KeyringEntry[], authority: string, now: Date): boolean {
  const at = now.getTime();
  return entries.some(
    (entry) =>
      entry.authorityId === authority &&
      entry.ageRecipient !== null &&
      entry.revokedAt === null &&
      (entry.validFrom === null || Date.parse(entry.validFrom) <= at) &&
      (entry.validUntil === null || at < Date.parse(entry.validUntil)),
  );
}

/** A signed decision's scope in the review's names, for the same diff the review showed. */
export function asReviewScope(scope: Scope): GrantedScope {
  const { dataCategories, conditions, ...rest } = scope;
  return { categories: [...dataCategories], ...rest, conditions: conditions.map((condition) => ({ ...condition, text: condition.text ?? "" })) as GrantedScope["conditions"] };
}
