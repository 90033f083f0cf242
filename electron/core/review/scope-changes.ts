// One change to the granted scope, through shared/review's narrowing operations: the grant can
// only shrink inside the request, and a refused operation's reason is the error's message.
import type { ScopeChangeArgs } from "../../../shared/api/review.js";
import type { AuditDetails } from "../../../shared/formats/audit.js";
import { addCondition, narrowTarget, requestedScope, setPeriod, setRetention, strikeCategory, strikeTarget, type GrantedScope, type ScopeEdit } from "../../../shared/review/scope.js";
import type { Session } from "../session/session.js";
import { getReviewSettings } from "../settings/review-settings.js";
import { nextDueOf } from "./review-clocks.js";
import { ScopeRefusedError } from "./review-errors.js";
import { grantedScopeOf } from "./review-view.js";
import type { ReviewTarget } from "./review-target.js";

function edit(requested: GrantedScope, scope: GrantedScope, change: ScopeChangeArgs): ScopeEdit {
  switch (change.op) {
    case "strike-category":
      return strikeCategory(scope, change.category);
    case "strike-target":
      return strikeTarget(scope, { kind: change.kind, value: change.value });
    case "narrow-target":
      return narrowTarget(scope, { kind: change.kind, value: change.value }, change.restriction);
    case "set-period":
      return setPeriod(requested, scope, change.period);
    case "set-retention":
      return setRetention(requested, scope, change.days);
    case "add-condition":
      return addCondition(scope, change.condition);
    case "remove-condition":
      if (change.index >= scope.conditions.length) return { ok: false, error: `there is no condition ${change.index}; the grant has ${scope.conditions.length}` };
      return { ok: true, scope: { ...scope, conditions: scope.conditions.filter((_, index) => index !== change.index) } };
  }
}

/** What the audit row says of the change: its operation and vocabulary words, never a value or a text. */
function auditDetailsOf(change: ScopeChangeArgs, before: GrantedScope): AuditDetails<"review.scope-changed"> {
  switch (change.op) {
    case "strike-category":
      return { op: change.op, category: change.category };
    case "strike-target":
    case "narrow-target":
      return { op: change.op, targetKind: change.kind };
    case "set-retention":
      return { op: change.op, retentionDays: change.days };
    case "add-condition":
      return { op: change.op, conditionKind: change.condition.kind };
    case "remove-condition": {
      const removed = before.conditions[change.index];
      return removed === undefined ? { op: change.op } : { op: change.op, conditionKind: removed.kind };
    }
    case "set-period":
      return { op: change.op };
  }
}

export function applyScopeChange(session: Session, target: ReviewTarget, reviewId: string, change: ScopeChangeArgs): void {
  const requested = requestedScope(target.document);
  const before = grantedScopeOf(session, target);
  const edited = edit(requested, before, change);
  if (!edited.ok) throw new ScopeRefusedError(edited.error);
  const { timeZone } = getReviewSettings(session);
  const nextDue = nextDueOf(target.document, edited.scope, target.state, session.runtime.clock.now(), timeZone);
  session.store.review.setGrantedScope(session.actor, reviewId, { grantedJson: JSON.stringify(edited.scope), nextDue, details: auditDetailsOf(change, before) });
}
