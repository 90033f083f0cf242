// Opens a sealed bundle layer by layer (age → tar → BagIt → signature) and returns it verified,
// or throws exactly one BundleRefusal; trust and the document are its type's (bundle-handlers.ts:
// a request's are openRequestBundle's, below). The sealed bytes go to the keeper
// (the store's evidence writer) as they are read, and each payload file is located in the tar
// stream; the caller runs all of this inside one store transaction, so a refusal (or a crash)
// anywhere leaves nothing behind.
import type { RequestDocument } from "../../../shared/formats/request.js";
import { AgeDecryptError, decryptAge, type AgeKeeper } from "../crypto/age.js";
import { decodeUtf8Strict } from "../crypto/bytes.js";
import { createSha256 } from "../crypto/digest.js";
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
import { readBag, type PayloadLocation, type PayloadStore } from "./bag-reader.js";
import type { BundleLimits } from "./limits.js";
import { BundleRefusal, refuse } from "./refusal.js";
import { readRequestDocument } from "./request-document.js";

export interface OpenBundleDeps {
  identities: readonly string[];
  limits: BundleLimits;
  payloads: PayloadStore;
  /** Sees the sealed file as it is decrypted, to keep it. */
  keep?: AgeKeeper;
  findSignerKey(keyId: Uint8Array): AuthorityKey | undefined;
  /** Import time: the moment the signer's key must be valid at. */
  now: Date;
  onBytes?: (sealedBytesRead: number) => void;
}

export interface OpenedAttachment extends PayloadLocation {
  /** Relative to data/, as the document lists it. */
  path: string;
  title: string;
  mediaType: string;
}

/** Bytes kept of each end of the sealed file: enough to see an armor's surrounding whitespace (at most 1 KiB). */
const EDGE_BYTES = 2048;

/** A bundle whose layers all verified, signed by a key of the keyring; not yet trusted for its type. */
export interface OpenedBag {
  bag: CheckedBag;
  /** The document candidates held in memory, and where every payload file lies in the tar stream. */
  buffered: ReadonlyMap<string, Uint8Array>;
  located: ReadonlyMap<string, PayloadLocation>;
  /** The keyring key whose signature of tagmanifest-sha256.txt verified. */
  signer: { key: AuthorityKey; trustedComment: string };
  /** SHA-256 (hex) of the sealed file as received. */
  sealedSha256: string;
  /** Its size, and its first and last bytes. */
  sealed: { size: number; head: Uint8Array; tail: Uint8Array };
}

/** A request bundle, trusted and read (sealed-bundle-v1). */
export interface OpenedBundle extends OpenedBag {
  document: RequestDocument;
  /** The document exactly as received (validated UTF-8). */
  documentText: string;
  attachments: OpenedAttachment[];
}

export async function openSealedBag(sealed: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, deps: OpenBundleDeps): Promise<OpenedBag> {
  const raw = measureSealed(sealed, deps.limits.sealedBytes, deps.onBytes);
  let read;
  try {
    const options = { maxStanzas: deps.limits.ageStanzas, ...(deps.keep && { keep: deps.keep }) };
    read = await readBag(decryptAge(raw, deps.identities, options), deps.limits, deps.payloads);
  } catch (error) {
    if (error instanceof AgeDecryptError) throw new BundleRefusal(error.code, error.message);
    throw error;
  }
  const bag = await checkBag(read.inventory);
  const tagManifest = read.inventory.tagFiles.get(TAG_MANIFEST);
  if (!tagManifest) throw new Error("checkBag passed a bag without its tag manifest");

  const signer = verifySigner(read.inventory.tagFiles.get(SIGNATURE_FILE), tagManifest, deps);
  return { bag, buffered: read.buffered, located: read.located, signer, sealedSha256: raw.sha256(), sealed: raw.facts() };
}

/** The bytes of data/<Bundle-Type>.json, refused when past the document limit. */
export function documentBytesOf(opened: OpenedBag, limits: BundleLimits): Uint8Array {
  const { bag } = opened;
  const documentBytes = opened.buffered.get(bag.documentPath);
  if (!documentBytes) {
    if (opened.located.has(bag.documentPath)) {
      refuse("limit-exceeded", `${bag.documentPath} is larger than the document limit of ${limits.documentBytes} bytes`);
    }
    throw new Error(`checkBag passed a bag without ${bag.documentPath}`);
  }
  return documentBytes;
}

/** A request bundle: trusted from the authority it claims, its document read and matched. */
export function openRequestBundle(opened: OpenedBag, deps: Pick<OpenBundleDeps, "limits" | "now">): OpenedBundle {
  const { bag } = opened;
  const keyIdText = formatKeyId(opened.signer.key.keyId);
  const trust = decideSignerTrust(opened.signer.key, keyIdText, bag.info.externalIdentifier.authorityId, deps.now);
  if (!trust.trusted) refuse(trust.code, `${SIGNATURE_FILE}: ${trust.reason}`);
  const documentBytes = documentBytesOf(opened, deps.limits);
  const document = readRequestDocument(documentBytes, deps.limits, bag.documentPath);
  checkIdentifierMatches(bag, document);
  const attachments = matchAttachments(document, bag, opened.located);
  return { ...opened, document, documentText: decodeUtf8Strict(documentBytes), attachments };
}

type MeasuredStream = AsyncIterable<Uint8Array> & { sha256(): string; facts(): { size: number; head: Uint8Array; tail: Uint8Array } };

/** Counts and hashes the sealed bytes as they are read, refusing past the size limit. */
function measureSealed(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limit: number, onBytes?: (read: number) => void): MeasuredStream {
  const hash = createSha256();
  let read = 0;
  let digest: string | undefined;
  let head = new Uint8Array(0);
  // The last chunks, enough to hold EDGE_BYTES: references only, the chunks are not reused.
  const last: Uint8Array[] = [];
  let lastBytes = 0;
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of source) {
        read += chunk.byteLength;
        if (read > limit) refuse("limit-exceeded", `the sealed file is larger than ${limit} bytes`);
        hash.update(chunk);
        if (head.length < EDGE_BYTES) head = Buffer.concat([head, chunk.subarray(0, EDGE_BYTES - head.length)]);
        last.push(chunk);
        lastBytes += chunk.byteLength;
        while (last.length > 1 && lastBytes - (last[0]?.byteLength ?? 0) >= EDGE_BYTES) lastBytes -= last.shift()?.byteLength ?? 0;
        onBytes?.(read);
        yield chunk;
      }
    },
    sha256: () => (digest ??= hash.digest("hex")),
    facts: () => {
      const joined = Buffer.concat(last, lastBytes);
      return { size: read, head, tail: joined.subarray(Math.max(0, joined.length - EDGE_BYTES)) };
    },
  };
}

/** The signature of tagmanifest-sha256.txt by a key of the keyring (of any kind: trust is the type's). */
function verifySigner(signatureBytes: Uint8Array | undefined, tagManifest: Uint8Array, deps: OpenBundleDeps): { key: AuthorityKey; trustedComment: string } {
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
  if (!key) refuse("signer-unknown", `${SIGNATURE_FILE}: key ${keyIdText} is not in the keyring`);
  try {
    verifySignature(tagManifest, signature, key);
  } catch (error) {
    if (error instanceof MinisignVerifyError || error instanceof MinisignFormatError) {
      throw new BundleRefusal("signature-invalid", `${SIGNATURE_FILE}: ${error.message}`);
    }
    throw error;
  }
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
function matchAttachments(document: RequestDocument, bag: CheckedBag, located: ReadonlyMap<string, PayloadLocation>): OpenedAttachment[] {
  const inBag = new Set(bag.attachmentPaths);
  const listed = new Set<string>();
  const attachments = document.attachments.map((attachment, index) => {
    const bagPath = `data/${attachment.path}`;
    const location = located.get(bagPath);
    if (bagPath === bag.documentPath || !inBag.has(bagPath) || location === undefined) {
      refuse("document-invalid", `${bag.documentPath} $.attachments[${index}].path: "${attachment.path}" is not an attachment in the bag`);
    }
    listed.add(bagPath);
    return { path: attachment.path, title: attachment.title, mediaType: attachment.mediaType, ...location };
  });
  const unlisted = bag.attachmentPaths.find((path) => !listed.has(path));
  if (unlisted !== undefined) refuse("document-invalid", `${unlisted} is in the bag but ${bag.documentPath} does not list it in $.attachments`);
  return attachments;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
