// Seals a document and a few small files beside it (data/attachments/<name>) as one bundle in
// memory: what the office's own bundles carry (replies, countersignature bundles) is small.
import { sealBundle, type SealAttachment } from "../bundles/seal-bundle.js";
import type { BundleType } from "../bundles/bagit-tags.js";
import type { MinisignKeyPair } from "../crypto/minisign.js";

export interface SealDocumentInput {
  bundleType: BundleType;
  documentBytes: Uint8Array;
  /** External-Identifier: `<authority>/<id>/<revision>`. */
  identifier: { authority: string; id: string; revision: number };
  /** Source-Organization: the reviewer's office. */
  office: string;
  attachments: readonly { name: string; bytes: Uint8Array }[];
  signer: MinisignKeyPair;
  recipient: string;
  now: Date;
}

export async function sealDocumentBundle(input: SealDocumentInput): Promise<Uint8Array> {
  const sealed = await sealBundle({
    bundleType: input.bundleType,
    documentBytes: input.documentBytes,
    identifier: input.identifier,
    sourceOrganization: input.office,
    attachments: input.attachments.map(({ name, bytes }) => inMemory(name, bytes)),
    signer: input.signer,
    recipients: [input.recipient],
    armor: false,
    now: input.now,
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of sealed) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function inMemory(name: string, bytes: Uint8Array): SealAttachment {
  return {
    name,
    size: bytes.byteLength,
    open: async function* () {
      yield bytes;
    },
  };
}
