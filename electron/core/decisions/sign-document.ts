// Signing rule for the documents the office sends out (docs/decisions.md, "Signing"): the
// document, checked against its schema, as RFC 8785 canonical JSON; a prehashed ("ED") minisign
// signature of exactly those bytes; a trusted comment that names the kind, the id and the
// SHA-256 of the bytes, so that `minisign -V` prints what was signed.
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, type MinisignKeyPair, signPrehashed } from "../crypto/minisign.js";
import type { SignedDocumentKind } from "../../../shared/vocabulary/signed-document-kinds.js";
import { DocumentInvalidError, parseSignedDocument, type SignedDocuments, type VerifiableKind } from "./signed-kinds.js";

interface SignedFields {
  /** The canonical JSON bytes: `<id>.json` exactly. */
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, lower-case hex. */
  digest: string;
  /** The `.minisig` file's text. */
  signature: string;
  trustedComment: string;
}

/** A signed document of kind K (of any kind by default), told apart by `kind`. */
export type SignedDocument<K extends SignedDocumentKind = SignedDocumentKind> = { [P in K]: SignedFields & { kind: P; document: SignedDocuments[P] } }[K];

/** `counterseal <kind> <id> sha256:<hex>`: what minisign prints as the trusted comment. */
export const trustedCommentFor = (kind: SignedDocumentKind, id: string, digest: string): string => `counterseal ${kind} ${id} sha256:${digest}`;

const TRUSTED_COMMENT = /^counterseal (decision|countersignature|grievance-response|audit-findings) ([A-Za-z0-9._:-]{1,128}) sha256:([0-9a-f]{64})$/;

/** The kind, id and digest a trusted comment names, or undefined when it is not in our form. */
export function parseTrustedComment(comment: string): { kind: VerifiableKind; id: string; digest: string } | undefined {
  const match = comment.match(TRUSTED_COMMENT);
  if (!match) return undefined;
  const [, kind = "", id = "", digest = ""] = match;
  return { kind: kind as VerifiableKind, id, digest };
}

/**
 * Checks the document against its schema and that it names the signing key as its reviewer's,
 * then signs its canonical bytes; an invalid document is never signed.
 */
export function signDocument<K extends SignedDocumentKind>(kind: K, document: SignedDocuments[K], key: MinisignKeyPair): SignedDocument<K> {
  const parsed = parseSignedDocument(kind, document);
  if (!parsed.ok) throw new DocumentInvalidError(kind, ...parsed.issues);
  const signingKeyId = formatKeyId(key.keyId);
  if (parsed.value.reviewer.keyId !== signingKeyId) {
    throw new DocumentInvalidError(kind, `$.reviewer.keyId: names key ${parsed.value.reviewer.keyId}, but the signing key is ${signingKeyId}`);
  }
  const bytes = canonicalJsonBytes(parsed.value);
  const digest = sha256Hex(bytes);
  const trustedComment = trustedCommentFor(kind, parsed.value.id, digest);
  const signature = signPrehashed(bytes, key, trustedComment, `counterseal ${kind} ${parsed.value.id}`);
  // TypeScript cannot see that a K-keyed document with kind K is one member of the union.
  return { kind, document: parsed.value, bytes, digest, signature, trustedComment } as SignedDocument<K>;
}
