// The one definition of a case's statistical facts (shared/statistics/case-facts.ts) as SQL over
// the stored tables, and the statements that keep case_statistics (migration 008) equal to it:
// per case, its latest revision's instrument, urgency, authority, country, provider, categories
// and non-disclosure; its first revision's receipt and issue; the current decision on the latest
// revision and the execution recorded for it. The report reads only the narrow table, never a
// document: reading 100,000 request and decision documents would take seconds.

/** The facts' columns, in case_statistics's names. */
export const FACT_COLUMNS =
  "instrument, urgency, authority, country, provider, categories, non_disclosure, received_at, issued_at, outcome, decided_at, decision_final, refusal_grounds, execution_outcome, execution_ground, produced_at";

// decision_final: as decision-status.ts says, a decision that needs no countersignature is final,
// and one that needs it is final once a countersignature signing it is stored (the import keeps
// only those naming this very text, by someone other than its author); storing one refreshes the
// case (CountersignRepository.recordCountersignature).
const LIVE_CASE_FACTS = `
SELECT r.case_id AS case_id, r.instrument AS instrument, r.urgency_level AS urgency, r.authority_id AS authority,
       json_extract(r.document, '$.issuingAuthority.country') AS country,
       json_extract(r.document, '$.provider.name') AS provider,
       coalesce((SELECT group_concat(c.category, ' ') FROM request_categories c WHERE c.request_id = r.id), '') AS categories,
       CASE WHEN json_extract(r.document, '$.nonDisclosure.requested') = 1 THEN 1 ELSE 0 END AS non_disclosure,
       f.received_at AS received_at, f.submitted_at AS issued_at,
       d.outcome AS outcome, d.decided_at AS decided_at,
       CASE WHEN d.id IS NULL THEN NULL
            WHEN d.countersignatures_required = 0 OR EXISTS (SELECT 1 FROM countersignatures k WHERE k.decision_id = d.id AND k.verdict = 'signed') THEN 1
            ELSE 0 END AS decision_final,
       CASE WHEN d.outcome = 'refused'
            THEN (SELECT group_concat(g.value, ' ') FROM json_each(CAST(d.document AS TEXT), '$.refusalGrounds') g) END AS refusal_grounds,
       e.outcome AS execution_outcome, e.ground AS execution_ground, e.produced_at AS produced_at
  FROM requests r
  JOIN requests f ON f.case_id = r.case_id AND f.revision = (SELECT min(m.revision) FROM requests m WHERE m.case_id = r.case_id)
  LEFT JOIN decisions d ON d.request_id = r.id AND NOT EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes = d.id)
  LEFT JOIN executions e ON e.decision_id = d.id
 WHERE r.revision = (SELECT max(x.revision) FROM requests x WHERE x.case_id = r.case_id)`;

const UPSERT = `INSERT INTO case_statistics (case_id, ${FACT_COLUMNS}) SELECT case_id, ${FACT_COLUMNS} FROM (${LIVE_CASE_FACTS})`;
const ON_CONFLICT = `ON CONFLICT (case_id) DO UPDATE SET ${FACT_COLUMNS.split(", ")
  .map((column) => `${column} = excluded.${column}`)
  .join(", ")}`;

/** Refreshes one case's row: bind the case id. */
export const refreshCaseStatisticsSql = (): string => `${UPSERT} WHERE case_id = ? ${ON_CONFLICT}`;

/** Refreshes every stored case's row (migration 008, seeding). `WHERE true` lets SQLite parse the upsert after a SELECT. */
export const refreshAllCaseStatisticsSql = (): string => `${UPSERT} WHERE true ${ON_CONFLICT}`;
