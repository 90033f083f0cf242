// The execution record and the statistics that outlive their cases (docs/statistics.md).
// - executions: what happened after an authorisation, one record per decision, by hand or from
//   the issuer's signed execution-report bundle. It goes with its case when the case is deleted.
// - case_statistics: one content-free row per case (no names, identifiers or free text), the
//   facts ../statistics-facts.ts defines, refreshed in the transaction of every change they
//   count; a deleted case's row stays with its case_id cleared, so the report keeps counting it.
//   Filled here for the cases already stored.
import type Database from "better-sqlite3-multiple-ciphers";
import { DECISION_OUTCOMES } from "../../../../shared/vocabulary/decision-outcomes.js";
import { EXECUTION_OUTCOMES, EXECUTION_SOURCES, NON_COMPLIANCE_GROUNDS } from "../../../../shared/vocabulary/execution-outcomes.js";
import { refreshAllCaseStatisticsSql } from "../statistics-facts.js";
import type { Migration } from "./migration.js";

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");

const SCHEMA = `
CREATE TABLE executions (
  id              TEXT PRIMARY KEY NOT NULL CONSTRAINT execution_id_format
                  CHECK (length(id) BETWEEN 1 AND 128 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
  -- The authorising decision it follows; one record per decision.
  decision_id     TEXT NOT NULL UNIQUE REFERENCES decisions (id),
  outcome         TEXT NOT NULL CONSTRAINT execution_outcome_known CHECK (outcome IN (${list(EXECUTION_OUTCOMES)})),
  produced_at     INTEGER CONSTRAINT execution_produced_at_when_produced
                  CHECK ((outcome IN ('complied', 'complied-in-part')) = (produced_at IS NOT NULL)),
  ground          TEXT CONSTRAINT execution_ground_when_not_complied
                  CHECK ((outcome = 'not-complied') = (ground IS NOT NULL) AND (ground IS NULL OR ground IN (${list(NON_COMPLIANCE_GROUNDS)}))),
  note            TEXT CONSTRAINT execution_note_not_empty CHECK (note IS NULL OR note <> ''),
  source          TEXT NOT NULL CONSTRAINT execution_source_known CHECK (source IN (${list(EXECUTION_SOURCES)})),
  -- For a bundle: the issuer's signed document as received (canonical JSON), its SHA-256 and the
  -- bundle it came in.
  document        BLOB,
  document_sha256 TEXT CONSTRAINT execution_document_sha256_is_hex
                  CHECK (document_sha256 IS NULL OR (length(document_sha256) = 64 AND document_sha256 NOT GLOB '*[^0-9a-f]*')),
  bundle_digest   TEXT,
  recorded_at     INTEGER NOT NULL,
  CONSTRAINT execution_bundle_has_document
    CHECK ((source = 'bundle') = (document IS NOT NULL AND document_sha256 IS NOT NULL AND bundle_digest IS NOT NULL))
) STRICT;

-- One narrow row per case, the report's only read: kept up to date in the transaction of every
-- change it counts (import, decision, execution), and kept when the case is deleted, with its
-- case_id cleared (nothing then links it to anyone).
CREATE TABLE case_statistics (
  case_id             TEXT UNIQUE REFERENCES cases (id),
  instrument          TEXT NOT NULL,
  urgency             TEXT NOT NULL,
  authority           TEXT NOT NULL,
  country             TEXT,
  provider            TEXT,
  -- The data categories asked for, space-separated.
  categories          TEXT NOT NULL,
  non_disclosure      INTEGER NOT NULL CONSTRAINT statistics_non_disclosure_is_boolean CHECK (non_disclosure IN (0, 1)),
  -- The case's first revision: when the office received it and when the issuer issued it.
  received_at         INTEGER NOT NULL,
  issued_at           INTEGER NOT NULL,
  -- The current decision on the latest revision, if any; refusal grounds as space-separated item ids.
  outcome             TEXT CONSTRAINT statistics_outcome_known CHECK (outcome IS NULL OR outcome IN (${list(DECISION_OUTCOMES)})),
  decided_at          INTEGER,
  decision_final      INTEGER CONSTRAINT statistics_decision_final_is_boolean CHECK (decision_final IS NULL OR decision_final IN (0, 1)),
  refusal_grounds     TEXT,
  execution_outcome   TEXT CONSTRAINT statistics_execution_outcome_known CHECK (execution_outcome IS NULL OR execution_outcome IN (${list(EXECUTION_OUTCOMES)})),
  execution_ground    TEXT,
  produced_at         INTEGER,
  -- Set when the case was deleted (and case_id cleared).
  deleted_at          INTEGER,
  CONSTRAINT statistics_deleted_has_no_case CHECK ((deleted_at IS NULL) = (case_id IS NOT NULL))
) STRICT;
CREATE INDEX case_statistics_by_received ON case_statistics (received_at);
`;

export const migration008ExecutionsStatistics: Migration = {
  version: 8,
  name: "executions-statistics",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
    db.exec(refreshAllCaseStatisticsSql());
  },
};
