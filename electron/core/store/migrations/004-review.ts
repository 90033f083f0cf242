// The review workspace: one review per request revision (the template it was started on and its
// case state), the reviewer's independence declaration, answers, decisions on the rules' findings,
// the granted scope, and which carried-over answers were confirmed. Beside them, two indexes the
// inbox and the related-requests list need at 100,000 requests: each request's soonest open
// deadline as columns of requests, and its identifiers in normalised form. Self-contained: it
// creates its tables and fills the two indexes for requests stored before it.
import type Database from "better-sqlite3-multiple-ciphers";
import { CASE_STATES } from "../../../../shared/vocabulary/case-states.js";
import { CHECKLIST_ANSWERS } from "../../../../shared/vocabulary/checklist-answers.js";
import { NO_DUE_LAST_ASC, NO_DUE_LAST_DESC, requestIndexOf } from "../request-index.js";
import type { Migration } from "./migration.js";

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");

const SCHEMA = `
-- The soonest clock still open (overdue included) and its kind; NULL when none runs. Kept by the
-- import and by every review change that moves it, so the inbox sorts on an index. Requests
-- without a clock sort last in both directions: one index per direction, each placing NULL at
-- its far end, so either sort walks an index instead of sorting 100,000 rows.
ALTER TABLE requests ADD COLUMN next_due_at INTEGER;
ALTER TABLE requests ADD COLUMN next_due_kind TEXT;
CREATE INDEX requests_by_next_due_asc ON requests (coalesce(next_due_at, ${NO_DUE_LAST_ASC}));
CREATE INDEX requests_by_next_due_desc ON requests (coalesce(next_due_at, ${NO_DUE_LAST_DESC}));

-- Every identifier a request names, as shared/review/identifiers.ts's identifierKey folds it
-- (kind:normalised value), so "every other request naming this number" is an index lookup.
CREATE TABLE request_identifiers (
  identifier_key  TEXT NOT NULL CONSTRAINT request_identifier_key_not_empty CHECK (identifier_key <> ''),
  request_id      TEXT NOT NULL REFERENCES requests (id),
  PRIMARY KEY (identifier_key, request_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX request_identifiers_by_request ON request_identifiers (request_id);

-- A review exists from the reviewer's first change to a revision; before it, the revision is
-- simply received. The template is recorded at the start: a newer template never changes it.
CREATE TABLE reviews (
  id                 TEXT PRIMARY KEY NOT NULL,
  request_id         TEXT NOT NULL UNIQUE REFERENCES requests (id),
  template_id        TEXT NOT NULL CONSTRAINT review_template_id_not_empty CHECK (template_id <> ''),
  template_version   TEXT NOT NULL CONSTRAINT review_template_version_not_empty CHECK (template_version <> ''),
  state              TEXT NOT NULL CONSTRAINT review_state_known CHECK (state IN (${list(CASE_STATES)})),
  -- The earlier revision whose answers this review offers to carry over (NULL: none reviewed).
  previous_review_id TEXT REFERENCES reviews (id),
  started_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
) STRICT;

CREATE TABLE review_independence (
  review_id        TEXT PRIMARY KEY NOT NULL REFERENCES reviews (id),
  conflict         INTEGER NOT NULL CONSTRAINT independence_conflict_is_boolean CHECK (conflict IN (0, 1)),
  note             TEXT CONSTRAINT independence_conflict_has_note CHECK (conflict = 0 OR (note IS NOT NULL AND note <> '')),
  reviewer_key_id  TEXT NOT NULL CONSTRAINT independence_reviewer_key_id_not_empty CHECK (reviewer_key_id <> ''),
  declared_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE review_answers (
  review_id      TEXT NOT NULL REFERENCES reviews (id),
  item_id        TEXT NOT NULL CONSTRAINT answer_item_id_format CHECK (item_id GLOB '[LNM][0-9]*'),
  answer         TEXT NOT NULL CONSTRAINT answer_known CHECK (answer IN (${list(CHECKLIST_ANSWERS)})),
  note           TEXT,
  evidence_json  TEXT NOT NULL DEFAULT '[]' CONSTRAINT answer_evidence_is_json_array CHECK (json_valid(evidence_json) AND json_type(evidence_json) = 'array'),
  answered_at    INTEGER NOT NULL,
  PRIMARY KEY (review_id, item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE review_findings (
  review_id   TEXT NOT NULL REFERENCES reviews (id),
  rule_id     TEXT NOT NULL CONSTRAINT finding_rule_id_not_empty CHECK (rule_id <> ''),
  status      TEXT NOT NULL CONSTRAINT finding_status_known CHECK (status IN ('accepted', 'overridden')),
  note        TEXT NOT NULL CONSTRAINT finding_note_not_empty CHECK (note <> ''),
  decided_at  INTEGER NOT NULL,
  PRIMARY KEY (review_id, rule_id)
) STRICT, WITHOUT ROWID;

-- The granted scope (shared/review/scope-schema.ts), stored once the reviewer narrows anything.
CREATE TABLE review_scopes (
  review_id     TEXT PRIMARY KEY NOT NULL REFERENCES reviews (id),
  granted_json  TEXT NOT NULL CONSTRAINT granted_scope_is_json_object CHECK (json_valid(granted_json) AND json_type(granted_json) = 'object'),
  updated_at    INTEGER NOT NULL
) STRICT;

-- Which answers of the previous revision's review the reviewer confirmed for this one.
CREATE TABLE review_carried_over (
  review_id      TEXT NOT NULL REFERENCES reviews (id),
  item_id        TEXT NOT NULL,
  from_revision  INTEGER NOT NULL CONSTRAINT carried_over_revision_positive CHECK (from_revision >= 1),
  confirmed_at   INTEGER NOT NULL,
  PRIMARY KEY (review_id, item_id)
) STRICT, WITHOUT ROWID;
`;

export const migration004Review: Migration = {
  version: 3,
  name: "review",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
    const setDue = db.prepare<[number | null, string | null, string]>("UPDATE requests SET next_due_at = ?, next_due_kind = ? WHERE id = ?");
    const addIdentifier = db.prepare<[string, string]>("INSERT OR IGNORE INTO request_identifiers (identifier_key, request_id) VALUES (?, ?)");
    // In pages: a statement cannot write while another one iterates on the same connection.
    const page = db.prepare<[number], { rowid: number; id: string; document: string; status: string }>(
      "SELECT rowid, id, document, status FROM requests WHERE rowid > ? ORDER BY rowid LIMIT 500",
    );
    for (let after = 0, rows = page.all(after); rows.length > 0; rows = page.all(after)) {
      for (const row of rows) {
        const index = requestIndexOf(row.document, row.status);
        setDue.run(index.nextDue?.at ?? null, index.nextDue?.kind ?? null, row.id);
        for (const key of index.identifierKeys) addIdentifier.run(key, row.id);
        after = row.rowid;
      }
    }
  },
};
