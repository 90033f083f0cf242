// The verification copy of a signed document (sealed-bundle-v1, "Documents the office sends
// out"): `<id>.json` (the signed canonical bytes, exactly), `<id>.json.minisig` and `<id>.pdf`,
// written into the folder the reviewer chose, never over an existing file.
import { join } from "node:path";
import { utf8 } from "../crypto/bytes.js";
import { formatKeyId, parseSignature } from "../crypto/minisign.js";
import type { CountersignatureDocument } from "../../../shared/formats/countersignature.js";
import { renderCountersignaturePdf } from "./pdf/countersignature-pdf.js";
import { renderDecisionPdf } from "./pdf/decision-pdf.js";
import { renderGrievanceResponsePdf } from "./pdf/grievance-response-pdf.js";
import type { VerificationFacts } from "./pdf/verification-block.js";
import type { SignedDocument } from "./sign-document.js";
import { writeNewFiles } from "./write-files.js";

export interface VerificationCopyPaths {
  json: string;
  signature: string;
  pdf: string;
}

export interface ExportOptions {
  /** The signer's public key as the base64 line `minisign -P` takes; printed in the PDF's verify command. */
  publicKeyLine: string;
  /** For a decision: the countersignatures received so far, shown in its PDF. */
  countersignatures?: readonly CountersignatureDocument[];
}

/** The file names of a document's verification copy. */
export const copyFileNames = (id: string): { json: string; signature: string; pdf: string } => ({ json: `${id}.json`, signature: `${id}.json.minisig`, pdf: `${id}.pdf` });

export async function renderCopyPdf(signed: SignedDocument, options: ExportOptions): Promise<Uint8Array> {
  const verification: VerificationFacts = {
    id: signed.document.id,
    digest: signed.digest,
    publicKeyLine: options.publicKeyLine,
    keyId: formatKeyId(parseSignature(signed.signature).keyId),
    trustedComment: signed.trustedComment,
  };
  switch (signed.kind) {
    case "decision":
      return renderDecisionPdf({ document: signed.document, verification, countersignatures: options.countersignatures ?? [] });
    case "countersignature":
      return renderCountersignaturePdf(signed.document, verification);
    case "grievance-response":
      return renderGrievanceResponsePdf(signed.document, verification);
  }
}

/** Writes the three files, or none of them; refuses when any of them is already in `folder`. */
export async function writeVerificationCopy(folder: string, signed: SignedDocument, options: ExportOptions): Promise<VerificationCopyPaths> {
  const names = copyFileNames(signed.document.id);
  const pdf = await renderCopyPdf(signed, options);
  writeNewFiles(folder, [
    { name: names.json, bytes: signed.bytes },
    { name: names.signature, bytes: utf8(signed.signature) },
    { name: names.pdf, bytes: pdf },
  ]);
  return { json: join(folder, names.json), signature: join(folder, names.signature), pdf: join(folder, names.pdf) };
}
