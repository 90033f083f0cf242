// Opens an audit pack layer by layer with the lower layers of the import pipeline (age, tar,
// BagIt check, minisign): sealed to one of this store's age identities, a bag of Bundle-Type
// `audit-pack` that passes the sealed-bundle-v1 profile, signed (prehashed) by a key this store's
// keyring holds and may trust now. A pack is read whole into memory (it is a sample's worth of
// documents, bounded below); every fault is one AuditPackRefusedError naming the layer and file.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { checkBag, SIGNATURE_FILE, TAG_MANIFEST, type BagFile, type CheckedBag } from "../bundles/bag-check.js";
import { DEFAULT_LIMITS } from "../bundles/limits.js";
import { BundleRefusal } from "../bundles/refusal.js";
import { readTarEntries } from "../bundles/tar-reader.js";
import { AgeDecryptError, decryptAge } from "../crypto/age.js";
import { decodeUtf8Strict } from "../crypto/bytes.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, MinisignFormatError, MinisignVerifyError, parseSignature, verifySignature } from "../crypto/minisign.js";
import { decideSignerTrust } from "../keyring/signer-trust.js";
import type { Session } from "../session/session.js";
import type { AuthorityKey } from "../store/index.js";
import { AuditPackRefusedError } from "./auditor-errors.js";

/** The most a pack may hold once decrypted: its documents, reviews, decisions and audit rows. */
export const MAX_PACK_BYTES = 512 * 1024 * 1024;

export interface OpenedPack {
  bag: CheckedBag;
  /** Payload files by their path under data/ (`audit-pack.json`, `cases/001/request.json`, …). */
  files: ReadonlyMap<string, Uint8Array>;
  signer: AuthorityKey;
}

export async function openAuditPack(session: Session, file: string): Promise<OpenedPack> {
  const size = statSync(file, { throwIfNoEntry: false });
  if (size === undefined || !size.isFile()) throw new AuditPackRefusedError(`${file}: there is no such file`);
  if (size.size > MAX_PACK_BYTES) throw new AuditPackRefusedError(`${file} is larger than ${MAX_PACK_BYTES} bytes, the most an audit pack may be`);
  const identities = session.store.ageIdentities.listAgeIdentities().map((identity) => identity.identity);
  const bagFiles = new Map<string, Uint8Array>();
  let total = 0;
  try {
    const plaintext = decryptAge([readFileSync(file)], identities, { maxStanzas: DEFAULT_LIMITS.ageStanzas });
    for await (const entry of readTarEntries(plaintext, DEFAULT_LIMITS)) {
      if (entry.type !== "file") continue;
      const chunks: Uint8Array[] = [];
      for await (const chunk of entry.body) {
        total += chunk.byteLength;
        if (total > MAX_PACK_BYTES) throw new AuditPackRefusedError(`the pack holds more than ${MAX_PACK_BYTES} bytes once opened`);
        chunks.push(chunk);
      }
      bagFiles.set(entry.bagPath, Buffer.concat(chunks));
    }
  } catch (error) {
    if (error instanceof AgeDecryptError) throw new AuditPackRefusedError(`${file} does not open with this store's age identities (${error.code}): ${error.message}`);
    if (error instanceof BundleRefusal) throw new AuditPackRefusedError(`${file}: ${error.message} [${error.refusal}]`);
    throw error;
  }
  const bag = await checkedBag(bagFiles, file);
  if (bag.info.bundleType !== "audit-pack") throw new AuditPackRefusedError(`${file}: bag-info.txt says Bundle-Type ${bag.info.bundleType}; an auditor imports audit-pack bundles`);
  const signer = trustedSigner(session, bagFiles, file);
  const files = new Map([...bagFiles].filter(([path]) => path.startsWith("data/")).map(([path, bytes]) => [path.slice("data/".length), bytes]));
  return { bag, files, signer };
}

async function checkedBag(bagFiles: ReadonlyMap<string, Uint8Array>, file: string): Promise<CheckedBag> {
  const files = new Map<string, BagFile>([...bagFiles].map(([path, bytes]) => [path, { size: bytes.byteLength, sha256: sha256Hex(bytes) }]));
  const tagFiles = new Map([...bagFiles].filter(([path]) => !path.startsWith("data/")));
  const digestOf = (path: string, algorithm: string): string => createHash(algorithm).update(bagFiles.get(path) ?? new Uint8Array()).digest("hex");
  try {
    return await checkBag({ files, tagFiles, digestOf });
  } catch (error) {
    if (error instanceof BundleRefusal) throw new AuditPackRefusedError(`${file}: ${error.message} [${error.refusal}]`);
    throw error;
  }
}

/** The pack's signer: a key of this store's keyring, trusted now, whose prehashed signature of the tag manifest holds. */
function trustedSigner(session: Session, bagFiles: ReadonlyMap<string, Uint8Array>, file: string): AuthorityKey {
  const signatureBytes = bagFiles.get(SIGNATURE_FILE);
  const tagManifest = bagFiles.get(TAG_MANIFEST);
  if (signatureBytes === undefined || tagManifest === undefined) throw new AuditPackRefusedError(`${file}: ${SIGNATURE_FILE} is missing: the pack is not signed`);
  try {
    const signature = parseSignature(decodeUtf8Strict(signatureBytes));
    if (signature.algorithm !== "ED") throw new AuditPackRefusedError(`${file}: ${SIGNATURE_FILE} is a legacy non-prehashed signature ("Ed")`);
    const keyIdText = formatKeyId(signature.keyId);
    const key = session.store.keyring.findKeyById(signature.keyId);
    if (key === undefined) {
      throw new AuditPackRefusedError(`${file}: the pack is signed by key ${keyIdText}, which is not in this store's keyring; add the office's minisign public key first (counterseal trust add)`);
    }
    verifySignature(tagManifest, signature, key);
    const trust = decideSignerTrust(key, keyIdText, key.authorityId, session.runtime.clock.now());
    if (!trust.trusted) throw new AuditPackRefusedError(`${file}: ${SIGNATURE_FILE}: ${trust.reason}`);
    return key;
  } catch (error) {
    if (error instanceof MinisignVerifyError || error instanceof MinisignFormatError) throw new AuditPackRefusedError(`${file}: ${SIGNATURE_FILE}: ${error.message}`);
    throw error;
  }
}
