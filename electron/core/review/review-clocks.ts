// The clocks of a request as the review shows them, over the session's injected clock and the
// office's time zone, and the store's open clocks, soonest first (`counterseal clocks`).
import type { ReviewClock, StoreClock } from "../../../shared/api/review.js";
import type { RequestDocument } from "../../../shared/formats/request.js";
import { clocksFor, type Clock } from "../../../shared/review/clocks.js";
import { openClocks } from "../../../shared/review/next-deadline.js";
import { grantedScopeSchema, type GrantedScope } from "../../../shared/review/scope-schema.js";
import { CASE_STATES, type CaseState } from "../../../shared/vocabulary/case-states.js";
import { isOneOf } from "../../../shared/vocabulary/is-one-of.js";
import { parseRequestDocument } from "../../../shared/formats/request.js";
import type { Session } from "../session/session.js";
import { openExecutionClocks } from "../executions/execution-clocks.js";
import { openGrievanceClocks } from "../grievances/grievance-clocks.js";
import { getReviewSettings } from "../settings/review-settings.js";
import type { NextDue } from "../store/index.js";

const isCaseState = isOneOf(CASE_STATES);

/** The earliest reassess-by date among the grant's conditions: the reviewer's own clock. */
export function reassessByOf(scope: GrantedScope | undefined): string | undefined {
  const dates = (scope?.conditions ?? []).flatMap((condition) => (condition.kind === "reassess-by" ? [condition.date] : []));
  return dates.sort()[0];
}

export function requestClocks(document: RequestDocument, scope: GrantedScope | undefined, now: Date, timeZone: string): Clock[] {
  const reassessBy = reassessByOf(scope);
  return clocksFor(document, { now, timeZone, ...(reassessBy === undefined ? {} : { reassessBy }) });
}

export const asReviewClock = (clock: Clock): ReviewClock => ({
  kind: clock.kind,
  due: clock.due,
  state: clock.state,
  source: clock.source,
  description: clock.description,
});

/** The soonest open clock to keep beside the request for the inbox. */
export function nextDueOf(document: RequestDocument, scope: GrantedScope | undefined, state: CaseState, now: Date, timeZone: string): NextDue | undefined {
  const next = openClocks(requestClocks(document, scope, now, timeZone), state)[0];
  return next === undefined ? undefined : { at: Date.parse(next.due), kind: next.kind };
}

/**
 * Every open clock of the store, soonest first: the grievances' response deadlines, the
 * authorisations awaiting their execution record (execution-clocks.ts) and the clocks
 * of every revision that runs one (then in the order they were listed). Only revisions whose stored next deadline is set are read: the rest run no clock.
 */
export function listStoreClocks(session: Session): StoreClock[] {
  const now = session.runtime.clock.now();
  const { timeZone } = getReviewSettings(session);
  const out: { clock: StoreClock; due: number; order: number }[] = [];
  for (const clock of openGrievanceClocks(session)) out.push({ clock, due: Date.parse(clock.due), order: out.length });
  for (const clock of openExecutionClocks(session)) out.push({ clock, due: Date.parse(clock.due), order: out.length });
  for (const row of session.store.review.clockedRequests()) {
    const parsed = parseRequestDocument(JSON.parse(row.document) as unknown);
    if (!parsed.ok) continue;
    const scope = row.grantedJson === null ? undefined : grantedScopeSchema.parse(JSON.parse(row.grantedJson));
    const state: CaseState = isCaseState(row.status) ? row.status : "received";
    for (const clock of openClocks(requestClocks(parsed.value, scope, now, timeZone), state)) {
      const entry = { authority: row.authorityId, id: row.documentId, revision: row.revision, ...asReviewClock(clock) };
      out.push({ clock: entry, due: Date.parse(clock.due), order: out.length });
    }
  }
  return out.sort((a, b) => a.due - b.due || a.order - b.order).map(({ clock }) => clock);
}
