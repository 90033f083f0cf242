// Checks a verification copy (`<id>.json` with `<id>.json.minisig` beside it) and says exactly
// what held and what did not: the signature and its trusted comment against the keys given,
// the trusted comment naming this id and the SHA-256 of these bytes, the bytes being canonical
// JSON, the document parsing against its schema and naming the signing key as its reviewer's.
// For a decision it also lists the countersignatures found beside it, each checked the same way.
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DEFAULT_LIMITS } from "../bundles/limits.js";
import { parseStrictJson, StrictJsonError } from "../bundles/strict-json.js";
import { constantTimeEqual } from "../crypto/bytes.js";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, keyIdsEqual, type MinisignPublicKey, type MinisignSignature, MinisignFormatError, MinisignVerifyError, parseSignature, verifySignature } from "../crypto/minisign.js";
import type { CountersignatureDocument } from "../../../shared/formats/countersignature.js";
import { decisionStatus, type DecisionStatus } from "./decision-status.js";
import { parseTrustedComment } from "./sign-document.js";
import { claimedKind, parseAnySignedDocument, signerOf, type AnySignedDocument, type VerifiableKind } from "./signed-kinds.js";

/** The checks, in the order they are made; each report lists every one of them. */
export const COPY_CHECKS = ["signature-file", "key", "signature", "trusted-comment", "digest", "canonical-json", "schema", "reviewer-key"] as const;
export type CopyCheck = (typeof COPY_CHECKS)[number];

export interface CheckResult {
  check: CopyCheck;
  ok: boolean;
  /** What was verified, or what failed, in one sentence. */
  detail: string;
}

export interface CountersignatureListing {
  file: string;
  id: string;
  verdict: string;
  reviewerKeyId: string;
  /** The countersignature names the digest of exactly this decision's bytes. */
  digestMatches: boolean;
  /** Its own copy verified in full. */
  verified: boolean;
}

export interface CopyReport {
  file: string;
  type: "verification-copy";
  ok: boolean;
  kind?: VerifiableKind;
  id?: string;
  /** SHA-256 of the JSON file's bytes. */
  digest: string;
  keyId?: string;
  trustedComment?: string;
  checks: CheckResult[];
  /** Decisions: countersignatures of this decision found in the same folder. Countersignatures: the decision they answer. */
  countersignatures?: CountersignatureListing[];
  countersignaturesRequired?: boolean;
  /** Decisions: final, or not yet, counting only the countersignatures here that verified. */
  status?: DecisionStatus;
  countersigns?: { id: string; digest: string };
}

export const JSON_LIMITS = { maxBytes: DEFAULT_LIMITS.documentBytes, maxDepth: DEFAULT_LIMITS.documentDepth };

export function verifyCopy(jsonPath: string, keys: readonly MinisignPublicKey[], options: { listCountersignatures?: boolean } = {}): CopyReport {
  const bytes = new Uint8Array(readFileSync(jsonPath));
  const digest = sha256Hex(bytes);
  const checks = new Map<CopyCheck, CheckResult>();
  const pass = (check: CopyCheck, detail: string): void => void checks.set(check, { check, ok: true, detail });
  const fail = (check: CopyCheck, detail: string): void => void checks.set(check, { check, ok: false, detail });
  const report: CopyReport = { file: jsonPath, type: "verification-copy", ok: false, digest, checks: [] };

  const signature = readSignature(`${jsonPath}.minisig`, pass, fail);
  let signingKey: MinisignPublicKey | undefined;
  if (signature !== undefined) {
    report.keyId = formatKeyId(signature.keyId);
    report.trustedComment = signature.trustedComment;
    signingKey = keys.find((key) => keyIdsEqual(key.keyId, signature.keyId));
    if (signingKey === undefined) fail("key", `signed by key ${report.keyId}, which is not among the keys given (${keys.map((key) => formatKeyId(key.keyId)).join(", ") || "none"})`);
    else {
      pass("key", `signed by key ${report.keyId}`);
      checkSignature(bytes, signature, signingKey, pass, fail);
    }
  }

  const document = readDocument(bytes, jsonPath, pass, fail);
  if (document !== undefined) {
    report.kind = document.kind;
    report.id = document.document.id;
    const expectedName = `${document.document.id}.json`;
    if (basename(jsonPath) !== expectedName) fail("schema", `the file is named ${basename(jsonPath)}, but its document's id says ${expectedName}`);
    if (signature !== undefined) {
      const signer = signerOf(document);
      if (signer.keyId === report.keyId) pass("reviewer-key", `${signer.field}.keyId names the signing key ${report.keyId} (${signer.name})`);
      else fail("reviewer-key", `${signer.field}.keyId names key ${signer.keyId}, but the file was signed by key ${report.keyId ?? ""}`);
    }
    if (document.kind === "decision") {
      report.countersignaturesRequired = document.document.countersignaturesRequired;
      if (options.listCountersignatures ?? true) {
        const found = findCountersignatures(jsonPath, document.document.id, digest, keys);
        report.countersignatures = found.map((each) => each.listing);
        const verified = found.filter((each) => each.listing.verified).map((each) => each.document);
        report.status = decisionStatus(document.document, digest, verified);
      }
    }
    if (document.kind === "countersignature") report.countersigns = { ...document.document.decision };
  }
  if (signature !== undefined) checkTrustedComment(signature.trustedComment, digest, document, basename(jsonPath, ".json"), pass, fail);

  report.checks = COPY_CHECKS.map((check) => checks.get(check) ?? { check, ok: false, detail: "not checked: an earlier check failed" });
  report.ok = report.checks.every((check) => check.ok);
  return report;
}

type Mark = (check: CopyCheck, detail: string) => void;

function readSignature(path: string, pass: Mark, fail: Mark): MinisignSignature | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail("signature-file", code === "ENOENT" ? `${basename(path)} is missing beside the JSON file` : `${basename(path)} cannot be read (${code ?? "unknown error"})`);
    return undefined;
  }
  try {
    const parsed = parseSignature(text);
    if (parsed.algorithm !== "ED") {
      fail("signature-file", `${basename(path)} is a legacy (non-prehashed "Ed") signature; the office signs prehashed ("ED")`);
      return undefined;
    }
    pass("signature-file", `${basename(path)} is a prehashed (ED) minisign signature`);
    return parsed;
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    fail("signature-file", `${basename(path)}: ${error.message}`);
    return undefined;
  }
}

function checkSignature(bytes: Uint8Array, signature: MinisignSignature, key: MinisignPublicKey, pass: Mark, fail: Mark): void {
  try {
    verifySignature(bytes, signature, key);
    pass("signature", "the signature of the JSON file's bytes and the signature of its trusted comment verify");
  } catch (error) {
    if (!(error instanceof MinisignVerifyError)) throw error;
    const detail = error.reason === "trusted-comment-signature-invalid" ? "the trusted comment was changed after signing: its signature does not verify" : error.message;
    fail("signature", detail);
  }
}

function readDocument(bytes: Uint8Array, path: string, pass: Mark, fail: Mark): AnySignedDocument | undefined {
  let value: unknown;
  try {
    value = parseStrictJson(bytes, { ...JSON_LIMITS, fileName: basename(path) });
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    fail("canonical-json", `not valid JSON: ${error.message}`);
    fail("schema", "not checked: the file is not valid JSON");
    return undefined;
  }
  let canonical: Uint8Array | undefined;
  try {
    canonical = canonicalJsonBytes(value);
  } catch (error) {
    fail("canonical-json", `has no RFC 8785 form: ${(error as Error).message}`);
  }
  if (canonical !== undefined) {
    if (canonical.length === bytes.length && constantTimeEqual(canonical, bytes)) pass("canonical-json", "the bytes are RFC 8785 canonical JSON");
    else fail("canonical-json", "the bytes are not RFC 8785 canonical JSON: re-canonicalising them gives other bytes");
  }
  const parsed = parseAnySignedDocument(value);
  if (!parsed.ok) {
    fail("schema", `${claimedKind(value) ?? "the document"} does not parse: ${parsed.issues.join("; ")}`);
    return undefined;
  }
  pass("schema", `a valid ${parsed.value.kind} document (${parsed.value.document.schema})`);
  return parsed.value;
}

function checkTrustedComment(comment: string, digest: string, document: AnySignedDocument | undefined, fileId: string, pass: Mark, fail: Mark): void {
  const named = parseTrustedComment(comment);
  if (named === undefined) {
    fail("trusted-comment", `the trusted comment "${comment}" is not of the form "counterseal <kind> <id> sha256:<digest>"`);
    fail("digest", "not checked: the trusted comment names no digest");
    return;
  }
  const id = document?.document.id ?? fileId;
  const problems = [
    ...(named.id === id ? [] : [`names ${named.id}, not ${id}`]),
    ...(document === undefined || named.kind === document.kind ? [] : [`names a ${named.kind}, but the file holds a ${document.kind}`]),
  ];
  if (problems.length === 0) pass("trusted-comment", `the trusted comment names ${named.kind} ${named.id}`);
  else fail("trusted-comment", `the trusted comment ${problems.join(" and ")}`);
  if (named.digest === digest) pass("digest", `the trusted comment names sha256:${digest}, the digest of these bytes`);
  else fail("digest", `the trusted comment names sha256:${named.digest}, but these bytes have sha256:${digest}`);
}

/** Countersignature copies in the decision's folder that name this decision, each verified. */
function findCountersignatures(
  decisionPath: string,
  decisionId: string,
  decisionDigest: string,
  keys: readonly MinisignPublicKey[],
): { listing: CountersignatureListing; document: CountersignatureDocument }[] {
  const folder = dirname(decisionPath);
  const found: { listing: CountersignatureListing; document: CountersignatureDocument }[] = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    if (!name.endsWith(".json") || path === decisionPath) continue;
    const named = countersignatureTarget(path);
    if (named?.decision.id !== decisionId) continue;
    const report = verifyCopy(path, keys, { listCountersignatures: false });
    const listing = { file: path, id: named.id, verdict: named.verdict, reviewerKeyId: named.reviewer.keyId, digestMatches: named.decision.digest === decisionDigest, verified: report.ok };
    found.push({ listing, document: named });
  }
  return found;
}

function countersignatureTarget(path: string): CountersignatureDocument | undefined {
  try {
    const value = parseStrictJson(new Uint8Array(readFileSync(path)), { ...JSON_LIMITS, fileName: basename(path) });
    const parsed = parseAnySignedDocument(value);
    return parsed.ok && parsed.value.kind === "countersignature" ? parsed.value.document : undefined;
  } catch {
    return undefined;
  }
}
