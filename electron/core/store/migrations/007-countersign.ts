// Four eyes between two offices' stores, and bundles other than requests:
// - keyring entries get a kind: `authority` (an issuer, what every entry was before),
//   `reviewer` (a colleague: their minisign key and age recipient) or `committee` (a
//   parliamentary committee). The kind belongs to the entry (the `authorities` row), so every key
//   of an entry has it.
// - `countersign_requests`: a colleague's decision sealed to this store for its countersignature,
//   kept read-only (it is no request of this office's), with this store's answer once given.
// - `countersignatures`: the answers that came back for this store's own decisions.
// - grievances imported as bundles record the key that signed them and their bundle's digest.
import type Database from "better-sqlite3-multiple-ciphers";
import { KEYRING_KINDS } from "../../../../shared/vocabulary/keyring-kinds.js";
import type { Migration } from "./migration.js";

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(", ");
const sha256Hex = (column: string): string => `length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*'`;
const identifier = (column: string): string => `length(${column}) BETWEEN 1 AND 128 AND ${column} NOT GLOB '*[^A-Za-z0-9._:-]*'`;

const SCHEMA = `
ALTER TABLE authorities ADD COLUMN kind TEXT NOT NULL DEFAULT 'authority'
  CONSTRAINT authority_kind_known CHECK (kind IN (${list(KEYRING_KINDS)}));

CREATE TABLE countersign_requests (
  -- The colleague's decision id: one request per decision.
  decision_id         TEXT PRIMARY KEY NOT NULL CONSTRAINT countersign_request_decision_id_format CHECK (${identifier("decision_id")}),
  -- The reviewer key (a keyring entry of kind reviewer) that signed the bundle and the decision.
  from_key_id         BLOB NOT NULL REFERENCES authority_keys (key_id),
  -- The counterseal.countersignature-request/1 document, exactly as received.
  document            TEXT NOT NULL CONSTRAINT countersign_request_document_is_json CHECK (json_valid(document)),
  -- The decision's signed bytes and signature, exactly as the colleague's store holds them.
  decision            BLOB NOT NULL,
  decision_signature  TEXT NOT NULL CONSTRAINT countersign_request_signature_is_minisig CHECK (decision_signature GLOB 'untrusted comment: *'),
  decision_sha256     TEXT NOT NULL CONSTRAINT countersign_request_decision_sha256_is_hex CHECK (${sha256Hex("decision_sha256")}),
  bundle_digest       TEXT NOT NULL UNIQUE CONSTRAINT countersign_request_bundle_digest_is_hex CHECK (${sha256Hex("bundle_digest")}),
  received_at         INTEGER NOT NULL,
  -- This store's countersignature (signed or declined), once given: all set or all null.
  answer_id           TEXT UNIQUE CONSTRAINT countersign_answer_id_format CHECK (answer_id IS NULL OR (${identifier("answer_id")})),
  answer_verdict      TEXT CONSTRAINT countersign_answer_verdict_known CHECK (answer_verdict IS NULL OR answer_verdict IN ('signed', 'declined')),
  answer_document     BLOB,
  answer_signature    TEXT,
  answer_sha256       TEXT CONSTRAINT countersign_answer_sha256_is_hex CHECK (answer_sha256 IS NULL OR (${sha256Hex("answer_sha256")})),
  answered_at         INTEGER,
  CONSTRAINT countersign_answer_whole CHECK (
    (answer_id IS NULL AND answer_verdict IS NULL AND answer_document IS NULL AND answer_signature IS NULL AND answer_sha256 IS NULL AND answered_at IS NULL) OR
    (answer_id IS NOT NULL AND answer_verdict IS NOT NULL AND answer_document IS NOT NULL AND answer_signature IS NOT NULL AND answer_sha256 IS NOT NULL AND answered_at IS NOT NULL))
) STRICT;

CREATE TABLE countersignatures (
  id                  TEXT PRIMARY KEY NOT NULL CONSTRAINT countersignature_id_format CHECK (${identifier("id")}),
  decision_id         TEXT NOT NULL REFERENCES decisions (id),
  verdict             TEXT NOT NULL CONSTRAINT countersignature_verdict_known CHECK (verdict IN ('signed', 'declined')),
  -- Exactly the signed bytes (canonical JSON) and the minisign signature file over them.
  document            BLOB NOT NULL,
  signature           TEXT NOT NULL CONSTRAINT countersignature_signature_is_minisig CHECK (signature GLOB 'untrusted comment: *'),
  sha256              TEXT NOT NULL CONSTRAINT countersignature_sha256_is_hex CHECK (${sha256Hex("sha256")}),
  signer_key_id       BLOB NOT NULL REFERENCES authority_keys (key_id),
  bundle_digest       TEXT NOT NULL UNIQUE CONSTRAINT countersignature_bundle_digest_is_hex CHECK (${sha256Hex("bundle_digest")}),
  received_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX countersignatures_by_decision ON countersignatures (decision_id, received_at);

ALTER TABLE grievances ADD COLUMN signer_key_id BLOB REFERENCES authority_keys (key_id);
ALTER TABLE grievances ADD COLUMN bundle_digest TEXT CONSTRAINT grievance_bundle_digest_is_hex CHECK (bundle_digest IS NULL OR (${sha256Hex("bundle_digest")}));
CREATE UNIQUE INDEX grievances_by_bundle ON grievances (bundle_digest) WHERE bundle_digest IS NOT NULL;
`;

export const migration007Countersign: Migration = {
  version: 7,
  name: "countersign",
  up(db: Database.Database): void {
    db.exec(SCHEMA);
  },
};
