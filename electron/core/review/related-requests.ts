// Cumulative intrusion: every other stored request naming one of this request's identifiers
// (any instrument, any authority), matched on the normalised identifier, with where it stands.
import type { RelatedRequest } from "../../../shared/api/review.js";
import type { RequestDocument } from "../../../shared/formats/request.js";
import { identifierKey } from "../../../shared/review/identifiers.js";
import { CASE_STATES } from "../../../shared/vocabulary/case-states.js";
import { isDataCategory } from "../../../shared/vocabulary/data-categories.js";
import { isDecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { isOneOf } from "../../../shared/vocabulary/is-one-of.js";
import { storedTerm } from "../requests/stored-vocabulary.js";
import type { Session } from "../session/session.js";

const isCaseState = isOneOf(CASE_STATES);

export function relatedRequests(session: Session, document: RequestDocument, caseId: string): RelatedRequest[] {
  const hint = { country: document.issuingAuthority.country };
  // Each identifier as this request writes it, by key: the list names it the reviewer's way.
  const byKey = new Map(document.targets.map((target) => [identifierKey(target.kind, target.value, hint), { kind: target.kind, value: target.value }]));
  return session.store.review.related([...byKey.keys()], caseId).flatMap((row) => {
    const identifier = byKey.get(row.identifierKey);
    if (identifier === undefined) return [];
    return [
      {
        authority: row.authorityId,
        id: row.documentId,
        revision: row.revision,
        instrument: row.instrument,
        state: storedTerm(isCaseState, row.status, "case state"),
        outcome: row.outcome === null ? null : storedTerm(isDecisionOutcome, row.outcome, "decision outcome"),
        identifier,
        categories: row.categories.map((category) => storedTerm(isDataCategory, category, "data category")),
        receivedAt: row.receivedAt.toISOString(),
      },
    ];
  });
}
