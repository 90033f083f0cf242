// The content-free facts the transparency report counts, one row per case: no names, identifiers
// or free text, only vocabulary words, the issuing authority's id, the provider's name and
// instants (milliseconds since the epoch, as the store keeps them). The store answers these for
// the cases it holds and keeps them for the cases it deleted (docs/statistics.md).
import type { DecisionOutcome } from "../vocabulary/decision-outcomes.js";
import type { ExecutionOutcome, NonComplianceGround } from "../vocabulary/execution-outcomes.js";
import type { GrievanceOutcome } from "../vocabulary/grievance-outcomes.js";

export interface CaseFacts {
  instrument: string;
  urgency: string;
  /** The issuing authority's id (the keyring's). */
  authority: string;
  /** The issuing authority's country (ISO 3166-1 alpha-2), null if the document does not say. */
  country: string | null;
  /** The provider addressed, by name. */
  provider: string | null;
  categories: string[];
  nonDisclosure: boolean;
  /** When the office received the case's first revision, and when the issuer issued it. */
  receivedAt: number;
  issuedAt: number;
  /** The current decision on the latest revision; null while there is none. */
  outcome: DecisionOutcome | null;
  decidedAt: number | null;
  /** False while a decision awaits its countersignature (four eyes): it counts as pending. */
  decisionFinal: boolean;
  refusalGrounds: string[];
  executionOutcome: ExecutionOutcome | null;
  executionGround: NonComplianceGround | null;
  producedAt: number | null;
  /** Whether the case itself was deleted (its facts were kept). */
  deleted: boolean;
}

export interface GrievanceFacts {
  /** The day the grievance was received, YYYY-MM-DD. */
  received: string;
  outcome: GrievanceOutcome | null;
}

export interface ReportFacts {
  cases: CaseFacts[];
  grievances: GrievanceFacts[];
}
