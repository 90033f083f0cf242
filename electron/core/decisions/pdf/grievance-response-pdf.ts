// A grievance response as printed: the grievance it answers, the outcome, the remedies ordered,
// the reasons, the reviewer, and the verification block.
import type { GrievanceResponseDocument } from "../../../../shared/formats/grievance-response.js";
import { COMPLAINANT_LABELS, GRIEVANCE_OUTCOME_LABELS, REMEDY_LABELS, concernLabel } from "./labels.js";
import { GREY, Typesetter } from "./typesetter.js";
import { drawVerificationBlock, type VerificationFacts } from "./verification-block.js";

export async function renderGrievanceResponsePdf(document: GrievanceResponseDocument, verification: VerificationFacts): Promise<Uint8Array> {
  const { grievance } = document;
  const out = await Typesetter.create({
    title: `Response ${document.id} to grievance ${grievance.id}`,
    author: `${document.reviewer.name}, ${document.reviewer.office}`,
    subject: `Response to grievance ${grievance.id}: ${document.outcome}`,
    date: new Date(document.respondedAt),
  });
  out.text(document.reviewer.office, { size: 9, color: GREY });
  out.gap(2);
  out.text(`Response ${document.id} to grievance ${grievance.id}`, { size: 16, bold: true });
  out.text(`${GRIEVANCE_OUTCOME_LABELS[document.outcome]} (${document.outcome})`, { size: 13, bold: true });
  out.gap(6);
  out.fields([
    ["Complainant", `${grievance.complainant.name} (${COMPLAINANT_LABELS[grievance.complainant.kind]})${grievance.complainant.contact === undefined ? "" : `, ${grievance.complainant.contact}`}`],
    ["Concerns", concernLabel(grievance.concerns)],
    ["Received", grievance.received],
    ["Responded at", document.respondedAt],
  ]);
  out.heading("Remedies ordered");
  if (document.remedies.length === 0) out.text("None.");
  for (const remedy of document.remedies) out.text(`• ${REMEDY_LABELS[remedy]} (${remedy})`, { indent: 6 });
  out.heading("Reasons");
  out.text(document.reasons);
  out.heading("Signature");
  out.fields([["Reviewer", `${document.reviewer.name}, ${document.reviewer.office}; minisign key ${document.reviewer.keyId}`]]);
  drawVerificationBlock(out, verification);
  return out.finish((page, pages) => `Response ${document.id}  ·  sha256:${verification.digest.slice(0, 16)}…  ·  page ${page} of ${pages}`);
}
