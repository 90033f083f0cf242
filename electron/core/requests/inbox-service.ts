// The inbox behind the app's list: one page of revisions, with the total for the scroll bar.
import type { InboxPage, InboxQuery } from "../../../shared/api/requests.js";
import { isClockKind } from "../../../shared/vocabulary/clock-kinds.js";
import { isDataCategory } from "../../../shared/vocabulary/data-categories.js";
import { isInstrument } from "../../../shared/vocabulary/instruments.js";
import { isUrgencyLevel } from "../../../shared/vocabulary/urgencies.js";
import type { Session } from "../session/session.js";
import { storedTerm } from "./stored-vocabulary.js";

/** `query` has been parsed against the API schema (enums, limits) by the dispatcher. */
export function queryInbox(session: Session, query: Required<Pick<InboxQuery, "offset" | "limit" | "sort">> & Pick<InboxQuery, "filter" | "search">): InboxPage {
  const { total, entries } = session.store.inbox.query({
    offset: query.offset,
    limit: query.limit,
    sort: query.sort,
    filter: query.filter ?? {},
    ...(query.search !== undefined && { search: query.search }),
  });
  return {
    total,
    rows: entries.map((entry) => ({
      authority: entry.authorityId,
      authorityName: entry.authorityName,
      country: entry.country,
      id: entry.documentId,
      revision: entry.revision,
      revisionCount: entry.revisionCount,
      instrument: storedTerm(isInstrument, entry.instrument, "instrument"),
      urgency: storedTerm(isUrgencyLevel, entry.urgencyLevel, "urgency level"),
      dataCategories: entry.dataCategories.map((category) => storedTerm(isDataCategory, category, "data category")),
      receivedAt: entry.receivedAt.toISOString(),
      submittedAt: entry.submittedAt.toISOString(),
      respondBy: entry.respondBy?.toISOString() ?? null,
      status: entry.status,
      nextDeadline: entry.nextDue === null ? null : { kind: storedTerm(isClockKind, entry.nextDue.kind, "clock kind"), due: entry.nextDue.at.toISOString() },
    })),
  };
}

