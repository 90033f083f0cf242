// The first schema. Conventions for every table:
// - STRICT, so a value of the wrong type is an error instead of being stored as something else;
// - times are INTEGER milliseconds since the Unix epoch, UTC (see ../time.ts);
// - digests are 64 lowercase hex digits; key ids and keys are raw BLOBs of their exact length;
// - CHECK constraints are named, so a violation says which rule was broken.
import type Database from "better-sqlite3-multiple-ciphers";
import { COUNTERSEAL_APPLICATION_ID, type Migration } from "./migration.js";

const sha256Hex = (column: string): string => `length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`;

const SCHEMA = `
-- The reviewer who runs this office copy: one row. The minisign secret key lives here, inside
-- the encrypted store, never in a plain file.
CREATE TABLE reviewer (
  id          INTEGER PRIMARY KEY CONSTRAINT reviewer_is_one_row CHECK (id = 1),
  name        TEXT NOT NULL CONSTRAINT reviewer_name_not_empty CHECK (name <> ''),
  office      TEXT NOT NULL,
  key_id      BLOB NOT NULL CONSTRAINT reviewer_key_id_is_8_bytes CHECK (length(key_id) = 8),
  public_key  BLOB NOT NULL CONSTRAINT reviewer_public_key_is_32_bytes CHECK (length(public_key) = 32),
  secret_key  BLOB NOT NULL CONSTRAINT reviewer_secret_key_is_64_bytes CHECK (length(secret_key) = 64),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- age identities that open bundles sealed to the office.
CREATE TABLE office_age_identities (
  id          TEXT PRIMARY KEY NOT NULL,
  identity    TEXT NOT NULL UNIQUE CONSTRAINT age_identity_format CHECK (identity GLOB 'AGE-SECRET-KEY-1*'),
  recipient   TEXT NOT NULL UNIQUE CONSTRAINT age_identity_recipient_format CHECK (recipient GLOB 'age1*'),
  label       TEXT NOT NULL,
  added_at    INTEGER NOT NULL
) STRICT;

-- The keyring: senders (by the issuer's own authority id) and their minisign keys over time.
CREATE TABLE authorities (
  id          TEXT PRIMARY KEY NOT NULL CONSTRAINT authority_id_not_empty CHECK (id <> ''),
  name        TEXT NOT NULL,
  country     TEXT NOT NULL CONSTRAINT authority_country_is_alpha2 CHECK (country GLOB '[A-Z][A-Z]'),
  added_at    INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE authority_keys (
  key_id        BLOB PRIMARY KEY NOT NULL CONSTRAINT authority_key_id_is_8_bytes CHECK (length(key_id) = 8),
  authority_id  TEXT NOT NULL REFERENCES authorities (id),
  public_key    BLOB NOT NULL UNIQUE CONSTRAINT authority_public_key_is_32_bytes CHECK (length(public_key) = 32),
  age_recipient TEXT CONSTRAINT authority_age_recipient_format CHECK (age_recipient GLOB 'age1*'),
  valid_from    INTEGER,
  valid_until   INTEGER,
  revoked_at    INTEGER,
  added_at      INTEGER NOT NULL,
  CONSTRAINT authority_key_window_ordered CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until),
  -- Target of requests' (signer_key_id, authority_id) foreign key: a request can only name a
  -- signer key registered for the same authority it claims to come from.
  UNIQUE (key_id, authority_id)
) STRICT;
CREATE INDEX authority_keys_by_authority ON authority_keys (authority_id);

-- A case is one (authority, document id); each stored revision of that document is a request.
CREATE TABLE cases (
  id            TEXT PRIMARY KEY NOT NULL,
  authority_id  TEXT NOT NULL REFERENCES authorities (id),
  document_id   TEXT NOT NULL CONSTRAINT case_document_id_format
                CHECK (length(document_id) BETWEEN 1 AND 128 AND document_id NOT GLOB '*[^A-Za-z0-9._:-]*'),
  opened_at     INTEGER NOT NULL,
  UNIQUE (authority_id, document_id),
  -- Target of requests' (case_id, authority_id, document_id) foreign key.
  UNIQUE (id, authority_id, document_id)
) STRICT;

CREATE TABLE requests (
  id                      TEXT PRIMARY KEY NOT NULL,
  case_id                 TEXT NOT NULL,
  authority_id            TEXT NOT NULL,
  document_id             TEXT NOT NULL,
  revision                INTEGER NOT NULL CONSTRAINT request_revision_positive CHECK (revision >= 1),
  instrument              TEXT NOT NULL,
  urgency_level           TEXT NOT NULL,
  respond_by              INTEGER,
  submitted_at            INTEGER NOT NULL,
  received_at             INTEGER NOT NULL,
  -- The verified data/request.json, exactly as received.
  document                TEXT NOT NULL CONSTRAINT request_document_is_json CHECK (json_valid(document)),
  -- SHA-256 of tagmanifest-sha256.txt: the bundle's identity (sealed-bundle-v1, Identity).
  bundle_digest           TEXT NOT NULL UNIQUE CONSTRAINT request_bundle_digest_is_sha256 CHECK (${sha256Hex("bundle_digest")}),
  sealed_sha256           TEXT NOT NULL CONSTRAINT request_sealed_sha256_is_sha256 CHECK (${sha256Hex("sealed_sha256")}),
  signer_key_id           BLOB NOT NULL,
  signer_trusted_comment  TEXT NOT NULL,
  source_organization     TEXT NOT NULL,
  bagging_date            TEXT NOT NULL CONSTRAINT request_bagging_date_format
                          CHECK (bagging_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status                  TEXT NOT NULL DEFAULT 'received',
  UNIQUE (authority_id, document_id, revision),
  FOREIGN KEY (case_id, authority_id, document_id) REFERENCES cases (id, authority_id, document_id),
  FOREIGN KEY (signer_key_id, authority_id) REFERENCES authority_keys (key_id, authority_id)
) STRICT;
CREATE INDEX requests_by_case ON requests (case_id, revision);
CREATE INDEX requests_by_received ON requests (received_at);
CREATE INDEX requests_by_signer ON requests (signer_key_id, authority_id);

-- Attachment contents live inside the database as chunks, so they are encrypted, written in
-- the same transaction as their request, and backed up with the rest.
CREATE TABLE blobs (
  id      TEXT PRIMARY KEY NOT NULL,
  size    INTEGER NOT NULL CONSTRAINT blob_size_not_negative CHECK (size >= 0),
  sha256  TEXT NOT NULL CONSTRAINT blob_sha256_is_sha256 CHECK (${sha256Hex("sha256")})
) STRICT;

CREATE TABLE blob_chunks (
  -- Deferred: a blob's chunks are streamed in before its row (size and digest are known only at
  -- the end). A writer that never finishes leaves chunks without a blob, and the commit fails.
  blob_id TEXT NOT NULL REFERENCES blobs (id) DEFERRABLE INITIALLY DEFERRED,
  seq     INTEGER NOT NULL CONSTRAINT blob_chunk_seq_not_negative CHECK (seq >= 0),
  data    BLOB NOT NULL CONSTRAINT blob_chunk_not_empty CHECK (length(data) > 0),
  PRIMARY KEY (blob_id, seq)
) STRICT;

CREATE TABLE attachments (
  id          TEXT PRIMARY KEY NOT NULL,
  request_id  TEXT NOT NULL REFERENCES requests (id),
  position    INTEGER NOT NULL CONSTRAINT attachment_position_not_negative CHECK (position >= 0),
  path        TEXT NOT NULL CONSTRAINT attachment_path_not_empty CHECK (path <> ''),
  title       TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  size        INTEGER NOT NULL CONSTRAINT attachment_size_not_negative CHECK (size >= 0),
  sha256      TEXT NOT NULL CONSTRAINT attachment_sha256_is_sha256 CHECK (${sha256Hex("sha256")}),
  blob_id     TEXT NOT NULL REFERENCES blobs (id),
  UNIQUE (request_id, path),
  UNIQUE (request_id, position)
) STRICT;
CREATE INDEX attachments_by_blob ON attachments (blob_id);

-- Append-only, hash-chained audit log (encoding in ../audit-chain.ts). The triggers stop
-- ordinary UPDATE and DELETE, and any INSERT that does not extend the chain; the chain makes a
-- change made around them (with the triggers dropped) detectable by verifyAuditChain.
CREATE TABLE audit_log (
  seq             INTEGER PRIMARY KEY CONSTRAINT audit_seq_positive CHECK (seq >= 1),
  at              INTEGER NOT NULL,
  actor           TEXT NOT NULL CONSTRAINT audit_actor_not_empty CHECK (actor <> ''),
  action          TEXT NOT NULL CONSTRAINT audit_action_not_empty CHECK (action <> ''),
  object_type     TEXT NOT NULL,
  object_id       TEXT NOT NULL,
  details_json    TEXT NOT NULL CONSTRAINT audit_details_is_json CHECK (json_valid(details_json)),
  details_digest  TEXT NOT NULL CONSTRAINT audit_details_digest_is_sha256 CHECK (${sha256Hex("details_digest")}),
  prev_hash       TEXT NOT NULL CONSTRAINT audit_prev_hash_is_sha256 CHECK (${sha256Hex("prev_hash")}),
  row_hash        TEXT NOT NULL UNIQUE CONSTRAINT audit_row_hash_is_sha256 CHECK (${sha256Hex("row_hash")})
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;

CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log)
  OR NEW.prev_hash IS NOT coalesce((SELECT row_hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${"0".repeat(64)}')
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows must extend the chain: seq = last seq + 1 and prev_hash = last row_hash');
END;
`;

export const migration001Initial: Migration = {
  version: 1,
  name: "initial",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
    db.pragma(`application_id = ${COUNTERSEAL_APPLICATION_ID}`);
  },
};
