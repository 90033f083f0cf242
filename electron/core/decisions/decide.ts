// Deciding a reviewed request revision: the decision composed from the review (decision-compose),
// the office's four-eyes rule applied, signed with the reviewer's key (RFC 8785 bytes, prehashed
// minisign, a trusted comment naming id and digest), and stored with the case's new state and a
// content-free audit row in one transaction. A refusal signs and stores nothing.
//
// Superseding: a signed decision never changes, so a change is a new decision on the same
// revision naming the current one in `supersedes`; the case then takes the new decision's state
// (decided, or returned-for-information for `returned`). Both stay stored and verifiable.
import { assertOfficeStore } from "../auditor/store-mode.js";
import type { DecideArgs, DecisionView } from "../../../shared/api/decisions.js";
import type { ReviewView } from "../../../shared/api/review.js";
import type { DecisionDocument } from "../../../shared/formats/decision.js";
import { DOCUMENT_IDENTIFIER } from "../../../shared/formats/document-fields.js";
import { transition } from "../../../shared/review/case-state.js";
import type { CaseState } from "../../../shared/vocabulary/case-states.js";
import type { DecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { nextDueOf } from "../review/review-clocks.js";
import { ReviewClosedError } from "../review/review-errors.js";
import { loadReviewTarget, type ReviewTarget } from "../review/review-target.js";
import { buildReviewView } from "../review/review-view.js";
import type { Session } from "../session/session.js";
import { getCountersignSettings } from "../settings/countersign-settings.js";
import { getReviewSettings } from "../settings/review-settings.js";
import { DecisionExistsError } from "../store/index.js";
import { composeDecision } from "./decision-compose.js";
import { DecisionInvalidError } from "./decision-errors.js";
import { getDecision } from "./decision-views.js";
import { reviewerSigner, type ReviewerSigner } from "./reviewer-key.js";
import { signDocument } from "./sign-document.js";
import { DocumentInvalidError } from "./signed-kinds.js";

/** The id a decision gets when the reviewer names none: the revision's, numbered. */
export const defaultDecisionId = (ref: { authority: string; id: string; revision: number }, number: number): string => `${ref.authority}.${ref.id}.r${ref.revision}.D${number}`;

/** What deciding signs and stores: the composed document and what it was composed from. */
export interface DecisionDraft {
  document: DecisionDocument;
  target: ReviewTarget & { review: NonNullable<ReviewTarget["review"]> };
  view: ReviewView;
  decisionId: string;
  now: Date;
  signer: ReviewerSigner;
}

/**
 * The decision `args` ask for, composed and checked exactly as deciding would, with nothing
 * signed or stored: `decide` signs and records it, the decision screen's preview prints it.
 */
export function draftDecision(session: Session, args: DecideArgs): DecisionDraft {
  assertOfficeStore(session, "decide a request");
  const signer = reviewerSigner(session);
  const { store } = session;
  const target = loadReviewTarget(session, args);
  const ref = `${args.authority}/${args.id}/${args.revision}`;
  if (target.state === "superseded") throw new ReviewClosedError(`${ref} is superseded by a newer revision; decide the newer revision instead`);
  const current = store.decisions.currentDecisionOf(target.stored.id);
  if (args.supersedes === undefined && current !== undefined) {
    throw new DecisionExistsError(`${ref} has decision ${current.id} (${current.outcome}); a new decision must supersede it (--supersedes ${current.id})`);
  }
  if (args.supersedes !== undefined) store.decisions.checkSupersedable(args.supersedes, target.stored.id);
  const now = session.runtime.clock.now();
  const view = buildReviewView(session, target);
  const decisionId = args.decisionId ?? defaultDecisionId(args, store.decisions.decisionsOf(target.stored.id).length + 1);
  if (!DOCUMENT_IDENTIFIER.test(decisionId)) throw new DecisionInvalidError(`the decision id ${decisionId} is not 1 to 128 of A-Z a-z 0-9 . _ : -; give one with --id`);
  const document = composeDecision({ view, bundleDigest: target.stored.bundleDigest, args, decisionId, signer: signer.signer, now, countersign: getCountersignSettings(session) });
  // A review with its independence declared has started; this guards the types, not a case.
  const review = target.review;
  if (review === undefined) throw new DecisionInvalidError(`${ref} has no review to decide`);
  return { document, target: { ...target, review }, view, decisionId, now, signer };
}

export function decide(session: Session, args: DecideArgs): DecisionView {
  const { store } = session;
  const id = store.transaction(() => {
    const { document, target, view, decisionId, now, signer } = draftDecision(session, args);
    const state = stateAfter(target.state, args.outcome, args.supersedes !== undefined);
    let signed;
    try {
      signed = signDocument("decision", document, signer.key);
    } catch (error) {
      if (error instanceof DocumentInvalidError) throw new DecisionInvalidError(`the decision is not valid: ${error.issues.join("; ")}`);
      throw error;
    }
    store.decisions.recordDecision(session.actor, {
      id: decisionId,
      requestId: target.stored.id,
      reviewId: target.review.id,
      outcome: document.outcome,
      bytes: signed.bytes,
      signature: signed.signature,
      sha256: signed.digest,
      decidedAt: now,
      supersedes: args.supersedes ?? null,
      countersignaturesRequired: document.countersignaturesRequired,
      refusalGrounds: document.refusalGrounds ?? [],
      state,
      nextDue: nextDueOf(target.document, view.grantedScope, state, now, getReviewSettings(session).timeZone),
    });
    return decisionId;
  });
  return getDecision(session, id);
}

/**
 * The case's state after the decision. A first decision follows the state machine (a case
 * waiting for information resumes its review first); a superseding one replaces a decision
 * already made on this revision, so the case simply takes the new decision's state.
 */
function stateAfter(current: CaseState, outcome: DecisionOutcome, superseding: boolean): CaseState {
  const event = outcome === "returned" ? "return-for-information" : "decide";
  if (superseding) return outcome === "returned" ? "returned-for-information" : "decided";
  const resumed = current === "returned-for-information" ? transition(current, "start-review") : ({ ok: true, state: current } as const);
  const moved = resumed.ok ? transition(resumed.state, event) : resumed;
  if (!moved.ok) throw new ReviewClosedError(moved.reason);
  return moved.state;
}
