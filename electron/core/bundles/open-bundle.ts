// Opens a sealed bundle layer by layer (age → tar → BagIt → signature → trust → document) and
// returns it verified, or throws exactly one BundleRefusal. Payload files are streamed into the
// payload store as they arrive; the caller runs all of this inside one store transaction, so a
// refusal (or a crash) anywhere leaves nothing behind.
import type { RequestDocument } from "../../../shared/formats/request.js";
import { AgeDecryptError, decryptAge } from "../crypto/age.js";
import { decodeUtf8Strict } from "../crypto/bytes.js";
import { createSha256, sha256Hex } from "../crypto/digest.js";
import {
  formatKeyId,
  MinisignFormatError,
  MinisignVerifyError,
  parseSignature,
  verifySignature,
  type MinisignSignature,
} from "../crypto/minisign.js";
import type { AuthorityKey } from "../store/index.js";
import { decideSignerTrust } from "../keyring/signer-trust.js";
import { checkBag, SIGNATURE_FILE, TAG_MANIFEST, type CheckedBag } from "./bag-check.js";
import { readBag, type PayloadStore } from "./bag-reader.js";
import type { BundleLimits } from "./limits.js";
import { BundleRefusal, refuse } from "./refusal.js";
import { readRequestDocument } from "./request-document.js";

export interface OpenBundleDeps {
  identities: readonly string[];
  limits: BundleLimits;
  payloads: PayloadStore;
  findSignerKey(keyId: Uint8Array): AuthorityKey | undefined;
  /** Import time: the moment the signer's key must be valid at. */
  now: Date;
  onBytes?: (sealedBytesRead: number) => void;
}

export interface OpenedAttachment {
  /** Relative to data/, as the document lists it. */
  path: string;
  title: string;
  mediaType: string;
  /** The payload sink its bytes went to. */
  handle: string;
}

export interface OpenedBundle {
  bag: CheckedBag;
  document: RequestDocument;
  /** The document exactly as received (validated UTF-8). */
  documentText: string;
  signer: { key: AuthorityKey; trustedComment: string };
  attachments: OpenedAttachment[];
  /** SHA-256 (hex) of the sealed file as received. */
  sealedSha256: string;
}

export async function openSealedBundle(sealed: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, deps: OpenBundleDeps): Promise<OpenedBundle> {
  const raw = measureSealed(sealed, deps.limits.sealedBytes, deps.onBytes);
  let read;
  try {
    read = await readBag(decryptAge(raw, deps.identities, { maxStanzas: deps.limits.ageStanzas }), deps.limits, deps.payloads);
  } catch (error) {
    if (error instanceof AgeDecryptError) throw new BundleRefusal(error.code, error.message);
    throw error;
  }
  const bag = await checkBag(read.inventory);
  const tagManifest = read.inventory.tagFiles.get(TAG_MANIFEST);
  if (!tagManifest) throw new Error("checkBag passed a bag without its tag manifest");

  const { key, trustedComment } = verifySigner(read.inventory.tagFiles.get(SIGNATURE_FILE), tagManifest, bag, deps);

  if (bag.info.bundleType !== "request") {
    refuse("document-invalid", `bag-info.txt: Bundle-Type "${bag.info.bundleType}" cannot be imported; this office imports request bundles`);
  }
  const documentBytes = read.buffered.get(bag.documentPath);
  if (!documentBytes) {
    if (read.streamed.has(bag.documentPath)) {
      refuse("limit-exceeded", `${bag.documentPath} is larger than the document limit of ${deps.limits.documentBytes} bytes`);
    }
    throw new Error(`checkBag passed a bag without ${bag.documentPath}`);
  }
  const document = readRequestDocument(documentBytes, deps.limits, bag.documentPath);
  checkIdentifierMatches(bag, document);
  const attachments = matchAttachments(document, bag, read.streamed, read.buffered, deps.payloads);

  return {
    bag,
    document,
    documentText: decodeUtf8Strict(documentBytes),
    signer: { key, trustedComment },
    attachments,
    sealedSha256: raw.sha256(),
  };
}

type MeasuredStream = AsyncIterable<Uint8Array> & { sha256(): string };

/** Counts and hashes the sealed bytes as they are read, refusing past the size limit. */
function measureSealed(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limit: number, onBytes?: (read: number) => void): MeasuredStream {
  const hash = createSha256();
  let read = 0;
  let digest: string | undefined;
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of source) {
        read += chunk.byteLength;
        if (read > limit) refuse("limit-exceeded", `the sealed file is larger than ${limit} bytes`);
        hash.update(chunk);
        onBytes?.(read);
        yield chunk;
      }
    },
    sha256: () => (digest ??= hash.digest("hex")),
  };
}

function verifySigner(
  signatureBytes: Uint8Array | undefined,
  tagManifest: Uint8Array,
  bag: CheckedBag,
  deps: OpenBundleDeps,
): { key: AuthorityKey; trustedComment: string } {
  if (!signatureBytes) refuse("signature-missing", `${SIGNATURE_FILE} is missing: the bundle is not signed`);
  let signature: MinisignSignature;
  try {
    signature = parseSignature(decodeUtf8Strict(signatureBytes));
  } catch (error) {
    throw new BundleRefusal("signature-invalid", `${SIGNATURE_FILE}: ${messageOf(error)}`);
  }
  if (signature.algorithm !== "ED") {
    refuse("signature-invalid", `${SIGNATURE_FILE}: legacy non-prehashed signature ("Ed"); sign with a minisign that prehashes (ED)`);
  }
  const keyIdText = formatKeyId(signature.keyId);
  const key = deps.findSignerKey(signature.keyId);
  const claimed = bag.info.externalIdentifier.authorityId;
  if (!key) refuse("signer-unknown", `${SIGNATURE_FILE}: key ${keyIdText} is not in the keyring`);
  try {
    verifySignature(tagManifest, signature, key);
  } catch (error) {
    if (error instanceof MinisignVerifyError || error instanceof MinisignFormatError) {
      throw new BundleRefusal("signature-invalid", `${SIGNATURE_FILE}: ${error.message}`);
    }
    throw error;
  }
  const trust = decideSignerTrust(key, keyIdText, claimed, deps.now);
  if (!trust.trusted) refuse(trust.code, `${SIGNATURE_FILE}: ${trust.reason}`);
  return { key, trustedComment: signature.trustedComment };
}

function checkIdentifierMatches(bag: CheckedBag, document: RequestDocument): void {
  const claimed = bag.info.externalIdentifier;
  const actual = { authorityId: document.issuingAuthority.id, documentId: document.id, revision: document.revision };
  if (claimed.authorityId !== actual.authorityId || claimed.documentId !== actual.documentId || claimed.revision !== actual.revision) {
    refuse(
      "bag-invalid",
      `bag-info.txt: External-Identifier ${claimed.authorityId}/${claimed.documentId}/${claimed.revision} does not match ` +
        `${bag.documentPath} (${actual.authorityId}/${actual.documentId}/${actual.revision})`,
    );
  }
}

/** Every attachment the document lists is in the bag, and every payload file is listed once. */
function matchAttachments(
  document: RequestDocument,
  bag: CheckedBag,
  streamed: ReadonlyMap<string, string>,
  buffered: ReadonlyMap<string, Uint8Array>,
  payloads: PayloadStore,
): OpenedAttachment[] {
  const inBag = new Set(bag.attachmentPaths);
  const listed = new Set<string>();
  const attachments = document.attachments.map((attachment, index) => {
    const bagPath = `data/${attachment.path}`;
    if (bagPath === bag.documentPath || !inBag.has(bagPath)) {
      refuse("document-invalid", `${bag.documentPath} $.attachments[${index}].path: "${attachment.path}" is not an attachment in the bag`);
    }
    listed.add(bagPath);
    const handle = streamed.get(bagPath) ?? storeBuffered(buffered.get(bagPath), payloads);
    return { path: attachment.path, title: attachment.title, mediaType: attachment.mediaType, handle };
  });
  const unlisted = bag.attachmentPaths.find((path) => !listed.has(path));
  if (unlisted !== undefined) refuse("document-invalid", `${unlisted} is in the bag but ${bag.documentPath} does not list it in $.attachments`);
  return attachments;
}

/** A payload file that was buffered as a possible document but is an attachment after all. */
function storeBuffered(bytes: Uint8Array | undefined, payloads: PayloadStore): string {
  if (!bytes) throw new Error("an attachment of the bag was neither streamed nor buffered");
  const sink = payloads.createSink();
  sink.write(bytes);
  return sink.finish(sha256Hex(bytes));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
