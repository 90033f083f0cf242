// Words for the printed documents: outcomes, answers and scope fields as a reader says them.
import type { Scope, ScopeCondition } from "../../../../shared/formats/decision-scope.js";
import type { ChecklistAnswer } from "../../../../shared/vocabulary/checklist-answers.js";
import type { DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { GrievanceOutcome } from "../../../../shared/vocabulary/grievance-outcomes.js";
import type { ComplainantKind, GrievanceGround, GrievanceRemedy } from "../../../../shared/vocabulary/grievance-vocabulary.js";
import type { GrievanceConcern } from "../../../../shared/formats/grievance.js";

export const OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  authorised: "Authorised",
  "authorised-with-modifications": "Authorised with modifications",
  refused: "Refused",
  returned: "Returned for information",
};

export const ANSWER_LABELS: Readonly<Record<ChecklistAnswer, string>> = { met: "met", "not-met": "NOT MET", na: "n/a", info: "information needed" };

export const GRIEVANCE_OUTCOME_LABELS: Readonly<Record<GrievanceOutcome, string>> = {
  upheld: "Upheld",
  "partly-upheld": "Partly upheld",
  dismissed: "Dismissed",
  referred: "Referred",
};

export const REMEDY_LABELS: Readonly<Record<GrievanceRemedy, string>> = {
  deletion: "Deletion of the data",
  notification: "Notification of the person",
  reassessment: "Reassessment of the decision",
  "compensation-referral": "Referral for compensation",
};

export const COMPLAINANT_LABELS: Readonly<Record<ComplainantKind, string>> = {
  "data-subject": "Data subject",
  provider: "Service provider",
  "civil-society": "Civil-society body",
  other: "Other",
};

export const GROUND_LABELS: Readonly<Record<GrievanceGround, string>> = {
  "unlawful-access": "Unlawful access",
  "excessive-scope": "Excessive scope",
  "not-notified": "Not notified",
  "non-disclosure-too-long": "Non-disclosure too long",
  retention: "Retention",
  other: "Other",
};

export function conditionLabel(condition: ScopeCondition): string {
  switch (condition.kind) {
    case "purpose-limitation":
      return `Purpose limitation: ${condition.text}`;
    case "no-onward-transfer":
      return `No onward transfer: ${condition.text}`;
    case "report-back-by":
      return `Report back by ${condition.date}${condition.text === undefined ? "" : `: ${condition.text}`}`;
    case "reassess-by":
      return `Reassess by ${condition.date}${condition.text === undefined ? "" : `: ${condition.text}`}`;
    case "notify-person-by":
      return `Notify the person by ${condition.date}${condition.text === undefined ? "" : `: ${condition.text}`}`;
  }
}

/** The rows of a scope as the requested-versus-granted table shows them. */
export function scopeRows(scope: Scope | undefined): { categories: string; targets: string; period: string; retention: string } {
  if (scope === undefined) return { categories: "nothing granted", targets: "nothing granted", period: "-", retention: "-" };
  return {
    categories: scope.dataCategories.join(", "),
    targets: scope.targets
      .map((target) => `${target.kind} ${target.value}${target.role === undefined ? "" : ` (${target.role})`}${target.restriction === undefined ? "" : `; ${target.restriction}`}`)
      .join("\n"),
    period: scope.period === undefined ? "not stated" : `${scope.period.from} to ${scope.period.to}`,
    retention: scope.retentionDays === undefined ? "not stated" : `${scope.retentionDays} days`,
  };
}

export function concernLabel(concern: GrievanceConcern): string {
  switch (concern.kind) {
    case "request":
      return `Request ${concern.authority} / ${concern.id}${concern.revision === undefined ? "" : ` revision ${concern.revision}`}`;
    case "decision":
      return `Decision ${concern.decisionId}`;
    case "unknown":
      return `Not known${concern.description === undefined ? "" : `: ${concern.description}`}`;
  }
}
