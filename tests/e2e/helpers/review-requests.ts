// The requests the keyboard review works on, sealed as an issuer would: an EU production order
// with two targets, two months of traffic data, no retention asked and an answer asked for by
// 28 November (with its PDF certificate); an earlier order naming the same account written
// differently; and a second revision of the first that drops a target and rewords proportionality.
import path from "node:path";
import type { MinisignKeyPair } from "../../../electron/core/crypto/minisign.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { orderPdf, PDF_NAME, PDF_TITLE, sealRequestFile } from "./bundles.js";

export const MAIN_ID = "EPOC-RTM-2026-0301";
export const EARLIER_ID = "EPOC-RTM-2026-0188";
export const EMAIL = "j.doe.4471@example.com";
export const PHONE = "+31 6 12345678";

interface Sealing {
  signer: MinisignKeyPair;
  recipient: string;
  now: Date;
  dir: string;
}

const RESPOND_BY = { level: "routine", respondBy: "2026-11-28T17:00:00+01:00" };

/** The order under review and the earlier one, as sealed files (in that order). */
export async function sealReviewRequests({ signer, recipient, now, dir }: Sealing): Promise<[string, string]> {
  const main = await sealRequestFile({
    document: sampleRequest({
      id: MAIN_ID,
      urgency: RESPOND_BY,
      targets: [
        { kind: "email", value: EMAIL, role: "suspect" },
        { kind: "phone", value: PHONE, role: "unknown" },
      ],
      attachments: [{ path: `attachments/${PDF_NAME}`, title: PDF_TITLE, mediaType: "application/pdf" }],
    }),
    attachments: [{ name: PDF_NAME, bytes: await orderPdf(now) }],
    signer,
    recipient,
    now,
    file: path.join(dir, "main.sealed"),
  });
  const earlier = await sealRequestFile({
    document: sampleRequest({ id: EARLIER_ID, submittedAt: "2026-10-02T11:00:00+02:00", dataCategories: ["subscriber"], period: undefined, targets: [{ kind: "email", value: "j.doe.4471@EXAMPLE.com" }] }),
    signer,
    recipient,
    now,
    file: path.join(dir, "earlier.sealed"),
  });
  return [main, earlier];
}

/** Revision 2 of the order under review. */
export function sealSecondRevision({ signer, recipient, now, dir }: Sealing): Promise<string> {
  return sealRequestFile({
    document: sampleRequest({
      id: MAIN_ID,
      revision: 2,
      urgency: RESPOND_BY,
      targets: [{ kind: "email", value: EMAIL, role: "suspect" }],
      proportionality: "Only subscriber data and six weeks of traffic data on the one account used in the offences.",
    }),
    signer,
    recipient,
    now,
    file: path.join(dir, "main-r2.sealed"),
  });
}
