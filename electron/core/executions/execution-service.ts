// The execution record (docs/statistics.md): after a current, final authorisation the office
// records what happened next, by hand (`counterseal execution record`, the app) or from the
// issuer's signed execution-report bundle (execution-report-import.ts). One core function for
// both, so a record is checked the same way whichever door it came through; the store writes it
// with its audit row in one transaction.
import type { ExecutionTarget, ExecutionView, RecordExecutionArgs } from "../../../shared/api/executions.js";
import { isoInstant } from "../../../shared/review/instants.js";
import { PRODUCING_OUTCOMES, NON_COMPLIANCE_GROUNDS, type NonComplianceGround } from "../../../shared/vocabulary/execution-outcomes.js";
import { DecisionNotFoundError } from "../decisions/decision-errors.js";
import { decisionSummaryOf } from "../decisions/decision-views.js";
import { RequestNotFoundError } from "../requests/requests-service.js";
import type { Session } from "../session/session.js";
import type { StoredDecision, StoredExecution } from "../store/index.js";
import { ExecutionInvalidError } from "./execution-errors.js";

/** Where a record comes from: by hand, or an issuer-signed bundle (its signed document, digests). */
export type ExecutionOrigin =
  | { source: "hand" }
  | { source: "bundle"; document: Uint8Array; documentSha256: string; bundleDigest: string };

/** How a refusal names the fields: the CLI's flags for a record by hand, the document's paths for a bundle's. */
const FIELD_NAMES = {
  hand: { producedAt: "--produced-at", ground: "--ground" },
  bundle: { producedAt: "$.producedAt", ground: "$.ground" },
} as const;
type FieldNames = (typeof FIELD_NAMES)[keyof typeof FIELD_NAMES];

const AUTHORISING = new Set(["authorised", "authorised-with-modifications"]);

export const executionViewOf = (stored: StoredExecution): ExecutionView => ({
  id: stored.id,
  decision: stored.decisionId,
  request: stored.request,
  outcome: stored.outcome,
  producedAt: stored.producedAt === null ? null : stored.producedAt.toISOString(),
  ground: stored.ground,
  note: stored.note,
  source: stored.source,
  documentSha256: stored.documentSha256,
  recordedAt: stored.recordedAt.toISOString(),
});

/** The decision a target names: by id, or the current decision of the (latest) revision named. */
export function targetDecision(session: Session, target: ExecutionTarget): StoredDecision {
  const { store } = session;
  if ("decision" in target) {
    const stored = store.decisions.getDecision(target.decision);
    if (stored === undefined) throw new DecisionNotFoundError(`the store holds no decision ${target.decision}`);
    return stored;
  }
  const ref = `${target.authority}/${target.id}${target.revision === undefined ? "" : `/${target.revision}`}`;
  const request = store.requests.getRequest(target.authority, target.id, target.revision);
  if (request === undefined) throw new RequestNotFoundError(`no stored request ${ref}`);
  const current = store.decisions.currentDecisionOf(request.id);
  if (current === undefined) throw new ExecutionInvalidError(`${ref} revision ${request.revision} has no decision; an execution follows an authorisation`);
  return current;
}

/** Refuses a decision no execution can follow: superseded, not authorising, or not final (four eyes). */
function assertAuthorisation(session: Session, stored: StoredDecision): void {
  const summary = decisionSummaryOf(session, stored);
  if (stored.supersededBy !== null) throw new ExecutionInvalidError(`decision ${stored.id} is superseded by ${stored.supersededBy}; record the execution on the current decision`);
  if (!AUTHORISING.has(summary.outcome)) throw new ExecutionInvalidError(`decision ${stored.id} is ${summary.outcome}; an execution follows an authorisation (authorised or authorised-with-modifications)`);
  if (summary.status !== "final") throw new ExecutionInvalidError(`decision ${stored.id} is not final (${summary.status}); an execution follows a final authorisation`);
}

function producedAtOf(session: Session, args: RecordExecutionArgs, stored: StoredDecision, names: FieldNames): Date | null {
  const producing = PRODUCING_OUTCOMES.includes(args.outcome);
  if (!producing) {
    if (args.producedAt !== undefined) throw new ExecutionInvalidError(`${names.producedAt}: no data were produced when the outcome is ${args.outcome}`);
    return null;
  }
  if (args.producedAt === undefined) throw new ExecutionInvalidError(`${names.producedAt}: an outcome of ${args.outcome} says when the data were produced`);
  const producedAt = new Date(args.producedAt);
  const now = session.runtime.clock.now();
  if (producedAt.getTime() > now.getTime()) throw new ExecutionInvalidError(`${names.producedAt} ${args.producedAt} is in the future (it is now ${now.toISOString()})`);
  const { request: ref } = decisionSummaryOf(session, stored);
  const request = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (request !== undefined && producedAt.getTime() < request.submittedAt.getTime()) {
    throw new ExecutionInvalidError(`${names.producedAt} ${args.producedAt} is before the request was issued (${isoInstant(request.submittedAt.getTime())})`);
  }
  return producedAt;
}

function groundOf(args: RecordExecutionArgs, names: FieldNames): NonComplianceGround | null {
  if (args.outcome === "not-complied") {
    if (args.ground === undefined) throw new ExecutionInvalidError(`${names.ground}: not-complied names the provider's ground (${NON_COMPLIANCE_GROUNDS.join(", ")})`);
    return args.ground;
  }
  if (args.ground !== undefined) throw new ExecutionInvalidError(`${names.ground}: only not-complied has a ground, not ${args.outcome}`);
  return null;
}

/** Records what happened after the authorisation the target names; refuses, storing nothing, what does not fit. */
export function recordExecution(session: Session, args: RecordExecutionArgs, origin: ExecutionOrigin = { source: "hand" }): ExecutionView {
  const { store } = session;
  return store.transaction(() => {
    const decision = targetDecision(session, args.target);
    assertAuthorisation(session, decision);
    const names = FIELD_NAMES[origin.source];
    const producedAt = producedAtOf(session, args, decision, names);
    const ground = groundOf(args, names);
    const note = args.note === undefined || args.note.trim() === "" ? null : args.note.trim();
    const stored = store.executions.recordExecution(session.actor, {
      id: session.runtime.ids.newId(),
      decisionId: decision.id,
      outcome: args.outcome,
      producedAt,
      ground,
      note,
      source: origin.source,
      bundle: origin.source === "bundle" ? { document: origin.document, documentSha256: origin.documentSha256, bundleDigest: origin.bundleDigest } : null,
    });
    return executionViewOf(stored);
  });
}

/** Every execution record, most recently recorded first. */
/** Every record, most recently recorded first; or only the one decision's (its page asks for its own, without reading the rest). */
export function listExecutions(session: Session, only?: { decision?: string | undefined }): ExecutionView[] {
  if (only?.decision === undefined) return session.store.executions.listExecutions().map(executionViewOf);
  const record = session.store.executions.executionOf(only.decision);
  return record === undefined ? [] : [executionViewOf(record)];
}
