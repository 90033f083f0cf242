// Seals an audit pack as a sealed-bundle-v1 bag of Bundle-Type `audit-pack` (docs/sealed-bundle-v1.md,
// "Extension: audit packs"): every payload file under data/ (the pack's document at
// data/audit-pack.json and the files it names), the tag files, the office reviewer's prehashed
// minisign signature of tagmanifest-sha256.txt, one tar, age to the committee's recipients. The
// same layers as sealBundle, whose payload is one document and its attachments; the pack's is a
// tree, so the bag is assembled here from the same writers.
import { encryptAge } from "../crypto/age.js";
import { sha256Hex } from "../crypto/digest.js";
import { type MinisignKeyPair, signPrehashed } from "../crypto/minisign.js";
import { tagFiles } from "../bundles/bag-writer.js";
import { type TarSource, tarArchive } from "../bundles/tar-writer.js";

export const PACK_DOCUMENT = "audit-pack.json";

export interface PackPayloadFile {
  /** Relative to data/. */
  path: string;
  bytes: Uint8Array;
}

export interface PackSealInput {
  packId: string;
  /** Every payload file; the first must be the pack's document. */
  files: readonly PackPayloadFile[];
  office: string;
  signer: MinisignKeyPair;
  recipients: readonly string[];
  now: Date;
}

export interface SealedPack {
  bytes: Uint8Array;
  /** SHA-256 of tagmanifest-sha256.txt: the pack's bundle digest. */
  bundleDigest: string;
}

/** External-Identifier `audit-pack/<pack id>/1`: a pack is no authority's document, so its trust is its signing key's. */
export const packExternalIdentifier = (packId: string): string => `audit-pack/${packId}/1`;

export async function sealPack(input: PackSealInput): Promise<SealedPack> {
  if (input.files[0]?.path !== PACK_DOCUMENT) throw new Error(`an audit pack's first payload file is ${PACK_DOCUMENT}`);
  const payload = input.files.map((file) => ({ bagPath: `data/${file.path}`, size: file.bytes.byteLength, sha256: sha256Hex(file.bytes) }));
  const tags = tagFiles(
    { bundleType: "audit-pack", externalIdentifier: packExternalIdentifier(input.packId), sourceOrganization: input.office, baggingDate: input.now.toISOString().slice(0, 10), payload },
    sha256Hex,
  );
  const tagManifest = tags.at(-1);
  if (tagManifest === undefined) throw new Error("bag writer produced no tag manifest");
  const trustedComment = `timestamp:${Math.floor(input.now.getTime() / 1000)}\tfile:tagmanifest-sha256.txt\thashed`;
  const signature = new TextEncoder().encode(signPrehashed(tagManifest.bytes, input.signer, trustedComment));

  const root = `audit-pack-${input.packId}`.replace(/[^A-Za-z0-9._-]/g, "_");
  const folders = new Set<string>([root, `${root}/data`]);
  for (const file of input.files) {
    const parts = file.path.split("/").slice(0, -1);
    parts.forEach((_, index) => folders.add(`${root}/data/${parts.slice(0, index + 1).join("/")}`));
  }
  const entries: TarSource[] = [
    ...tags.map((tag) => ({ name: `${root}/${tag.bagPath}`, size: tag.bytes.byteLength, bytes: tag.bytes })),
    { name: `${root}/tagmanifest-sha256.txt.minisig`, size: signature.byteLength, bytes: signature },
    ...input.files.map((file) => ({ name: `${root}/data/${file.path}`, size: file.bytes.byteLength, bytes: file.bytes })),
  ];
  const chunks: Uint8Array[] = [];
  for await (const chunk of encryptAge(tarArchive([...folders], entries, input.now), [...input.recipients], { armor: false })) chunks.push(chunk);
  return { bytes: Buffer.concat(chunks), bundleDigest: sha256Hex(tagManifest.bytes) };
}
