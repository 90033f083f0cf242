// Sealed request bundles for the e2e tests, made with the core's own sealBundle, carrying a real
// two-page PDF from the demo's generator. A tampered bundle is sealed the same way, except that
// its attachment's bytes change (one byte) between the sealer reading them for the manifest digest
// and writing them into the archive: signature and manifests agree, the file does not, so the
// importer must find `bag-digest-mismatch`.
import { writeFileSync } from "node:fs";
import { sealBundle, type SealAttachment } from "../../../electron/core/bundles/seal-bundle.js";
import type { MinisignKeyPair } from "../../../electron/core/crypto/minisign.js";
import { renderOrderPdf } from "../../../electron/core/demo/demo-pdf.js";
import { sampleRequest } from "../../helpers/sample-request.js";

export const PDF_NAME = "production-order.pdf";
export const PDF_TITLE = "European Production Order Certificate";

/** A real PDF, two pages long (the generator breaks pages itself), with fixed dates. */
export async function orderPdf(date: Date): Promise<Uint8Array> {
  const paragraph =
    "The issuing authority orders the service provider to produce the subscriber and traffic data described in section C for the account named in section B, within ten days of receipt of this certificate.";
  return renderOrderPdf({
    title: PDF_TITLE,
    issuer: "Openbaar Ministerie, Arrondissementsparket Rotterdam",
    meta: ["File RTM-26-004417", "Issued 19 November 2026"],
    sections: Array.from({ length: 9 }, (_, index) => ({
      heading: `Section ${String.fromCharCode(65 + index)}`,
      paragraphs: [paragraph, paragraph, paragraph],
    })),
    signature: ["Rotterdam, 19 November 2026", "Officier van justitie"],
    footer: "EPOC-RTM-26-004417",
    author: "Openbaar Ministerie",
    date,
  });
}

export interface SealOptions {
  document: Record<string, unknown>;
  attachments?: readonly { name: string; bytes: Uint8Array; tamper?: boolean }[];
  signer: MinisignKeyPair;
  recipient: string;
  now: Date;
  file: string;
}

function attachmentSource(file: { name: string; bytes: Uint8Array; tamper?: boolean }): SealAttachment {
  let opened = 0;
  return {
    name: file.name,
    size: file.bytes.byteLength,
    // sealBundle opens each attachment twice: first to digest it, then to write it.
    open: async function* () {
      opened += 1;
      if (!file.tamper || opened === 1) {
        yield file.bytes;
        return;
      }
      const changed = Uint8Array.from(file.bytes);
      const at = Math.floor(changed.length / 2);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      yield changed;
    },
  };
}

/** Seals `document` (with its attachments) to `recipient`, writes the file, returns its path. */
export async function sealRequestFile(options: SealOptions): Promise<string> {
  const { document } = options;
  const issuing = document["issuingAuthority"] as { id: string; name: string };
  const stream = await sealBundle({
    bundleType: "request",
    documentBytes: new TextEncoder().encode(JSON.stringify(document)),
    identifier: { authority: issuing.id, id: String(document["id"]), revision: Number(document["revision"]) },
    sourceOrganization: issuing.name,
    attachments: (options.attachments ?? []).map(attachmentSource),
    signer: options.signer,
    recipients: [options.recipient],
    armor: false,
    now: options.now,
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  writeFileSync(options.file, Buffer.concat(chunks));
  return options.file;
}

/** A request document listing one PDF attachment. */
export function requestWithPdf(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return sampleRequest({ id, attachments: [{ path: `attachments/${PDF_NAME}`, title: PDF_TITLE, mediaType: "application/pdf" }], ...overrides });
}

