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
  return sha256Hex(auditHashText(fields));
}

/** The exact bytes that are hashed; exported so tests can pin the documented encoding. */
export function auditHashInput(fields: AuditHashFields): Buffer {
  return Buffer.from(auditHashText(fields), "utf8");
}

/**
 * The netstrings as one string, whose UTF-8 bytes are the hash input: one string and one hash per
 * row, because verification walks a million rows. Only the four free texts can hold a lone
 * surrogate: the rest are digits, the version tag and hex digests, which the store's CHECK
 * constraints and the export's reader hold to hex. Joined with commas, a lone surrogate stays
 * alone, so one test finds it.
 */
function auditHashText(fields: AuditHashFields): string {
  if (hasLoneSurrogate(`${fields.actor},${fields.action},${fields.objectType},${fields.objectId}`)) {
    throw new StoreError("Audit fields must not contain lone surrogates");
  }
  return (
    netstring(AUDIT_HASH_VERSION) +
    netstring(integerText(fields.seq)) +
    netstring(integerText(fields.at)) +
    netstring(fields.actor) +
    netstring(fields.action) +
    netstring(fields.objectType) +
    netstring(fields.objectId) +
    netstring(fields.detailsDigest) +
    netstring(fields.prevHash)
  );
}

const netstring = (text: string): string => `${Buffer.byteLength(text, "utf8")}:${text},`;

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new StoreError(`Audit field is not an integer: ${value}`);
  return String(value);
}
