// The transparency report's one read (docs/statistics.md): the facts of every case received in a
// period, stored or deleted (case_statistics, migration 008: one narrow row per case), and the
// grievances received in it. Read-only and content-free; case-statistics.ts keeps the rows.
import type { CaseFacts, GrievanceFacts, ReportFacts } from "../../../../shared/statistics/case-facts.js";
import type { DecisionOutcome } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { ExecutionOutcome, NonComplianceGround } from "../../../../shared/vocabulary/execution-outcomes.js";
import type { StoreContext } from "../context.js";

/**
 * The period as its months (each received from `fromMs` to `toMs`, both included; together they
 * cover the period exactly, without overlap); grievances by their day, `fromDate` to `toDate`.
 */
export interface ReportPeriod {
  months: readonly { month: string; fromMs: number; toMs: number }[];
  fromDate: string;
  toDate: string;
}

/** A group as the statement answers it: arrays, not objects. */
type GroupRow = [
  instrument: string,
  urgency: string,
  authority: string,
  country: string | null,
  provider: string | null,
  categories: string,
  nonDisclosure: number,
  outcome: DecisionOutcome | null,
  decisionFinal: number | null,
  refusalGrounds: string | null,
  executionOutcome: ExecutionOutcome | null,
  executionGround: NonComplianceGround | null,
  cases: number,
  receiptToDecision: string | null,
  issueToData: string | null,
];

const DIMENSIONS = "instrument, urgency, authority, country, provider, categories, non_disclosure, outcome, decision_final, refusal_grounds, execution_outcome, execution_ground";

const EMPTY: readonly string[] = Object.freeze([]);

/** Space-separated words as one shared, frozen array per distinct text: few distinct sets among many rows. */
class WordLists {
  readonly #lists = new Map<string, readonly string[]>();
  of(text: string | null): readonly string[] {
    if (text === null || text === "") return EMPTY;
    let list = this.#lists.get(text);
    if (list === undefined) {
      list = Object.freeze(text.split(" "));
      this.#lists.set(text, list);
    }
    return list;
  }
}

export class StatisticsRepository {
  readonly #facts;
  readonly #grievances;

  constructor(ctx: StoreContext) {
    // Grouped in SQLite: turning 100,000 rows of text into JavaScript values costs more than the
    // whole count. A duration is listed only where its end is set (group_concat skips NULLs).
    this.#facts = ctx.db
      .prepare<[number, number], GroupRow>(
        `SELECT ${DIMENSIONS}, count(*),
                group_concat(decided_at - received_at), group_concat(CASE WHEN execution_outcome IN ('complied', 'complied-in-part') THEN produced_at - issued_at END)
           FROM case_statistics WHERE received_at BETWEEN ? AND ?
          GROUP BY ${DIMENSIONS}`,
      )
      .raw();
    this.#grievances = ctx.db.prepare<[string, string], GrievanceFacts>(
      `SELECT r.outcome AS outcome, count(*) AS grievances
         FROM grievances g LEFT JOIN grievance_responses r ON r.grievance_id = g.id
        WHERE g.received BETWEEN ? AND ? GROUP BY r.outcome`,
    );
  }

  reportFacts(period: ReportPeriod): ReportFacts {
    const words = new WordLists();
    // One grouped read per month (an index range each), so every group knows its month of receipt.
    const cases = period.months.flatMap(({ month, fromMs, toMs }) => this.#facts.all(fromMs, toMs).map((row) => toFacts(row, month, words)));
    return { cases, grievances: this.#grievances.all(period.fromDate, period.toDate) };
  }
}

const durations = (text: string | null): number[] => (text === null ? [] : text.split(",").map(Number));

function toFacts(row: GroupRow, month: string, words: WordLists): CaseFacts {
  const [instrument, urgency, authority, country, provider, categories, nonDisclosure, outcome, decisionFinal, refusalGrounds, executionOutcome, executionGround, cases, receiptToDecision, issueToData] = row;
  return {
    month,
    instrument,
    urgency,
    authority,
    country,
    provider,
    categories: words.of(categories),
    nonDisclosure: nonDisclosure === 1,
    outcome,
    decisionFinal: decisionFinal === 1,
    refusalGrounds: words.of(refusalGrounds),
    executionOutcome,
    executionGround,
    cases,
    receiptToDecisionMs: durations(receiptToDecision),
    issueToDataMs: durations(issueToData),
  };
}
