// The audit log's hash chain, as pure functions so verification needs no database.
//
// row_hash = lowercase hex SHA-256 of the concatenation of netstrings
//   netstring(x) = <byte length of x in decimal> ":" <x> ","      (x encoded as UTF-8)
// over these fields, in order:
//   "counterseal.audit.v1", seq, at, actor, action, object_type, object_id, details_digest, prev_hash
// where seq and at (milliseconds since the epoch) are written as base-10 integers, and
// details_digest and prev_hash as 64 lowercase hex digits. Length prefixes make the encoding
// unambiguous whatever the fields contain (separators, newlines, empty strings), and the
// version tag separates this encoding from any later one.
//
// details_digest = lowercase hex SHA-256 of details_json, the RFC 8785 canonical JSON text of
// the details (electron/core/crypto/canonical-json.ts), stored verbatim. The first row's prev_hash is GENESIS_HASH.
import { hasLoneSurrogate, sha256Hex } from "./bytes.js";
import { StoreError } from "./errors.js";

export const GENESIS_HASH = "0".repeat(64);
export const AUDIT_HASH_VERSION = "counterseal.audit.v1";

export interface AuditHashFields {
  seq: number;
  at: number;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  detailsDigest: string;
  prevHash: string;
}

export function auditRowHash(fields: AuditHashFields): string {
  return sha256Hex(auditHashInput(fields));
}

/** The exact bytes that are hashed; exported so tests can pin the documented encoding. */
export function auditHashInput(fields: AuditHashFields): Buffer {
  const parts = [
    AUDIT_HASH_VERSION,
    integerText(fields.seq),
    integerText(fields.at),
    fields.actor,
    fields.action,
    fields.objectType,
    fields.objectId,
    fields.detailsDigest,
    fields.prevHash,
  ];
  return Buffer.concat(parts.map(netstring));
}

function netstring(text: string): Buffer {
  if (hasLoneSurrogate(text)) throw new StoreError("Audit fields must not contain lone surrogates");
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([Buffer.from(`${bytes.length}:`, "ascii"), bytes, Buffer.from(",", "ascii")]);
}

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new StoreError(`Audit field is not an integer: ${value}`);
  return String(value);
}
