// Auditor mode (docs/audit-sampling.md, "Auditor mode"): a committee's store that takes in audit
// packs and records its own findings on their cases. The mode is the setting `storeMode` =
// "auditor", written once when the store is created and fixed from then on (the triggers below),
// and an auditor's store never holds an office's requests, reviews or decisions: the database
// refuses them too, whatever the code above it does. A pack's cases are kept exactly as received
// and can never change; only the findings, the auditor's own, are written after the import.
import type Database from "better-sqlite3-multiple-ciphers";
import { DEVIATION_TYPES, FINDING_VERDICTS, PACK_SELECTIONS, RECOMMENDATIONS } from "../../../../shared/vocabulary/auditor-findings.js";
import type { Migration } from "./migration.js";

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");
const IS_AUDITOR = "EXISTS (SELECT 1 FROM settings WHERE key = 'storeMode')";
const refuseIn = (table: string): string => `
CREATE TRIGGER ${table}_not_in_auditor_store BEFORE INSERT ON ${table} WHEN ${IS_AUDITOR}
BEGIN SELECT RAISE(ABORT, 'an auditor''s store holds no ${table} of its own: case data are read-only'); END;`;
const immutable = (table: string): string => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} are kept as received'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} are kept as received'); END;`;

const SCHEMA = `
-- The mode is set once, in a store with no requests, and then never changes.
CREATE TRIGGER settings_store_mode_once BEFORE INSERT ON settings
  WHEN NEW.key = 'storeMode' AND (NEW.value <> '"auditor"' OR EXISTS (SELECT 1 FROM requests))
BEGIN SELECT RAISE(ABORT, 'the store mode is set when the store is created, to "auditor", and only in a store without requests'); END;
CREATE TRIGGER settings_store_mode_fixed BEFORE UPDATE ON settings WHEN OLD.key = 'storeMode' OR NEW.key = 'storeMode'
BEGIN SELECT RAISE(ABORT, 'the store mode cannot be changed'); END;
CREATE TRIGGER settings_store_mode_kept BEFORE DELETE ON settings WHEN OLD.key = 'storeMode'
BEGIN SELECT RAISE(ABORT, 'the store mode cannot be changed'); END;
${["requests", "reviews", "decisions"].map(refuseIn).join("")}

CREATE TABLE audit_packs (
  id             TEXT PRIMARY KEY NOT NULL CONSTRAINT audit_pack_id_format
                 CHECK (length(id) BETWEEN 1 AND 128 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
  -- SHA-256 of the pack's tagmanifest-sha256.txt: the same pack imported twice is one pack.
  bundle_digest  TEXT NOT NULL UNIQUE CONSTRAINT audit_pack_digest_is_hex CHECK (length(bundle_digest) = 64 AND bundle_digest NOT GLOB '*[^0-9a-f]*'),
  signer_key_id  BLOB NOT NULL CONSTRAINT audit_pack_signer_key_id_length CHECK (length(signer_key_id) = 8),
  source_organization TEXT NOT NULL,
  -- data/audit-pack.json exactly as received (the plan, the draw and the list of cases).
  document       TEXT NOT NULL CONSTRAINT audit_pack_document_is_json CHECK (json_valid(document)),
  frame          TEXT NOT NULL,
  imported_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_pack_cases (
  pack_id          TEXT NOT NULL REFERENCES audit_packs (id),
  reference        TEXT NOT NULL,
  position         INTEGER NOT NULL,
  selection        TEXT NOT NULL CONSTRAINT audit_pack_case_selection_known CHECK (selection IN (${list(PACK_SELECTIONS)})),
  purposive_reason TEXT,
  -- The request document, the review record and the audit excerpt as the pack carried them.
  request          TEXT NOT NULL CONSTRAINT audit_pack_case_request_is_json CHECK (json_valid(request)),
  review           TEXT CONSTRAINT audit_pack_case_review_is_json CHECK (review IS NULL OR json_valid(review)),
  audit_excerpt    TEXT NOT NULL,
  PRIMARY KEY (pack_id, reference),
  UNIQUE (pack_id, position)
) STRICT;

-- Each decision exactly as signed, with its signature, verified at import.
CREATE TABLE audit_pack_decisions (
  pack_id      TEXT NOT NULL,
  reference    TEXT NOT NULL,
  id           TEXT NOT NULL,
  document     BLOB NOT NULL,
  signature    TEXT NOT NULL CONSTRAINT audit_pack_decision_signature_is_minisig CHECK (signature GLOB 'untrusted comment: *'),
  sha256       TEXT NOT NULL CONSTRAINT audit_pack_decision_sha256_is_hex CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  current      INTEGER NOT NULL CONSTRAINT audit_pack_decision_current_is_boolean CHECK (current IN (0, 1)),
  PRIMARY KEY (pack_id, id),
  FOREIGN KEY (pack_id, reference) REFERENCES audit_pack_cases (pack_id, reference)
) STRICT;
${["audit_packs", "audit_pack_cases", "audit_pack_decisions"].map(immutable).join("")}

-- The auditor's own finding on a case of a pack; recorded again, it replaces the earlier one.
CREATE TABLE auditor_findings (
  pack_id         TEXT NOT NULL,
  reference       TEXT NOT NULL,
  verdict         TEXT NOT NULL CONSTRAINT auditor_finding_verdict_known CHECK (verdict IN (${list(FINDING_VERDICTS)})),
  deviation_type  TEXT CONSTRAINT auditor_finding_deviation_type_known CHECK (deviation_type IS NULL OR deviation_type IN (${list(DEVIATION_TYPES)})),
  recommendation  TEXT NOT NULL CONSTRAINT auditor_finding_recommendation_known CHECK (recommendation IN (${list(RECOMMENDATIONS)})),
  note            TEXT,
  recorded_at     INTEGER NOT NULL,
  CONSTRAINT auditor_finding_deviation_has_type CHECK ((verdict = 'deviation') = (deviation_type IS NOT NULL)),
  PRIMARY KEY (pack_id, reference),
  FOREIGN KEY (pack_id, reference) REFERENCES audit_pack_cases (pack_id, reference)
) STRICT;
`;

export const migration009Auditor: Migration = {
  version: 9,
  name: "auditor",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
  },
};
