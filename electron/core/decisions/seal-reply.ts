// The sealed reply (sealed-bundle-v1, "Documents the office sends out"): a bag of type
// `decision` or `grievance-response` whose document is exactly the signed canonical bytes, with
// the verification copy's signature and PDF as attachments, signed by the reviewer and sealed
// with age to the addressee's registered recipient. The addressee opens it with age, tar and
// minisign alone. External-Identifier is `<addressee authority>/<document id>/1`: the authority
// it answers, so the issuer's own tooling files it with its case.
import { sealBundle, type SealAttachment } from "../bundles/seal-bundle.js";
import { utf8 } from "../crypto/bytes.js";
import type { MinisignKeyPair } from "../crypto/minisign.js";
import { copyFileNames } from "./export-copy.js";
import type { SignedDocument } from "./sign-document.js";

export interface ReplyOptions {
  /** The keyring authority the reply answers. */
  addressee: string;
  /** Its age recipient (`age1…`). */
  recipient: string;
  signer: MinisignKeyPair;
  /** bag-info's Source-Organization: the reviewer's office. */
  office: string;
  /** The verification copy's PDF, carried beside the document. */
  pdf: Uint8Array;
  now: Date;
}

/** The file name of a document's sealed reply. */
export const sealedReplyName = (id: string): string => `${id}.sealed`;

export async function sealReply(signed: SignedDocument<"decision" | "grievance-response">, options: ReplyOptions): Promise<Uint8Array> {
  const names = copyFileNames(signed.document.id);
  const attachments = [attachment(names.signature, utf8(signed.signature)), attachment(names.pdf, options.pdf)];
  const sealed = await sealBundle({
    bundleType: signed.kind,
    documentBytes: signed.bytes,
    identifier: { authority: options.addressee, id: signed.document.id, revision: 1 },
    sourceOrganization: options.office,
    attachments,
    signer: options.signer,
    recipients: [options.recipient],
    armor: false,
    now: options.now,
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of sealed) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function attachment(name: string, bytes: Uint8Array): SealAttachment {
  return {
    name,
    size: bytes.byteLength,
    open: async function* () {
      yield bytes;
    },
  };
}
