// Verifies a content-free audit export anywhere, with no store: the reviewer's signature over the
// whole file, then the chain row by row, naming the first link that does not hold (its seq, its
// line in the file and why). The signature proves who exported it and that nothing changed since;
// the chain check says where a changed file was changed.
import { formatKeyId, MinisignFormatError, type MinisignPublicKey, MinisignVerifyError, verifySignature } from "../crypto/minisign.js";
import { auditRowHash, GENESIS_HASH } from "../store/index.js";
import { AUDIT_EXPORT_FORMAT, type AuditExportHeader, type AuditExportRow, HEADER_FIELDS, ROW_FIELDS } from "./export-format.js";

export type SignatureCheck = { ok: true; keyId: string; trustedComment: string } | { ok: false; reason: string };

export type ChainCheck =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; seq: number; line: number; reason: string };

export interface ExportCheck {
  ok: boolean;
  signature: SignatureCheck;
  chain: ChainCheck;
}

export function verifyAuditExport(file: Uint8Array, signatureText: string, key: MinisignPublicKey): ExportCheck {
  const signature = checkSignature(file, signatureText, key);
  const chain = checkChain(file);
  return { ok: signature.ok && chain.ok, signature, chain };
}

function checkSignature(file: Uint8Array, signatureText: string, key: MinisignPublicKey): SignatureCheck {
  try {
    const verified = verifySignature(file, signatureText, key);
    return { ok: true, keyId: formatKeyId(verified.keyId), trustedComment: verified.trustedComment };
  } catch (error) {
    if (error instanceof MinisignVerifyError || error instanceof MinisignFormatError) return { ok: false, reason: error.message };
    throw error;
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

class Broken extends Error {
  constructor(
    readonly seq: number,
    readonly line: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** The chain of an export's bytes: intact up to the head its header names, or the first broken link. */
export function checkChain(file: Uint8Array): ChainCheck {
  try {
    return walk(linesOf(file));
  } catch (error) {
    if (error instanceof Broken) return { ok: false, seq: error.seq, line: error.line, reason: error.message };
    throw error;
  }
}

function linesOf(file: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(file);
  } catch {
    const bad = firstLineNotUtf8(file);
    throw new Broken(Math.max(1, bad - 1), bad, `line ${bad} is not valid UTF-8`);
  }
  const lines = text.split("\n");
  if (lines.at(-1) !== "") {
    throw new Broken(Math.max(1, lines.length - 1), lines.length, `line ${lines.length} does not end in a newline: the file was cut short`);
  }
  return lines.slice(0, -1);
}

/** The number of the first line whose bytes are not UTF-8 (only called once the whole file is not). */
function firstLineNotUtf8(file: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let start = 0, line = 1; start <= file.length; line += 1) {
    const end = file.indexOf(0x0a, start);
    const stop = end < 0 ? file.length : end;
    try {
      decoder.decode(file.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return 1;
}

function parseObject(line: string, lineNumber: number, fields: readonly string[], seq: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Broken(seq, lineNumber, `line ${lineNumber} is not JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Broken(seq, lineNumber, `line ${lineNumber} is not a JSON object`);
  const object = value as Record<string, unknown>;
  // Exactly these fields: as many keys, each of them there (JSON.parse gives no undefined values).
  const keys = Object.keys(object);
  if (keys.length !== fields.length || fields.some((field) => object[field] === undefined)) {
    throw new Broken(seq, lineNumber, `line ${lineNumber} has the fields ${keys.sort().join(", ")}; expected ${fields.join(", ")}`);
  }
  return object;
}

function readHeader(lines: readonly string[]): AuditExportHeader {
  const header = parseObject(lines[0] ?? "", 1, HEADER_FIELDS, 1);
  if (header["format"] !== AUDIT_EXPORT_FORMAT) throw new Broken(1, 1, `line 1 is not a ${AUDIT_EXPORT_FORMAT} header`);
  const { count, headSeq, headHash } = header;
  if (!Number.isSafeInteger(count) || count !== headSeq || (count as number) < 0 || typeof headHash !== "string" || !HEX64.test(headHash)) {
    throw new Broken(1, 1, "line 1: the header's count, headSeq and headHash are not a head of the chain");
  }
  return header as unknown as AuditExportHeader;
}

function readRow(line: string, lineNumber: number, expectedSeq: number): AuditExportRow {
  const row = parseObject(line, lineNumber, ROW_FIELDS, expectedSeq);
  const wrong = (field: string, what: string) => new Broken(expectedSeq, lineNumber, `line ${lineNumber}: ${field} is not ${what}`);
  for (const field of ["seq", "at"] as const) if (!Number.isSafeInteger(row[field])) throw wrong(field, "a whole number");
  for (const field of ["actor", "action", "objectType", "objectId"] as const) if (typeof row[field] !== "string") throw wrong(field, "a string");
  // prevHash and rowHash need no pattern: each is compared with a hash computed here, so anything
  // but that hash's hex fails its link or its row.
  if (typeof row["detailsDigest"] !== "string" || !HEX64.test(row["detailsDigest"])) throw wrong("detailsDigest", "64 lower-case hex digits");
  for (const field of ["prevHash", "rowHash"] as const) if (typeof row[field] !== "string") throw wrong(field, "a string");
  return row as unknown as AuditExportRow;
}

function walk(lines: readonly string[]): ChainCheck {
  const header = readHeader(lines);
  let prevHash = GENESIS_HASH;
  let seq = 0;
  for (let index = 1; index < lines.length; index += 1) {
    const lineNumber = index + 1;
    const expected = seq + 1;
    const row = readRow(lines[index] ?? "", lineNumber, expected);
    if (row.seq !== expected) throw outOfPlace(row.seq, expected, lineNumber, lines);
    if (row.prevHash !== prevHash) {
      const reason = expected === 1 ? "its prevHash is not the genesis hash" : `its prevHash is not row ${expected - 1}'s rowHash`;
      throw new Broken(expected, lineNumber, `row ${expected} (line ${lineNumber}) does not link to the row before: ${reason}`);
    }
    if (rowHashOf(row) !== row.rowHash) throw new Broken(expected, lineNumber, `row ${expected} (line ${lineNumber}): its rowHash does not match its contents`);
    prevHash = row.rowHash;
    seq = expected;
  }
  if (seq !== header.headSeq) {
    throw new Broken(seq + 1, lines.length + 1, `the rows end at row ${seq}, but the header names ${header.headSeq} rows: rows ${seq + 1} to ${header.headSeq} are missing (cut short)`);
  }
  if (prevHash !== header.headHash) throw new Broken(seq, lines.length, `row ${seq} is not the head the header names: its rowHash differs from headHash`);
  return { ok: true, count: seq, headSeq: seq, headHash: prevHash };
}

function seqOf(line: string): number | undefined {
  try {
    const value = (JSON.parse(line) as { seq?: unknown }).seq;
    return Number.isSafeInteger(value) ? (value as number) : undefined;
  } catch {
    return undefined;
  }
}

/** A row whose seq is not the next one: the next one missing, out of order, or a row repeated. */
function outOfPlace(found: number, expected: number, lineNumber: number, lines: readonly string[]): Broken {
  const elsewhere = lines.findIndex((line, index) => index > 0 && index + 1 !== lineNumber && seqOf(line) === expected);
  if (found < expected) return new Broken(expected, lineNumber, `row ${found} appears again at line ${lineNumber}, where row ${expected} belongs`);
  if (elsewhere >= 0) return new Broken(expected, lineNumber, `rows out of order: line ${lineNumber} holds row ${found} where row ${expected} belongs (row ${expected} is at line ${elsewhere + 1})`);
  return new Broken(expected, lineNumber, `row ${expected} is missing: line ${lineNumber} holds row ${found}`);
}

function rowHashOf(row: AuditExportRow): string | undefined {
  try {
    return auditRowHash(row);
  } catch {
    // A field without a UTF-8 form (a lone surrogate) cannot be a stored row's.
    return undefined;
  }
}
