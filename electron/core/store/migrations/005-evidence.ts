// The evidence layout: each imported bundle's sealed bytes are kept (the evidence), re-wrapped
// to the store's own key, small ones in the `evidence` row, large ones as files in the store's
// `evidence/` folder; attachments are read from them by their place in the decrypted tar
// stream, so the chunk tables of migration 001 go.
//
// Stores at schemas 2 to 4 were development builds only (no release carried them). One without
// requests moves as it is; one holding requests is refused untouched (its attachments were
// decrypted and re-chunked, so there is no sealed original left to keep; docs/store.md).
import type Database from "better-sqlite3-multiple-ciphers";
import { StoreLayoutTooOldError } from "../errors.js";
import type { Migration } from "./migration.js";

const sha256Hex = (column: string): string => `length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`;

const SCHEMA = `
DROP INDEX attachments_by_blob;
DROP TABLE attachments;
DROP TABLE blob_chunks;
DROP TABLE blobs;

-- The key kept bundles are re-wrapped to (crypto/age-store-stanza.ts): it exists only here,
-- inside the encrypted database. One row, made with the first kept bundle.
CREATE TABLE store_keys (
  id            INTEGER PRIMARY KEY CONSTRAINT store_keys_is_one_row CHECK (id = 1),
  evidence_key  BLOB NOT NULL CONSTRAINT store_evidence_key_is_32_bytes CHECK (length(evidence_key) = 32),
  created_at    INTEGER NOT NULL
) STRICT;

-- One kept bundle per request. The kept age file is the original with its header replaced by
-- the store's; original_header (and, for an armored original, its layout) gives back the file
-- exactly as it arrived. content holds a small kept file; file_name names a large one in
-- evidence/ (content-named: a keyed digest of sealed_sha256, so the name reveals nothing).
CREATE TABLE evidence (
  request_id        TEXT PRIMARY KEY NOT NULL REFERENCES requests (id),
  sealed_sha256     TEXT NOT NULL UNIQUE CONSTRAINT evidence_sealed_sha256_is_sha256 CHECK (${sha256Hex("sealed_sha256")}),
  sealed_size       INTEGER NOT NULL CONSTRAINT evidence_sealed_size_not_negative CHECK (sealed_size >= 0),
  original_header   BLOB NOT NULL CONSTRAINT evidence_original_header_not_empty CHECK (length(original_header) > 0),
  armor             TEXT CONSTRAINT evidence_armor_is_json CHECK (armor IS NULL OR json_valid(armor)),
  kept_size         INTEGER NOT NULL CONSTRAINT evidence_kept_size_positive CHECK (kept_size > 0),
  plaintext_size    INTEGER NOT NULL CONSTRAINT evidence_plaintext_size_not_negative CHECK (plaintext_size >= 0),
  file_name         TEXT UNIQUE CONSTRAINT evidence_file_name_format CHECK (file_name IS NULL OR (${sha256Hex("substr(file_name, 1, 64)")} AND substr(file_name, 65) = '.age')),
  content           BLOB,
  CONSTRAINT evidence_in_row_or_file CHECK ((file_name IS NULL) <> (content IS NULL)),
  CONSTRAINT evidence_content_size CHECK (content IS NULL OR length(content) = kept_size)
) STRICT;
CREATE INDEX evidence_by_file_name ON evidence (file_name) WHERE file_name IS NOT NULL;

-- An attachment is a range of its request's decrypted tar stream: tar_offset is where its
-- bytes start, size how many; sha256 was checked against the bag's manifest at import.
CREATE TABLE attachments (
  id          TEXT PRIMARY KEY NOT NULL,
  request_id  TEXT NOT NULL REFERENCES evidence (request_id),
  position    INTEGER NOT NULL CONSTRAINT attachment_position_not_negative CHECK (position >= 0),
  path        TEXT NOT NULL CONSTRAINT attachment_path_not_empty CHECK (path <> ''),
  title       TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  tar_offset  INTEGER NOT NULL CONSTRAINT attachment_tar_offset_not_negative CHECK (tar_offset >= 0),
  size        INTEGER NOT NULL CONSTRAINT attachment_size_not_negative CHECK (size >= 0),
  sha256      TEXT NOT NULL CONSTRAINT attachment_sha256_is_sha256 CHECK (${sha256Hex("sha256")}),
  UNIQUE (request_id, path),
  UNIQUE (request_id, position)
) STRICT;

-- A deleted request's words leave the full-text index itself, not only its lookups (FTS5's
-- secure-delete, beside the connection's secure_delete pragma).
INSERT INTO request_search (request_search, rank) VALUES ('secure-delete', 1);
`;

export const migration005Evidence: Migration = {
  version: 5,
  name: "evidence",
  up(db: Database.Database): void {
    const requests = db.prepare("SELECT count(*) FROM requests").pluck().get() as number;
    if (requests > 0) throw new StoreLayoutTooOldError(requests);
    db.exec(SCHEMA);
  },
};
