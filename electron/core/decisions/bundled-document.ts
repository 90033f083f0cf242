// A signed document carried inside a bundle (a decision in a countersignature request, a
// countersignature coming back), checked as `counterseal verify` checks a verification copy, but
// against one key, the bag's signer's, with each fault a refusal naming the file: the signature
// by that key, its trusted comment naming the kind, id and digest, the bytes canonical JSON, the
// document its kind's schema, and its reviewer the signing key.
import type { SignedDocumentKind } from "../../../shared/vocabulary/signed-document-kinds.js";
import { ATTACHMENTS_DIR } from "../bundles/seal-bundle.js";
import type { BundleLimits } from "../bundles/limits.js";
import type { OpenedBag } from "../bundles/open-bundle.js";
import { refuse } from "../bundles/refusal.js";
import { parseStrictJson, StrictJsonError } from "../bundles/strict-json.js";
import { issuesText } from "../bundles/bundle-document.js";
import { constantTimeEqual, decodeUtf8Strict } from "../crypto/bytes.js";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, keyIdsEqual, MinisignFormatError, MinisignVerifyError, parseSignature, verifySignature } from "../crypto/minisign.js";
import type { EvidenceWriter } from "../store/index.js";
import { trustedCommentFor, type SignedDocument } from "./sign-document.js";
import { parseSignedDocument } from "./signed-kinds.js";

/** The bytes of a small payload file, read back from what the writer kept of the tar stream. */
export function payloadBytes(opened: OpenedBag, writer: EvidenceWriter, bagPath: string, limits: BundleLimits): Uint8Array {
  const buffered = opened.buffered.get(bagPath);
  if (buffered !== undefined) return buffered;
  const location = opened.located.get(bagPath);
  if (location === undefined) return refuse("document-invalid", `${bagPath} is missing from the bag`);
  if (location.size > limits.documentBytes) refuse("limit-exceeded", `${bagPath} is larger than the document limit of ${limits.documentBytes} bytes`);
  const bytes = Buffer.concat([...writer.readPlaintext(location.offset, location.size)]);
  if (sha256Hex(bytes) !== location.sha256) throw new Error(`${bagPath} read back from the kept bundle differs from what the import hashed`);
  return bytes;
}

export const attachmentPath = (name: string): string => `${ATTACHMENTS_DIR}/${name}`;

/** The signed document `<id>.json` with `<id>.json.minisig` from the bag, verified against the bag signer's key. */
export function bundledSignedDocument<K extends SignedDocumentKind>(
  kind: K,
  id: string,
  opened: OpenedBag,
  files: { bytes: Uint8Array; signatureText: Uint8Array; path: string },
  limits: BundleLimits,
): SignedDocument<K> {
  const { path, bytes } = files;
  const key = opened.signer.key;
  const signatureText = decodeOrRefuse(files.signatureText, `${path}.minisig`);
  let signature;
  try {
    signature = parseSignature(signatureText);
  } catch (error) {
    if (error instanceof MinisignFormatError) refuse("document-invalid", `${path}.minisig: ${error.message}`);
    throw error;
  }
  if (!keyIdsEqual(signature.keyId, key.keyId)) {
    refuse("document-invalid", `${path}.minisig is signed by key ${formatKeyId(signature.keyId)}, not by the key that signed the bundle (${formatKeyId(key.keyId)})`);
  }
  try {
    verifySignature(bytes, signature, key);
  } catch (error) {
    if (error instanceof MinisignVerifyError) refuse("document-invalid", `${path}.minisig does not verify: ${error.message}`);
    throw error;
  }
  const digest = sha256Hex(bytes);
  const expectedComment = trustedCommentFor(kind, id, digest);
  if (signature.trustedComment !== expectedComment) refuse("document-invalid", `${path}.minisig: the trusted comment is "${signature.trustedComment}", not "${expectedComment}"`);
  let value: unknown;
  try {
    value = parseStrictJson(bytes, { maxBytes: limits.documentBytes, maxDepth: limits.documentDepth, fileName: path });
  } catch (error) {
    if (error instanceof StrictJsonError) refuse("document-invalid", error.message);
    throw error;
  }
  const canonical = canonicalJsonBytes(value);
  if (canonical.length !== bytes.length || !constantTimeEqual(canonical, bytes)) refuse("document-invalid", `${path} is not RFC 8785 canonical JSON`);
  const parsed = parseSignedDocument(kind, value);
  if (!parsed.ok) refuse("document-invalid", `${path}: ${issuesText(parsed.issues)}`);
  const document = parsed.value;
  if (document.id !== id) refuse("document-invalid", `${path}: $.id is ${document.id}, not ${id}`);
  if (document.reviewer.keyId !== formatKeyId(key.keyId)) refuse("document-invalid", `${path}: $.reviewer.keyId names key ${document.reviewer.keyId}, but it is signed by key ${formatKeyId(key.keyId)}`);
  return { kind, document, bytes, digest, signature: signatureText, trustedComment: expectedComment } as SignedDocument<K>;
}

function decodeOrRefuse(bytes: Uint8Array, path: string): string {
  try {
    return decodeUtf8Strict(bytes);
  } catch {
    return refuse("document-invalid", `${path} is not UTF-8`);
  }
}
