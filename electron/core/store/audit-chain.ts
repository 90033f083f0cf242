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
 * row, because verification walks a million rows. The four free texts are tested for a lone
 * surrogate (joined with commas, one stays alone, so one test finds it); the digests are hex
 * wherever they come from (computed, the store's CHECK constraints, the export's reader).
 */
function auditHashText(fields: AuditHashFields): string {
  const { actor, action, objectType, objectId, detailsDigest, prevHash } = fields;
  if (hasLoneSurrogate(`${actor},${action},${objectType},${objectId}`)) throw new StoreError("Audit fields must not contain lone surrogates");
  const seq = integerText(fields.seq);
  const at = integerText(fields.at);
  // Digits are one byte a character, so their length is their byte length.
  return `${VERSION_NETSTRING}${seq.length}:${seq},${at.length}:${at},${netstring(actor)}${netstring(action)}${netstring(objectType)}${netstring(objectId)}${netstring(detailsDigest)}${netstring(prevHash)}`;
}

const netstring = (text: string): string => `${Buffer.byteLength(text, "utf8")}:${text},`;

const VERSION_NETSTRING = netstring(AUDIT_HASH_VERSION);

function integerText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new StoreError(`Audit field is not an integer: ${value}`);
  return String(value);
}
