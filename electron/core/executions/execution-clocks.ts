// Each authorisation still waiting for its execution record as one of the store's clocks
// (`counterseal clocks`, the app's deadlines): kind `execution-report`, due when the provider's
// deadline (Reg. 2023/1543 Art 10, the Second Additional Protocol's 30 days) ends, overdue once
// it has passed with no record. A request without a provider deadline runs no such clock.
import type { RequestStoreClock } from "../../../shared/api/review.js";
import { parseRequestDocument } from "../../../shared/formats/request.js";
import { clocksFor, DUE_SOON_MS } from "../../../shared/review/clocks.js";
import type { ClockState } from "../../../shared/vocabulary/clock-kinds.js";
import { decisionSummaryOf } from "../decisions/decision-views.js";
import type { Session } from "../session/session.js";
import { getReviewSettings } from "../settings/review-settings.js";

const stateAt = (dueMs: number, nowMs: number): ClockState => (nowMs >= dueMs ? "overdue" : dueMs - nowMs <= DUE_SOON_MS ? "due-soon" : "running");

/** Every authorisation's clock, or only one request revision's (its page asks for its own). */
export function openExecutionClocks(session: Session, only?: { authority: string; id: string; revision: number }): RequestStoreClock[] {
  const now = session.runtime.clock.now();
  const { timeZone } = getReviewSettings(session);
  const out: RequestStoreClock[] = [];
  const waitingList = only === undefined ? session.store.executions.awaitingExecution() : session.store.executions.awaitingExecutionOf(only.authority, only.id, only.revision);
  for (const waiting of waitingList) {
    const decision = session.store.decisions.getDecision(waiting.decisionId);
    if (decision === undefined || decisionSummaryOf(session, decision).status !== "final") continue;
    const parsed = parseRequestDocument(JSON.parse(waiting.document) as unknown);
    if (!parsed.ok) continue;
    let provider;
    try {
      provider = clocksFor(parsed.value, { now, timeZone }).find((clock) => clock.kind === "provider-deadline");
    } catch {
      continue; // a working-day clock outside the holiday list's years: the review shows that fault
    }
    if (provider === undefined) continue;
    const dueMs = Date.parse(provider.due);
    out.push({
      authority: waiting.authority,
      id: waiting.id,
      revision: waiting.revision,
      kind: "execution-report",
      due: provider.due,
      state: stateAt(dueMs, now.getTime()),
      source: `${provider.source}; the office's execution record (counterseal execution record)`,
      description: `Decision ${waiting.decisionId} authorised the request; no execution is recorded, and the provider's deadline ${dueMs <= now.getTime() ? "has passed" : "ends then"}.`,
    });
  }
  return out;
}
