// Signed decisions on request revisions. A decision is stored as exactly the bytes that were
// signed (RFC 8785 canonical JSON) with their minisign signature, beside the facts the store
// sorts and links on. It never changes: a change is a new decision whose `supersedes` names the
// old one, and each decision can be superseded once (the UNIQUE below), so the current decision
// of a revision is the one nothing supersedes.
import type Database from "better-sqlite3-multiple-ciphers";
import { DECISION_OUTCOMES } from "../../../../shared/vocabulary/decision-outcomes.js";
import type { Migration } from "./migration.js";

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");

const SCHEMA = `
CREATE TABLE decisions (
  id                          TEXT PRIMARY KEY NOT NULL CONSTRAINT decision_id_format
                              CHECK (length(id) BETWEEN 1 AND 128 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
  -- The request revision decided.
  request_id                  TEXT NOT NULL REFERENCES requests (id),
  outcome                     TEXT NOT NULL CONSTRAINT decision_outcome_known CHECK (outcome IN (${list(DECISION_OUTCOMES)})),
  -- Exactly the signed bytes (canonical JSON) and the minisign signature file over them.
  document                    BLOB NOT NULL,
  signature                   TEXT NOT NULL CONSTRAINT decision_signature_is_minisig CHECK (signature GLOB 'untrusted comment: *'),
  sha256                      TEXT NOT NULL CONSTRAINT decision_sha256_is_hex
                              CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  decided_at                  INTEGER NOT NULL,
  -- The earlier decision on the same revision this one replaces; each is replaced at most once.
  supersedes                  TEXT UNIQUE REFERENCES decisions (id) CONSTRAINT decision_not_self CHECK (supersedes IS NULL OR supersedes <> id),
  countersignatures_required  INTEGER NOT NULL CONSTRAINT decision_countersignatures_required_is_boolean
                              CHECK (countersignatures_required IN (0, 1))
) STRICT;
CREATE INDEX decisions_by_request ON decisions (request_id, decided_at);
`;

export const migration006Decisions: Migration = {
  version: 6,
  name: "decisions",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
  },
};
