// What the retention rule says may go: each case whose latest revision has a final decision of an
// outcome the rule gives days for, with the day it may be deleted from. A decision that is not
// final (awaiting a countersignature) starts no period; a case with a newer, undecided revision is
// still open. Deletion is the evidence store's real deletion (`deleteCase`), case by case, each
// leaving its content-free audit rows.
import { DAY_MS } from "../../../shared/review/instants.js";
import type { DecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { listDecisions } from "../decisions/decision-views.js";
import { deleteCase } from "../requests/evidence-service.js";
import type { Session } from "../session/session.js";
import { getRetentionSettings } from "../settings/retention-settings.js";

export interface RetentionEntry {
  authority: string;
  id: string;
  revision: number;
  decisionId: string;
  outcome: DecisionOutcome;
  decidedAt: string;
  /** The instant from which the rule lets the case be deleted. */
  deleteFrom: string;
  due: boolean;
}

/** Every case under the rule, soonest first; with `dueOnly`, those whose day has come. */
export function listRetention(session: Session, options: { dueOnly: boolean }): RetentionEntry[] {
  const rule = getRetentionSettings(session);
  const now = session.runtime.clock.now().getTime();
  const entries: RetentionEntry[] = [];
  for (const decision of listDecisions(session)) {
    const days = rule[decision.outcome];
    if (days === undefined || decision.supersededBy !== null || decision.status !== "final") continue;
    const latest = session.store.requests.getRequest(decision.request.authority, decision.request.id);
    if (latest?.revision !== decision.request.revision) continue;
    const deleteFrom = Date.parse(decision.decidedAt) + days * DAY_MS;
    entries.push({
      ...decision.request,
      decisionId: decision.id,
      outcome: decision.outcome,
      decidedAt: decision.decidedAt,
      deleteFrom: new Date(deleteFrom).toISOString(),
      due: deleteFrom <= now,
    });
  }
  return entries.filter((entry) => !options.dueOnly || entry.due).sort((a, b) => a.deleteFrom.localeCompare(b.deleteFrom));
}

/** Deletes every case that is due, one transaction per case; answers what went. */
export function deleteDueCases(session: Session): RetentionEntry[] {
  const due = listRetention(session, { dueOnly: true });
  for (const entry of due) deleteCase(session, { authority: entry.authority, id: entry.id });
  return due;
}
