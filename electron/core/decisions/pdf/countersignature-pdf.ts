// A countersignature as printed: which decision (id and digest) a second reviewer signed or
// declined, with their reasons, and the verification block.
import type { CountersignatureDocument } from "../../../../shared/formats/countersignature.js";
import { GREY, Typesetter } from "./typesetter.js";
import { drawVerificationBlock, type VerificationFacts } from "./verification-block.js";

export async function renderCountersignaturePdf(document: CountersignatureDocument, verification: VerificationFacts): Promise<Uint8Array> {
  const out = await Typesetter.create({
    title: `Countersignature ${document.id}`,
    author: `${document.reviewer.name}, ${document.reviewer.office}`,
    subject: `Countersignature of decision ${document.decision.id}: ${document.verdict}`,
    date: new Date(document.at),
  });
  out.text(document.reviewer.office, { size: 9, color: GREY });
  out.gap(2);
  out.text(`Countersignature ${document.id}`, { size: 16, bold: true });
  out.text(document.verdict === "signed" ? "Countersigned (signed)" : "Declined (declined)", { size: 13, bold: true });
  out.gap(6);
  out.fields([
    ["Decision", document.decision.id],
    ["Decision digest", `sha256:${document.decision.digest}`, 7.5],
    ["Second reviewer", `${document.reviewer.name}, ${document.reviewer.office}; minisign key ${document.reviewer.keyId}`],
    ["At", document.at],
  ], 110);
  if (document.reasons !== undefined) {
    out.heading("Reasons");
    out.text(document.reasons);
  }
  drawVerificationBlock(out, verification);
  return out.finish((page, pages) => `Countersignature ${document.id}  ·  sha256:${verification.digest.slice(0, 16)}…  ·  page ${page} of ${pages}`);
}
