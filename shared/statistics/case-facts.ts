// The content-free facts the transparency report counts (docs/statistics.md): no names,
// identifiers or free text, only vocabulary words, the issuing authority's id, the provider's
// name and durations. The store answers them for the cases received in a period, stored or
// deleted, already grouped: cases alike in everything the report counts by are one group with
// their number, and the durations the report's times need (milliseconds) are listed per group,
// so 100,000 cases reach the report as a few hundred groups.
import type { DecisionOutcome } from "../vocabulary/decision-outcomes.js";
import type { ExecutionOutcome, NonComplianceGround } from "../vocabulary/execution-outcomes.js";
import type { GrievanceOutcome } from "../vocabulary/grievance-outcomes.js";

export interface CaseFacts {
  /** The month its first revision was received, YYYY-MM in the office's time zone (the report's tables over time). */
  month: string;
  instrument: string;
  urgency: string;
  /** The issuing authority's id (the keyring's). */
  authority: string;
  /** The issuing authority's country (ISO 3166-1 alpha-2), null if the document does not say. */
  country: string | null;
  /** The provider addressed, by name. */
  provider: string | null;
  categories: readonly string[];
  nonDisclosure: boolean;
  /** The current decision on the latest revision; null while there is none. */
  outcome: DecisionOutcome | null;
  /** False while a decision awaits its countersignature (four eyes): it counts as pending. */
  decisionFinal: boolean;
  refusalGrounds: readonly string[];
  executionOutcome: ExecutionOutcome | null;
  executionGround: NonComplianceGround | null;
  /** How many cases have exactly these facts. */
  cases: number;
  /** Per case with a decision: from the office's receipt of its first revision to the decision. */
  receiptToDecisionMs: readonly number[];
  /** Per case whose data were produced: from the request's issue to the production. */
  issueToDataMs: readonly number[];
}

export interface GrievanceFacts {
  outcome: GrievanceOutcome | null;
  /** How many grievances received in the period have this outcome (null: unanswered). */
  grievances: number;
}

export interface ReportFacts {
  cases: CaseFacts[];
  grievances: GrievanceFacts[];
}
