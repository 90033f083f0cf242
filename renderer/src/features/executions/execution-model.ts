// The execution form as plain values: what happened, when the data were produced (a local date
// and time from the field), the provider's ground, a note. Pure, so it is tested without a page;
// the core checks every rule again (docs/statistics.md, "The execution record").
import type { DecisionView } from "../../../../shared/api/decisions.js";
import type { RecordExecutionArgs } from "../../../../shared/api/executions.js";
import { PRODUCING_OUTCOMES, type ExecutionOutcome, type NonComplianceGround } from "../../../../shared/vocabulary/execution-outcomes.js";

export interface ExecutionDraft {
  outcome: ExecutionOutcome | "";
  /** The field's local date and time, YYYY-MM-DDTHH:MM:SS, or "" while incomplete. */
  producedAt: string;
  ground: NonComplianceGround | "";
  note: string;
}

export const EMPTY_DRAFT: ExecutionDraft = { outcome: "", producedAt: "", ground: "", note: "" };

export type ExecutionProblem = "outcome" | "producedAt" | "ground";

export const producesData = (outcome: ExecutionDraft["outcome"]): boolean => outcome !== "" && PRODUCING_OUTCOMES.includes(outcome);

/** A local date and time (no offset) as the instant it names in this computer's time zone, RFC 3339 in UTC. */
export function localToIso(local: string): string | null {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$/.test(local)) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The call's arguments for the decision, or what the form still lacks: only the fields the outcome carries are sent. */
export function recordArgsOf(draft: ExecutionDraft, decisionId: string): { args: RecordExecutionArgs } | { problems: ExecutionProblem[] } {
  if (draft.outcome === "") return { problems: ["outcome"] };
  const problems: ExecutionProblem[] = [];
  const producedAt = producesData(draft.outcome) ? localToIso(draft.producedAt) : null;
  if (producesData(draft.outcome) && producedAt === null) problems.push("producedAt");
  if (draft.outcome === "not-complied" && draft.ground === "") problems.push("ground");
  if (problems.length > 0) return { problems };
  const note = draft.note.trim();
  return {
    args: {
      target: { decision: decisionId },
      outcome: draft.outcome,
      ...(producedAt !== null ? { producedAt } : {}),
      ...(draft.outcome === "not-complied" && draft.ground !== "" ? { ground: draft.ground } : {}),
      ...(note === "" ? {} : { note }),
    },
  };
}

/** Whether a decision is one an execution is recorded for: a current, final authorisation. */
export function executionStanding(view: DecisionView): "not-authorisation" | "superseded" | "not-final" | "open" {
  if (view.outcome !== "authorised" && view.outcome !== "authorised-with-modifications") return "not-authorisation";
  if (view.supersededBy !== null) return "superseded";
  return view.status === "final" ? "open" : "not-final";
}
