// Whether a decision is final: one that needs four eyes is final only once a colleague's
// countersignature of exactly its signed text is there; until then it is shown and exported as
// awaiting countersignature, never as final.
import type { CountersignatureDocument } from "../../../shared/formats/countersignature.js";
import type { DecisionDocument } from "../../../shared/formats/decision.js";

export type DecisionStatus = "final" | "awaiting-countersignature" | "countersignature-declined";

export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  final: "Final",
  "awaiting-countersignature": "Awaiting countersignature: not final",
  "countersignature-declined": "Countersignature declined: not final",
};

/**
 * The countersignatures that answer this very text of the decision (its id and its digest), by
 * someone other than its author: a reviewer cannot be their own second pair of eyes.
 */
export const countersignaturesOf = (decision: DecisionDocument, digest: string, all: readonly CountersignatureDocument[]): CountersignatureDocument[] =>
  all.filter((each) => each.decision.id === decision.id && each.decision.digest === digest && each.reviewer.keyId !== decision.reviewer.keyId);

export function decisionStatus(decision: DecisionDocument, digest: string, countersignatures: readonly CountersignatureDocument[]): DecisionStatus {
  if (!decision.countersignaturesRequired) return "final";
  const answers = countersignaturesOf(decision, digest, countersignatures);
  if (answers.some((each) => each.verdict === "signed")) return "final";
  return answers.some((each) => each.verdict === "declined") ? "countersignature-declined" : "awaiting-countersignature";
}
