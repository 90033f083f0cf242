// Small pure helpers that turn a request's data into a DemoRequest: the attachment list in
// the document is derived from the files themselves, so the two can never disagree, and
// printed forms are drawn from the same document the bundle carries.
import { type OrderPdf, type PdfSection, renderOrderPdf } from "./demo-pdf.js";
import type { DemoAttachment, DemoRequest, RequestDocument } from "./demo-types.js";

export type DraftDocument = Omit<RequestDocument, "attachments" | "schema">;

export function demoRequest(draft: DraftDocument, attachments: DemoAttachment[] = []): DemoRequest {
  const document: RequestDocument = {
    schema: "counterseal.request/1",
    ...draft,
    attachments: attachments.map(({ name, title, mediaType }) => ({ path: `attachments/${name}`, title, mediaType })),
  };
  return { document, attachments };
}

export function textAttachment(name: string, title: string, lines: string[]): DemoAttachment {
  // Plain-text statements are written as the sender's clerk would: UTF-8, LF, final newline.
  const bytes = new TextEncoder().encode(`${lines.join("\n")}\n`);
  return { name, title, mediaType: "text/plain", bytes: () => bytes.slice() };
}

export function pdfAttachment(name: string, title: string, spec: OrderPdf): DemoAttachment {
  // Rendered on demand: listing the demo costs nothing until a bundle is sealed.
  return { name, title, mediaType: "application/pdf", bytes: () => renderOrderPdf(spec) };
}

const LABELS: Readonly<Record<string, string>> = {
  subscriber: "subscriber data",
  identification: "data requested for the sole purpose of identifying the user",
  traffic: "traffic data",
  content: "content data",
  location: "location data",
  "device-logs": "device logs",
};

/** The order's substance as printed sections, taken from the document itself. */
export function requestSections(document: DraftDocument): PdfSection[] {
  const { issuingAuthority: issuer, validatingAuthority: validator, provider, urgency, period } = document;
  const sections: PdfSection[] = [
    {
      heading: "Issuing authority",
      paragraphs: [`${issuer.name} (${issuer.country}), ${issuer.kind}.`, ...(issuer.contact ? [`Contact: ${issuer.contact}`] : [])],
    },
    {
      heading: "Validating authority",
      paragraphs: [
        validator
          ? `${validator.name} (${validator.country}), ${validator.kind}${validator.validatedAt ? `, validated ${validator.validatedAt}` : ""}.`
          : "None.",
      ],
    },
    {
      heading: "Addressee",
      paragraphs: [`${provider.name} (${provider.country})${provider.service ? `, ${provider.service}` : ""}.`],
    },
    {
      heading: "Urgency",
      paragraphs: [
        `${urgency.level}${urgency.respondBy ? `; data to be produced by ${urgency.respondBy}` : ""}.`,
        ...(urgency.reason ? [urgency.reason] : []),
      ],
    },
    {
      heading: "Data requested",
      paragraphs: [
        `Categories: ${document.dataCategories.map((category) => LABELS[category] ?? category).join("; ")}.`,
        ...document.targets.map((target) => `Identifier (${target.kind}${target.role ? `, ${target.role}` : ""}): ${target.value}`),
        period ? `Period: from ${period.from} to ${period.to}.` : "Period: not limited.",
      ],
    },
    {
      heading: "Offences",
      paragraphs: document.offences.map(
        (offence) =>
          `${offence.description}${offence.citation ? ` (${offence.citation})` : ""}${
            offence.maxPenaltyMonths !== undefined ? `; maximum penalty ${offence.maxPenaltyMonths} months` : ""
          }.`,
      ),
    },
    { heading: "Legal basis", paragraphs: document.legalBasis.map((basis) => basis.citation + (basis.text ? `: ${basis.text}` : "")) },
    { heading: "Summary of facts", paragraphs: [document.facts] },
    { heading: "Necessity and proportionality", paragraphs: [document.necessity, document.proportionality] },
  ];
  const safeguards = [document.lessIntrusiveMeans, document.minimization].filter((text): text is string => text !== undefined);
  if (safeguards.length > 0) sections.push({ heading: "Less intrusive means and minimisation", paragraphs: safeguards });
  return sections;
}
