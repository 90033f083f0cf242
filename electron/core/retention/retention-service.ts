// What the retention rule says may go: each case whose latest revision has a final decision of an
// outcome the rule gives days for, with the day it may be deleted from. A decision that is not
// final (awaiting a countersignature) starts no period; a case with a newer, undecided revision is
// still open. Deletion is the evidence store's real deletion (`deleteCase`), case by case, each
// leaving its content-free audit rows.
import { DAY_MS } from "../../../shared/review/instants.js";
import type { DecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { listDecisions } from "../decisions/decision-views.js";
import { deleteCase } from "../requests/evidence-service.js";
import { CoreError } from "../errors.js";
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

/** A case the reviewer confirmed for deletion is no longer due (or not under the rule at all). */
export class RetentionNotDueError extends CoreError {
  override readonly name = "RetentionNotDueError";
  override readonly code = "retention-not-due";
}

/**
 * Deletes exactly the cases the reviewer confirmed, in one transaction: each must still be due
 * now, or nothing is deleted (the screen they saw is out of date). Answers what went.
 */
export function deleteConfirmedCases(session: Session, cases: ReadonlyArray<{ authority: string; id: string }>): RetentionEntry[] {
  const due = new Map(listRetention(session, { dueOnly: true }).map((entry) => [caseKey(entry), entry]));
  const confirmed = [...new Map(cases.map((ref) => [caseKey(ref), ref])).keys()];
  const entries = confirmed.map((key) => {
    const entry = due.get(key);
    if (entry === undefined) throw new RetentionNotDueError(`${key} is no longer due for deletion under the retention rule (a newer revision, a superseded decision or a changed rule)`);
    return entry;
  });
  session.store.transaction(() => {
    for (const entry of entries) {
      const stored = session.store.requests.getRequest(entry.authority, entry.id);
      if (stored === undefined) throw new Error(`${caseKey(entry)} vanished inside its deletion`);
      session.store.requests.deleteCase(session.actor, stored.caseId);
    }
  });
  // Overwrites the freed pages' WAL copies once, after the one commit (deleteCase's own step).
  session.store.checkpoint();
  return entries;
}

const caseKey = (ref: { authority: string; id: string }): string => `${ref.authority}/${ref.id}`;

/** Deletes every case that is due, one transaction per case; answers what went. */
export function deleteDueCases(session: Session): RetentionEntry[] {
  const due = listRetention(session, { dueOnly: true });
  for (const entry of due) deleteCase(session, { authority: entry.authority, id: entry.id });
  return due;
}
