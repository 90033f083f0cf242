// Prokuratura Okręgowa w Łodzi: an MLA request to the US for three years of two mailboxes
// in a seven-month VAT carousel (flawed: the period is not justified), and an "emergency"
// disclosure request whose only urgency is the risk of deletion (flawed: no threat to life).
import { demoAuthority, DEMO_TIME_ZONES } from "../demo-authorities.js";
import { type DraftDocument, demoRequest, pdfAttachment, requestSections } from "../demo-build.js";
import { demoClock } from "../demo-time.js";
import type { DemoRequest } from "../demo-types.js";

export function polishRequests(reference: Date): DemoRequest[] {
  const authority = demoAuthority("pl-po-lodz");
  const clock = demoClock(reference, DEMO_TIME_ZONES[authority.id]);
  return [mutualLegalAssistance(authority, clock), falseEmergency(authority, clock)];
}

type Authority = ReturnType<typeof demoAuthority>;
type Clock = ReturnType<typeof demoClock>;

function mutualLegalAssistance(authority: Authority, clock: Clock): DemoRequest {
  const submittedAt = clock.instant(40, "13:10");
  const year = clock.year(submittedAt);
  const request: DraftDocument = {
    id: `PO-II-Ds-14-${year}-USA`,
    revision: 1,
    submittedAt: clock.format(submittedAt),
    instrument: "mlat",
    urgency: { level: "routine" },
    issuingAuthority: authority,
    caseReference: `PO II Ds 14.${year}`,
    provider: { name: "Tidewater Mail Inc.", country: "US", service: "webmail" },
    legalBasis: [
      { citation: "Treaty between the Republic of Poland and the United States of America on Mutual Legal Assistance in Criminal Matters (1996)" },
      { citation: "Agreement on mutual legal assistance between the European Union and the United States of America (2003)" },
      { citation: "art. 585 k.p.k.", text: "wniosek o udzielenie pomocy prawnej" },
    ],
    offences: [
      { description: "Forging and using VAT invoices with false information (fikcyjne faktury)", citation: "art. 270a § 1 k.k.", maxPenaltyMonths: 96, category: "tax-fraud" },
      { description: "Laundering the proceeds of the VAT refunds", citation: "art. 299 § 1 k.k.", maxPenaltyMonths: 96, category: "money-laundering" },
    ],
    targets: [
      { kind: "email", value: "biuro@vistrel-trade.example", role: "suspect" },
      { kind: "email", value: "k.zawadzki.ops@example.net", role: "suspect" },
    ],
    dataCategories: ["subscriber", "traffic", "content"],
    // Three years, from the day each account was opened, for a fraud that ran seven months.
    period: { from: clock.at(1135, "00:00:00"), to: clock.at(41, "23:59:59") },
    facts:
      `Between ${clock.date(290)} and ${clock.date(80)} Vistrel Trade sp. z o.o. of Łódź and four related companies recorded purchases and intra-Community ` +
      "supplies of mobile phones and graphics cards worth PLN 212 million that never took place, and claimed VAT refunds of PLN 31.4 million. " +
      "The same consignment numbers appear in documents of companies in Czechia and Slovakia. Invoices and transport documents were exchanged through " +
      "the two Tidewater Mail accounts, which the company's director, Krzysztof Z., gave as the official addresses of the companies.",
    necessity:
      "The mailboxes are expected to hold the original invoices, instructions on prices and margins, and correspondence identifying the persons who control " +
      "the Czech and Slovak companies. The companies' own accounting records were found incomplete in the tax audit.",
    proportionality:
      "The loss to the State Treasury exceeds PLN 31 million. The request covers all data of the two accounts from the date they were opened.",
    minimization: "Material unrelated to the offences will be returned or destroyed after the proceedings.",
  };

  const letter = pdfAttachment("letter-of-request.pdf", "Letter of request (English translation), signed", {
    title: "Request for Mutual Legal Assistance in Criminal Matters",
    issuer: `${authority.name} - II Wydział do spraw Przestępczości Gospodarczej`,
    meta: [`Ref. ${request.caseReference ?? ""}`, `Łódź, ${clock.date(40)}`, "To: Office of International Affairs, U.S. Department of Justice, Washington, D.C."],
    sections: [
      ...requestSections(request),
      {
        heading: "Assurances",
        paragraphs: [
          "The evidence obtained will be used only in the proceedings named above, unless the Central Authority of the United States consents otherwise (speciality).",
          "The conduct described is also an offence under the law of the United States (18 U.S.C. §§ 1343, 1956).",
        ],
      },
    ],
    signature: [`Łódź, ${clock.date(40)}`, "prok. Bożena Wąsowicz-Kręgiel, prokurator Prokuratury Okręgowej w Łodzi", "(translation certified by a sworn translator)"],
    footer: "Demonstration document - fictional persons and data",
    author: authority.name,
    date: submittedAt,
  });
  return demoRequest(request, [letter]);
}

// Flagged "emergency", but the only urgency is that the suspect may delete his profile:
// no threat to life or of serious harm is stated (the L14 item).
function falseEmergency(authority: Authority, clock: Clock): DemoRequest {
  const submittedAt = clock.instant(2, "19:40");
  const year = clock.year(submittedAt);
  const request: DraftDocument = {
    id: `PO-II-Ds-37-${year}-PILNE`,
    revision: 1,
    submittedAt: clock.format(submittedAt),
    instrument: "emergency-disclosure",
    urgency: {
      level: "emergency",
      reason: "A search of an accomplice's flat took place yesterday; the suspect is likely to learn of it and delete the profile and its listings, destroying the evidence.",
      respondBy: clock.plusHours(submittedAt, 12),
    },
    issuingAuthority: authority,
    caseReference: `PO II Ds 37.${year}`,
    provider: { name: "Harborlight Social Inc.", country: "US", service: "social network with marketplace and payments" },
    legalBasis: [{ citation: "18 U.S.C. § 2702(c)(4)", text: "voluntary disclosure of non-content records in an emergency" }],
    offences: [{ description: "Fraud against online buyers (oszustwo)", citation: "art. 286 § 1 k.k.", maxPenaltyMonths: 96, category: "fraud" }],
    targets: [
      { kind: "account", value: "Harborlight profile ID 61550293118472", role: "suspect" },
      { kind: "payment-id", value: "Harborlight Pay merchant ID HLP-M-7F3K9Q2M", role: "suspect" },
    ],
    dataCategories: ["subscriber", "identification"],
    period: { from: clock.at(60, "00:00:00"), to: clock.at(2, "19:00:00") },
    facts:
      `Since ${clock.date(60)} 74 buyers have paid for concert tickets and used phones offered by the profile on Harborlight Marketplace and received nothing; ` +
      "losses total PLN 96,300. Payments went through Harborlight Pay to the merchant ID above and were withdrawn to prepaid cards. " +
      "Yesterday the police searched the flat of a man who collected some of the cards.",
    necessity: "Subscriber details and the IP addresses of recent logins are needed to identify the owner of the profile before he deletes it.",
    proportionality: "Only subscriber and identification data are requested, for the two months in which the listings were active.",
    nonDisclosure: {
      requested: true,
      reason: "Notice would lead the suspect to delete the profile and move the remaining funds.",
      until: clock.plusDays(submittedAt, 60),
    },
  };
  return demoRequest(request);
}
