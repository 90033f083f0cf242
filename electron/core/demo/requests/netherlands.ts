// OM Rotterdam: a cocaine-import EPOC sent first without the rechter-commissaris's
// authorisation (revision 1, flawed), then corrected (revision 2); and a Second Protocol
// Art. 7 order to a Japanese host that also asks for traffic data (flawed).
import { demoAuthority, DEMO_TIME_ZONES } from "../demo-authorities.js";
import { type DraftDocument, demoRequest, pdfAttachment, requestSections, textAttachment } from "../demo-build.js";
import { demoClock } from "../demo-time.js";
import type { DemoRequest } from "../demo-types.js";

const VESPER = { name: "Vesper Messaging GmbH", country: "DE", service: "end-to-end encrypted messenger with cloud backup" };
const HANDLE = "@harbourfox_77";

export function dutchRequests(reference: Date): DemoRequest[] {
  const authority = demoAuthority("nl-om-rotterdam");
  const clock = demoClock(reference, DEMO_TIME_ZONES[authority.id]);
  return [...cocaineImportOrders(authority, clock), intrusionSubscriberOrder(authority, clock)];
}

type Authority = ReturnType<typeof demoAuthority>;
type Clock = ReturnType<typeof demoClock>;

function cocaineImportOrders(authority: Authority, clock: Clock): DemoRequest[] {
  const firstAt = clock.instant(29, "16:30");
  const year = clock.year(firstAt);
  const id = `OM-RTM-${year}-0884`;
  const caseReference = `Parketnummer 10/884213-${String(year).slice(2)} (onderzoek Kaapstander)`;
  const facts =
    `On ${clock.date(34)} customs at the Maasvlakte found 412 kg of cocaine in a reefer container of bananas from Guayaquil; ` +
    `that night two men were arrested on the terminal with bolt cutters and a duplicate container seal. A phone seized from one ` +
    `of them shows that the Vesper account ${HANDLE} sent him the container number, its stack position and the seal number in ` +
    `the hours before the extraction. The account was registered with the prepaid number +44 7700 900318.`;

  // Revision 1: a prosecutor asking for content and traffic data with no judicial validation
  // (Art. 4(2) of the Regulation; art. 126ng lid 2 Sv needs the rechter-commissaris).
  const first: DraftDocument = {
    id,
    revision: 1,
    submittedAt: clock.format(firstAt),
    instrument: "eu-production-order",
    urgency: {
      level: "expedited",
      reason: "A further shipment is expected within weeks, and the provider keeps message backups for twelve months only.",
      respondBy: clock.plusDays(firstAt, 5),
    },
    issuingAuthority: authority,
    caseReference,
    provider: VESPER,
    legalBasis: [
      { citation: "Regulation (EU) 2023/1543, Art. 5(4)(a)" },
      { citation: "art. 126ng lid 2 Sv", text: "vordering van opgeslagen gegevens" },
    ],
    offences: [
      { description: "Importing cocaine into the Netherlands", citation: "art. 2 onder A jo. art. 10 lid 5 Opiumwet", maxPenaltyMonths: 144, category: "drug-trafficking" },
      { description: "Participation in a criminal organisation", citation: "art. 140 Sr", maxPenaltyMonths: 72, category: "organised-crime" },
    ],
    targets: [
      { kind: "account", value: `Vesper ${HANDLE}`, role: "suspect" },
      { kind: "phone", value: "+44 7700 900318", role: "suspect" },
    ],
    dataCategories: ["subscriber", "traffic", "content"],
    period: { from: clock.at(455, "00:00:00"), to: clock.at(30, "23:59:59") },
    facts,
    necessity:
      "The backed-up messages and contact list of the account are expected to identify the organisers who bought the container " +
      "information and the other extraction teams they used. The seized phone holds only the last eleven days of the conversation because disappearing messages were enabled.",
    proportionality:
      "Importing more than 400 kg of cocaine carries up to twelve years' imprisonment. The order concerns one account that, on present evidence, is used only for the organisation's logistics.",
    nonDisclosure: {
      requested: true,
      reason: "The organisers are not yet identified; notifying the account holder would end the use of the account and warn the network.",
      until: clock.plusDays(firstAt, 180),
    },
  };

  // Revision 2: validated by the rechter-commissaris and narrowed to six months.
  const validatedAt = clock.instant(24, "09:40");
  const secondAt = clock.instant(24, "10:15");
  const second: DraftDocument = {
    ...first,
    revision: 2,
    submittedAt: clock.format(secondAt),
    urgency: { ...first.urgency, respondBy: clock.plusDays(secondAt, 5) },
    validatingAuthority: { name: "Rechtbank Rotterdam, rechter-commissaris", country: "NL", kind: "judge", validatedAt: clock.format(validatedAt) },
    legalBasis: [
      { citation: "Regulation (EU) 2023/1543, Art. 4(2)(b)", text: "validation by a judge of an order issued by a public prosecutor" },
      ...first.legalBasis,
    ],
    period: { from: clock.at(205, "00:00:00"), to: clock.at(30, "23:59:59") },
    facts:
      `${facts} This revision replaces revision 1 of ${clock.date(29)}: it adds the authorisation of the rechter-commissaris ` +
      `and limits the period to the six months since the account was saved as a contact on the seized phone.`,
    lessIntrusiveMeans:
      "The seized phone and the co-suspect's phone have been examined in full; both use disappearing messages, so the earlier conversation exists only in the provider's backup. " +
      "Subscriber data alone would not help: the registration number is an anonymous prepaid SIM.",
    minimization:
      "Content is reviewed by the investigation team under the supervision of the officier van justitie; messages with persons unconnected to the logistics are kept out of the file, " +
      "and communications with a lawyer are destroyed unread (art. 126aa lid 2 Sv).",
    retentionDays: 730,
  };

  const epoc = pdfAttachment("epoc-annex-i.pdf", "EPOC (Annex I), revision 2, with validation", {
    title: "European Production Order Certificate (EPOC) - summary of Annex I",
    issuer: authority.name,
    meta: [`Reference: ${id}, revision 2; ${caseReference}`, `Issued: ${second.submittedAt}`],
    sections: requestSections(second),
    signature: [`Rotterdam, ${clock.date(24)}`, "mr. J.P. van Dorsselaer, officier van justitie", "Validated: mr. A.C. Heemskerk-Dijkstra, rechter-commissaris"],
    footer: "Demonstration document - fictional persons and data",
    author: authority.name,
    date: secondAt,
  });
  const authorisation = textAttachment("machtiging-rc.txt", "Authorisation of the rechter-commissaris (art. 126ng lid 2 Sv)", [
    "RECHTBANK ROTTERDAM",
    "Kabinet rechter-commissaris strafzaken",
    "",
    `Parketnummer: 10/884213-${String(clock.year(firstAt)).slice(2)}`,
    `Datum: ${clock.format(validatedAt)}`,
    "",
    "MACHTIGING (art. 126ng lid 2 Wetboek van Strafvordering)",
    "",
    "De rechter-commissaris,",
    "gelet op de vordering van de officier van justitie in het arrondissement Rotterdam,",
    "overwegende dat er een verdenking bestaat van overtreding van art. 2 onder A jo. art. 10 lid 5 Opiumwet",
    "en art. 140 Wetboek van Strafrecht, misdrijven als omschreven in art. 67 lid 1 Sv,",
    "en dat het belang van het onderzoek de vordering dringend vordert,",
    "",
    `verleent machtiging tot het vorderen van de opgeslagen gegevens van het Vesper-account ${HANDLE}`,
    "en van het telefoonnummer +44 7700 900318, over de periode",
    `van ${clock.date(205)} tot en met ${clock.date(30)},`,
    "en valideert daartoe het Europees verstrekkingsbevel (Verordening (EU) 2023/1543, art. 4 lid 2 onder b).",
    "",
    "Geheimhoudersgesprekken worden ongelezen vernietigd (art. 126aa lid 2 Sv).",
    "",
    "mr. A.C. Heemskerk-Dijkstra, rechter-commissaris",
    "",
    "-- Demonstratiedocument: personen en gegevens zijn fictief. --",
  ]);

  return [demoRequest(first), demoRequest(second, [epoc, authorisation])];
}

// Art. 7 of the Second Protocol reaches subscriber information only; asking for connection
// logs under it is the flaw a reviewer should catch.
function intrusionSubscriberOrder(authority: Authority, clock: Clock): DemoRequest {
  const submittedAt = clock.instant(44, "10:50");
  const year = clock.year(submittedAt);
  const order: DraftDocument = {
    id: `OM-RTM-${year}-0911`,
    revision: 1,
    submittedAt: clock.format(submittedAt),
    instrument: "coe-subscriber-disclosure",
    urgency: { level: "routine", respondBy: clock.plusDays(submittedAt, 30) },
    issuingAuthority: authority,
    caseReference: `Parketnummer 10/902455-${String(year).slice(2)}`,
    provider: { name: "Kestrel Cloud K.K.", country: "JP", service: "virtual private servers" },
    legalBasis: [
      { citation: "Second Additional Protocol to the Budapest Convention, Art. 7", text: "order for subscriber information to a service provider in another Party" },
      { citation: "art. 126na Sv", text: "vordering gebruikersgegevens" },
    ],
    offences: [
      { description: "Computer intrusion with copying of data (computervredebreuk)", citation: "art. 138ab lid 2 Sr", maxPenaltyMonths: 48, category: "cybercrime" },
    ],
    targets: [
      { kind: "ip-address", value: "203.0.113.47", role: "unknown" },
      { kind: "other", value: "Kestrel Cloud server ID srv-0a7f3c19", role: "unknown" },
    ],
    dataCategories: ["subscriber", "traffic"],
    period: { from: clock.at(75, "00:00:00"), to: clock.at(61, "23:59:59") },
    facts:
      `Between ${clock.date(75)} and ${clock.date(61)} the booking system of Brakel Havenlogistiek B.V., Rotterdam, was accessed with a ` +
      "stolen administrator password and about 38,000 customer records were copied. The company's firewall logs show that the data left " +
      "the network for 203.0.113.47, an address that public registration records assign to Kestrel Cloud K.K., Osaka.",
    necessity:
      "The subscriber details of the customer who rented the server at 203.0.113.47 during those two weeks are needed to identify the intruders. " +
      "The server's connection logs are needed to see where else the stolen records were sent and from which addresses the server was administered.",
    proportionality:
      "The intrusion exposed the personal data of about 38,000 people. The order is limited to one server and the two weeks of the intrusion.",
    retentionDays: 365,
    nonDisclosure: {
      requested: true,
      reason: "The customer of the server is the suspected intruder; notice would prompt deletion of the stolen data held elsewhere.",
      until: clock.plusDays(submittedAt, 120),
    },
  };
  return demoRequest(order);
}
