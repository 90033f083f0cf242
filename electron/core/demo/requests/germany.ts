// Amtsgericht München: a business e-mail compromise, first frozen (EPOC-PR), then produced
// (EPOC) from the Irish mail provider. Both are well-formed: the reference case for a
// judge-issued EU order for content, with the preservation → production chain linked.
import { demoAuthority, DEMO_TIME_ZONES } from "../demo-authorities.js";
import { type DraftDocument, demoRequest, pdfAttachment, requestSections } from "../demo-build.js";
import { demoClock } from "../demo-time.js";
import type { DemoRequest } from "../demo-types.js";

const PROVIDER = { name: "Northwind Mail Ltd", country: "IE", service: "business e-mail hosting" };
const VICTIM_MAILBOX = "r.obermaier@hallberg-antriebe.example";
const LOOKALIKE_MAILBOX = "buchhaltung@hallberg-antrieb.example";

const OFFENCES = [
  {
    description: "Commercial gang fraud (gewerbsmäßiger Bandenbetrug) by forged invoices with altered bank details",
    citation: "§ 263 Abs. 1, Abs. 5 StGB",
    maxPenaltyMonths: 120,
    category: "fraud",
  },
  {
    description: "Unauthorised access to data (Ausspähen von Daten) in the victim's mailbox",
    citation: "§ 202a StGB",
    maxPenaltyMonths: 36,
    category: "cybercrime",
  },
];

export function germanRequests(reference: Date): DemoRequest[] {
  const authority = demoAuthority("de-ag-muenchen");
  const clock = demoClock(reference, DEMO_TIME_ZONES[authority.id]);
  const period = { from: clock.at(140, "00:00:00"), to: clock.at(48, "23:59:59") };

  const preservedAt = clock.instant(47, "11:20");
  const yy = String(clock.year(preservedAt)).slice(2);
  const caseReference = `StA München I 254 Js 118734/${yy}`;
  const preservationId = `ERII-Gs-2317-${yy}`;
  const facts =
    `From ${clock.date(140)} unknown persons repeatedly logged in to the Northwind Mail business mailbox of the accounting clerk of ` +
    `Hallberg Antriebstechnik GmbH, Garching, set up a rule forwarding all incoming invoices, and sent three customers ` +
    `invoices with altered bank details from the look-alike mailbox ${LOOKALIKE_MAILBOX}. The customers paid EUR 412,380 ` +
    `into an account at an e-money institution in Lithuania that was emptied within two days. The victim mailbox's login ` +
    `history shows sessions from 198.51.100.23 and 203.0.113.88 that the company cannot attribute to any of its staff.`;

  const preservation: DraftDocument = {
    id: preservationId,
    revision: 1,
    submittedAt: clock.format(preservedAt),
    instrument: "eu-preservation-order",
    urgency: {
      level: "expedited",
      reason: "The provider deletes access logs after 120 days under its published retention policy, and the first unexplained login is already 93 days old.",
      respondBy: clock.plusDays(preservedAt, 1),
    },
    issuingAuthority: authority,
    caseReference,
    provider: PROVIDER,
    legalBasis: [
      { citation: "Regulation (EU) 2023/1543, Art. 6", text: "European Preservation Order" },
      { citation: "§ 162 StPO", text: "competence of the investigating judge on application of the public prosecutor" },
    ],
    offences: OFFENCES,
    targets: [
      { kind: "email", value: VICTIM_MAILBOX, role: "victim" },
      { kind: "email", value: LOOKALIKE_MAILBOX, role: "suspect" },
    ],
    dataCategories: ["subscriber", "identification", "traffic", "content"],
    period,
    facts,
    necessity:
      "Without preservation the earliest access logs will be deleted before a production order can be issued and served. " +
      "The logs and the look-alike mailbox are the only remaining leads to the persons behind the attack: the receiving " +
      "e-money account was opened with a forged identity document.",
    proportionality:
      "Preservation only freezes the data; nothing is disclosed until a separate production order has been issued and examined. " +
      "It is limited to the two mailboxes involved and to the period from the first unexplained login to the complaint.",
    minimization: "Only the access logs of the victim's mailbox will later be sought; its content is preserved solely so that the provider's deletion cycle cannot affect the logs.",
    nonDisclosure: {
      requested: true,
      reason: "Informing the holder of the look-alike mailbox would allow the suspects to move the remaining proceeds and abandon the accounts.",
      until: clock.plusDays(preservedAt, 90),
    },
  };

  const producedAt = clock.instant(33, "14:05");
  const production: DraftDocument = {
    id: `ERII-Gs-2498-${yy}`,
    revision: 1,
    submittedAt: clock.format(producedAt),
    instrument: "eu-production-order",
    urgency: { level: "routine", respondBy: clock.plusDays(producedAt, 10) },
    issuingAuthority: authority,
    caseReference,
    provider: PROVIDER,
    legalBasis: [
      { citation: "Regulation (EU) 2023/1543, Art. 5(4)(a)", text: "European Production Order for traffic and content data" },
      { citation: "§§ 94, 98 StPO", text: "seizure of e-mails stored with the provider (BVerfG, 2 BvR 902/06)" },
      { citation: "§ 100g Abs. 1 StPO", text: "traffic data" },
    ],
    offences: OFFENCES,
    targets: [
      { kind: "email", value: LOOKALIKE_MAILBOX, role: "suspect" },
      { kind: "email", value: VICTIM_MAILBOX, role: "victim" },
    ],
    dataCategories: ["subscriber", "identification", "traffic", "content"],
    period,
    facts: `${facts} The provider executed the European Preservation Order ${preservationId} on the day it was received.`,
    necessity:
      "The content of the look-alike mailbox is expected to contain the forged invoices, the correspondence with the three customers " +
      "and, from replies and bounce messages, further mailboxes and mule accounts used by the group. Subscriber data and login " +
      "addresses of both mailboxes are needed to identify who operated them; the two addresses known so far belong to a VPN service that keeps no logs.",
    proportionality:
      "The offence is commercial gang fraud with a loss above EUR 400,000, punishable by up to ten years' imprisonment. " +
      "Content is requested only for the look-alike mailbox, which was created for the fraud and shows no legitimate use; " +
      "for the victim's mailbox only subscriber data and login records are requested.",
    lessIntrusiveMeans:
      "The victim company's own copies of the correspondence were secured first; they show what was sent but not by whom or from where.",
    minimization:
      "Investigators will review the content within 30 days of receipt and delete items unrelated to the fraud. Messages of the " +
      "victim company's staff found in the look-alike mailbox are used only as evidence of the offence.",
    retentionDays: 365,
    nonDisclosure: {
      requested: true,
      reason: "Informing the holder of the look-alike mailbox would allow the suspects to move the remaining proceeds.",
      until: clock.plusDays(producedAt, 90),
    },
    relatedRequests: [preservationId],
  };

  const epoc = pdfAttachment("epoc-annex-i.pdf", "EPOC (Annex I), signed by the investigating judge", {
    title: "European Production Order Certificate (EPOC) - summary of Annex I",
    issuer: authority.name,
    meta: [`File: ER II Gs 2498/${yy}; ${caseReference}`, `Issued: ${production.submittedAt}`],
    sections: requestSections(production),
    signature: [`München, ${clock.date(33)}`, "Dr. Matthias Greindl, Richter am Amtsgericht (Ermittlungsrichter)", "Qualified electronic signature"],
    footer: "Demonstration document - fictional persons and data",
    author: authority.name,
    date: producedAt,
  });

  return [demoRequest(preservation), demoRequest(production, [epoc])];
}
