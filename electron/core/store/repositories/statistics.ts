// The transparency report's one read (docs/statistics.md): the facts of every case received in a
// period, stored or deleted (kept_case_statistics, migration 008), and the grievances received in
// it. Read-only and content-free; the deletion that keeps a case's facts is in requests.ts.
import type { CaseFacts, GrievanceFacts, ReportFacts } from "../../../../shared/statistics/case-facts.js";
import type { DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { ExecutionOutcome, NonComplianceGround } from "../../../../shared/vocabulary/execution-outcomes.js";
import type { GrievanceOutcome } from "../../../../shared/vocabulary/grievance-outcomes.js";
import type { StoreContext } from "../context.js";
import { FACT_COLUMNS, LIVE_CASE_FACTS } from "../statistics-facts.js";

/** Received from `fromMs` to `toMs` (both included); grievances by their day, `from` to `to`. */
export interface ReportPeriod {
  fromMs: number;
  toMs: number;
  fromDate: string;
  toDate: string;
}

interface FactRow {
  instrument: string;
  urgency: string;
  authority: string;
  country: string | null;
  provider: string | null;
  categories: string;
  non_disclosure: number;
  received_at: number;
  issued_at: number;
  outcome: DecisionOutcome | null;
  decided_at: number | null;
  decision_final: number | null;
  refusal_grounds: string | null;
  execution_outcome: ExecutionOutcome | null;
  execution_ground: NonComplianceGround | null;
  produced_at: number | null;
  deleted: number;
}

const words = (text: string | null): string[] => (text === null || text === "" ? [] : text.split(" "));

export class StatisticsRepository {
  readonly #facts;
  readonly #grievances;

  constructor(ctx: StoreContext) {
    this.#facts = ctx.db.prepare<[number, number, number, number], FactRow>(
      `SELECT ${FACT_COLUMNS}, 0 AS deleted FROM (${LIVE_CASE_FACTS}) WHERE received_at BETWEEN ? AND ?
       UNION ALL
       SELECT ${FACT_COLUMNS}, 1 AS deleted FROM kept_case_statistics WHERE received_at BETWEEN ? AND ?`,
    );
    this.#grievances = ctx.db.prepare<[string, string], GrievanceFacts>(
      `SELECT g.received AS received, r.outcome AS outcome
         FROM grievances g LEFT JOIN grievance_responses r ON r.grievance_id = g.id
        WHERE g.received BETWEEN ? AND ?`,
    );
  }

  reportFacts(period: ReportPeriod): ReportFacts {
    const cases = this.#facts.all(period.fromMs, period.toMs, period.fromMs, period.toMs).map(toFacts);
    return { cases, grievances: this.#grievances.all(period.fromDate, period.toDate).map((row) => ({ received: row.received, outcome: row.outcome as GrievanceOutcome | null })) };
  }
}

function toFacts(row: FactRow): CaseFacts {
  return {
    instrument: row.instrument,
    urgency: row.urgency,
    authority: row.authority,
    country: row.country,
    provider: row.provider,
    categories: words(row.categories),
    nonDisclosure: row.non_disclosure === 1,
    receivedAt: row.received_at,
    issuedAt: row.issued_at,
    outcome: row.outcome,
    decidedAt: row.decided_at,
    decisionFinal: row.decision_final === 1,
    refusalGrounds: words(row.refusal_grounds),
    executionOutcome: row.execution_outcome,
    executionGround: row.execution_ground,
    producedAt: row.produced_at,
    deleted: row.deleted === 1,
  };
}
