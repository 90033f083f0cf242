// The grievance register: complaints entered from a letter (or, later, imported as a bundle of
// type grievance), each with its response deadline, and the office's signed response to it.
import type Database from "better-sqlite3-multiple-ciphers";
import type { Migration } from "./migration.js";

const SCHEMA = `
CREATE TABLE grievances (
  id                    TEXT PRIMARY KEY NOT NULL CONSTRAINT grievance_id_format
                        CHECK (length(id) BETWEEN 1 AND 128 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
  -- The counterseal.grievance/1 document as RFC 8785 canonical JSON.
  document              TEXT NOT NULL CONSTRAINT grievance_document_is_json CHECK (json_valid(document)),
  source                TEXT NOT NULL CONSTRAINT grievance_source_known CHECK (source IN ('letter', 'bundle')),
  received              TEXT NOT NULL CONSTRAINT grievance_received_is_date
                        CHECK (received GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  respond_by            INTEGER NOT NULL,
  -- The stored case it is about, when it names one: the link the case's page shows back.
  case_id               TEXT REFERENCES cases (id),
  -- The keyring's authority a sealed response goes to (a provider or body in the keyring).
  reply_authority_id    TEXT REFERENCES authorities (id),
  registered_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX grievances_by_case ON grievances (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX grievances_by_respond_by ON grievances (respond_by);

-- One response per grievance, signed once and never changed.
CREATE TABLE grievance_responses (
  id              TEXT PRIMARY KEY NOT NULL CONSTRAINT grievance_response_id_format
                  CHECK (length(id) BETWEEN 1 AND 128 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
  grievance_id    TEXT NOT NULL UNIQUE REFERENCES grievances (id),
  -- Exactly the signed bytes (canonical JSON) and the minisign signature file over them.
  document        BLOB NOT NULL,
  signature       TEXT NOT NULL,
  sha256          TEXT NOT NULL CONSTRAINT grievance_response_sha256_is_hex
                  CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  outcome         TEXT NOT NULL,
  responded_at    INTEGER NOT NULL
) STRICT;
`;

export const migration004Grievances: Migration = {
  version: 4,
  name: "grievances",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
  },
};
