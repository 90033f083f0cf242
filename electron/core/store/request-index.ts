// What the store indexes of a request for the review: its soonest open deadline (the inbox's
// "next deadline" column) and its identifiers in normalised form (related requests). Computed
// from the stored document with the pure review core, at import, in migration 004, and again
// by the review service whenever a change moves the deadline.
import { parseRequestDocument, type RequestDocument } from "../../../shared/formats/request.js";
import { clocksFor } from "../../../shared/review/clocks.js";
import { identifierKey } from "../../../shared/review/identifiers.js";
import { nextDeadline } from "../../../shared/review/next-deadline.js";
import { isOneOf } from "../../../shared/vocabulary/is-one-of.js";
import { CASE_STATES, type CaseState } from "../../../shared/vocabulary/case-states.js";

export interface NextDue {
  /** Milliseconds since the epoch, as the store keeps instants. */
  at: number;
  kind: string;
}

export interface RequestIndex {
  nextDue: NextDue | undefined;
  identifierKeys: string[];
}

const isCaseState = isOneOf(CASE_STATES);

/**
 * What a request without a clock sorts as in the inbox's next-deadline indexes (migration 004):
 * after every instant ascending, before every instant descending, so it comes last either way.
 * Literals in the index definitions and the ORDER BY alike, which must match for SQLite to use them.
 */
export const NO_DUE_LAST_ASC = Number.MAX_SAFE_INTEGER;
export const NO_DUE_LAST_DESC = -Number.MAX_SAFE_INTEGER;

/** The identifiers' keys, national phone numbers read with the issuer's country. */
export const identifierKeysOf = (document: RequestDocument): string[] => [
  ...new Set(document.targets.map((target) => identifierKey(target.kind, target.value, { country: document.issuingAuthority.country }))),
];

/**
 * The index entries of a stored document in a case state. A document this version cannot read
 * as a request (it was verified by an older schema) gets no entries rather than failing the
 * import or the migration: it then simply has no deadline and matches nothing.
 */
export function requestIndexOf(documentText: string, status: string): RequestIndex {
  let parsed: ReturnType<typeof parseRequestDocument>;
  try {
    parsed = parseRequestDocument(JSON.parse(documentText) as unknown);
  } catch {
    return { nextDue: undefined, identifierKeys: [] };
  }
  if (!parsed.ok) return { nextDue: undefined, identifierKeys: [] };
  const document = parsed.value;
  const state: CaseState = isCaseState(status) ? status : "received";
  // Due instants do not depend on "now" or the time zone (only a reviewer's reassess date does,
  // and a new request has none), so any instant serves here.
  return { nextDue: nextDueOf(document, state), identifierKeys: identifierKeysOf(document) };
}

function nextDueOf(document: RequestDocument, state: CaseState): NextDue | undefined {
  let next;
  try {
    next = nextDeadline(clocksFor(document, { now: document.submittedAt, timeZone: "UTC" }), state);
  } catch {
    // A working-day clock outside the bank-holiday list's years is refused, not guessed; the
    // review shows that fault. The import must not fail on it.
    return undefined;
  }
  return next === undefined ? undefined : { at: Date.parse(next.due), kind: next.kind };
}
