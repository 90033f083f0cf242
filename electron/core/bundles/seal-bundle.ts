// The sender side of sealed-bundle-v1: bag → minisign signature → tar → age.
// Issuers, demos and tests use it; its output must open with the stock age, tar and minisign.
import { encryptAge } from "../crypto/age.js";
import { createSha256, sha256Hex } from "../crypto/digest.js";
import { type MinisignKeyPair, signPrehashed } from "../crypto/minisign.js";
import { type BundleType, type PayloadFile, tagFiles } from "./bag-writer.js";
import { type TarSource, tarArchive } from "./tar-writer.js";

export interface SealAttachment {
  /** File name; the attachment lands at `data/attachments/<name>`. */
  name: string;
  size: number;
  open: () => AsyncIterable<Uint8Array>;
}

export interface SealInput {
  bundleType: BundleType;
  /** The exact bytes of `data/<bundleType>.json`. */
  documentBytes: Uint8Array;
  identifier: { authority: string; id: string; revision: number };
  sourceOrganization: string;
  attachments: readonly SealAttachment[];
  signer: MinisignKeyPair;
  recipients: readonly string[];
  armor: boolean;
  now: Date;
}

export const ATTACHMENTS_DIR = "data/attachments";

/** The bag's root folder name: readable, and safe on every file system. */
export const bagRootName = ({ authority, id, revision }: SealInput["identifier"]): string =>
  `${authority}-${id}-r${revision}`.replace(/[^A-Za-z0-9._-]/g, "_");

export async function sealBundle(input: SealInput): Promise<AsyncIterable<Uint8Array>> {
  if (input.recipients.length === 0) throw new Error("seal needs at least one age recipient");
  const documentPath = `data/${input.bundleType}.json`;
  const attachmentFiles = await Promise.all(
    input.attachments.map(async (attachment) => ({
      bagPath: `${ATTACHMENTS_DIR}/${attachment.name}`,
      size: attachment.size,
      sha256: await digestStream(attachment.open()),
      open: attachment.open,
    })),
  );
  const payload: PayloadFile[] = [
    { bagPath: documentPath, size: input.documentBytes.byteLength, sha256: sha256Hex(input.documentBytes) },
    ...attachmentFiles,
  ];
  const { authority, id, revision } = input.identifier;
  const tags = tagFiles(
    {
      bundleType: input.bundleType,
      externalIdentifier: `${authority}/${id}/${revision}`,
      sourceOrganization: input.sourceOrganization,
      baggingDate: input.now.toISOString().slice(0, 10),
      payload,
    },
    sha256Hex,
  );
  const tagManifest = tags[tags.length - 1];
  if (!tagManifest) throw new Error("bag writer produced no tag manifest");
  const trustedComment = `timestamp:${Math.floor(input.now.getTime() / 1000)}\tfile:tagmanifest-sha256.txt\thashed`;
  const signature = new TextEncoder().encode(signPrehashed(tagManifest.bytes, input.signer, trustedComment));

  const root = bagRootName(input.identifier);
  const directories = [root, `${root}/data`, ...(attachmentFiles.length > 0 ? [`${root}/${ATTACHMENTS_DIR}`] : [])];
  const files: TarSource[] = [
    ...tags.map((tag) => ({ name: `${root}/${tag.bagPath}`, size: tag.bytes.byteLength, bytes: tag.bytes })),
    { name: `${root}/tagmanifest-sha256.txt.minisig`, size: signature.byteLength, bytes: signature },
    { name: `${root}/${documentPath}`, size: input.documentBytes.byteLength, bytes: input.documentBytes },
    ...attachmentFiles.map((file) => ({ name: `${root}/${file.bagPath}`, size: file.size, open: file.open })),
  ];
  return encryptAge(tarArchive(directories, files, input.now), [...input.recipients], { armor: input.armor });
}

async function digestStream(body: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createSha256();
  for await (const chunk of body) hash.update(chunk);
  return hash.digest("hex");
}
