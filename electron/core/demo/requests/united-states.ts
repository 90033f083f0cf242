// DOJ Office of International Affairs: a warrant for a ransomware negotiation mailbox at a
// UK provider, served under the US–UK Data Access Agreement. Well-formed: independent judicial
// authorisation, one named account, a stated search protocol, a bounded non-disclosure order.
import { demoAuthority, DEMO_TIME_ZONES } from "../demo-authorities.js";
import { type DraftDocument, demoRequest, pdfAttachment, requestSections, textAttachment } from "../demo-build.js";
import { demoClock } from "../demo-time.js";
import type { DemoRequest } from "../demo-types.js";

const MAILBOX = "lanternmoth@harrowgate-mail.example";

export function usRequests(reference: Date): DemoRequest[] {
  const authority = demoAuthority("us-doj-oia");
  const clock = demoClock(reference, DEMO_TIME_ZONES[authority.id]);
  const signedAt = clock.instant(20, "15:10");
  const submittedAt = clock.instant(19, "11:30");
  const year = clock.year(submittedAt);
  const docket = `No. 2:${String(year).slice(2)}-mj-00412`;

  const order: DraftDocument = {
    id: `OIA-DAA-${year}-0731`,
    revision: 1,
    submittedAt: clock.format(submittedAt),
    instrument: "executive-agreement",
    urgency: { level: "routine" },
    issuingAuthority: authority,
    validatingAuthority: {
      name: "United States Magistrate Judge, U.S. District Court for the Southern District of Ohio",
      country: "US",
      kind: "judge",
      validatedAt: clock.format(signedAt),
    },
    caseReference: `In re Search of Information Associated with ${MAILBOX}, ${docket} (S.D. Ohio)`,
    provider: { name: "Harrowgate Webmail Ltd", country: "GB", service: "consumer webmail" },
    legalBasis: [
      {
        citation: "18 U.S.C. § 2523",
        text: "Agreement between the Government of the United States of America and the Government of the United Kingdom of Great Britain and Northern Ireland on Access to Electronic Data for the Purpose of Countering Serious Crime (2019)",
      },
      { citation: "18 U.S.C. § 2703(a), (c)(1)(A)", text: "warrant for stored content and records" },
      { citation: "Fed. R. Crim. P. 41" },
    ],
    offences: [
      { description: "Intentional damage to protected computers (ransomware deployment)", citation: "18 U.S.C. § 1030(a)(5)(A), (c)(4)(B)", maxPenaltyMonths: 120, category: "cybercrime" },
      { description: "Extortion involving computers", citation: "18 U.S.C. § 1030(a)(7)(C)", maxPenaltyMonths: 60, category: "cybercrime" },
    ],
    targets: [
      { kind: "email", value: MAILBOX, role: "suspect" },
      { kind: "other", value: "Harrowgate customer number HGW-00482913", role: "suspect" },
    ],
    dataCategories: ["subscriber", "identification", "traffic", "content"],
    period: { from: clock.at(270, "00:00:00"), to: clock.at(20, "23:59:59") },
    facts:
      `Between ${clock.date(150)} and ${clock.date(64)} the networks of three hospitals in Ohio were encrypted with the "Cindervane" ransomware; ` +
      `each ransom note told the victim to negotiate through ${MAILBOX}, an account opened on ${clock.date(270)}. One hospital paid USD 1.1 million in bitcoin; the funds were cashed out at an ` +
      "exchange that recorded a login from 192.0.2.141, an address that also accessed the mailbox twice. The user is believed to be located outside " +
      "the United Kingdom and the United States; nothing indicates that the user is a UK national or resident or is located in the UK.",
    necessity:
      "The mailbox is expected to contain the negotiations with all victims, the decryption tools exchanged and messages with other affiliates of the " +
      "ransomware group. Subscriber and login records are needed to identify the user. The attached affidavit sets out probable cause for each category.",
    proportionality:
      "The attacks disrupted emergency care at three hospitals for up to nine days; each count carries up to ten years' imprisonment. " +
      "The order names a single account and runs from the account's creation to the date of the warrant.",
    lessIntrusiveMeans:
      "A preservation request was served first. Subscriber data alone would not identify the user, who registered with a disposable address and pays nothing for the service.",
    minimization:
      "The data are reviewed under the search protocol in Attachment B of the warrant: only evidence of the listed offences is seized, and communications " +
      "of other persons unrelated to them are not copied into the case file. Any data of a UK person found incidentally are handled under the minimisation procedures adopted under the Agreement.",
    nonDisclosure: {
      requested: true,
      reason: "Order under 18 U.S.C. § 2705(b): notice would alert the user and the group, which rebuilt its infrastructure after earlier publicity.",
      until: clock.plusDays(signedAt, 365),
    },
  };

  const warrant = pdfAttachment("warrant.pdf", "Search and seizure warrant with Attachments A and B", {
    title: "Search and Seizure Warrant - order subject to the US-UK Data Access Agreement",
    issuer: "United States District Court for the Southern District of Ohio",
    meta: [`Case ${docket}; transmitted by ${authority.name}`, `Signed: ${clock.format(signedAt)}`],
    sections: [
      ...requestSections(order),
      {
        heading: "Attachment B - search protocol",
        paragraphs: [
          "The provider discloses the account records listed above. Law enforcement personnel then review the records and seize only evidence, fruits and instrumentalities of violations of 18 U.S.C. § 1030 relating to the Cindervane ransomware.",
          "Records outside that scope are not copied into the case file and are sealed at the end of the review.",
        ],
      },
    ],
    signature: [`Columbus, Ohio, ${clock.date(20)}`, "Hon. Theresa M. Calloway-Reyes, United States Magistrate Judge"],
    footer: "Demonstration document - fictional persons and data",
    author: "United States District Court for the Southern District of Ohio",
    date: signedAt,
  });

  const affidavit = textAttachment("affidavit.txt", "Affidavit in support of an application for a search warrant", [
    "UNITED STATES DISTRICT COURT FOR THE SOUTHERN DISTRICT OF OHIO",
    "",
    `IN THE MATTER OF THE SEARCH OF INFORMATION ASSOCIATED WITH ${MAILBOX.toUpperCase()}`,
    `THAT IS STORED AT PREMISES CONTROLLED BY HARROWGATE WEBMAIL LTD        Case ${docket}`,
    "",
    "AFFIDAVIT IN SUPPORT OF AN APPLICATION FOR A SEARCH WARRANT",
    "",
    "I, Daniel R. Okafor-Lindqvist, being first duly sworn, state:",
    "",
    "1. I am a Special Agent of the Federal Bureau of Investigation assigned to the Cincinnati Field Office cyber squad.",
    "   The facts below come from my own investigation and from reports of other agents and of the victims.",
    `2. Between ${clock.date(150)} and ${clock.date(64)}, Hospital A, Hospital B and Hospital C, all in Ohio, found their`,
    "   file servers encrypted. Each ransom note bore the Cindervane marker and named the account " + MAILBOX + ".",
    "3. Hospital B paid 16.2 BTC on the instructions received from that account. Tracing on the public blockchain shows",
    "   the funds moving through two intermediate wallets to a deposit address at a virtual-currency exchange.",
    "4. The exchange produced records showing that the depositing customer logged in from 192.0.2.141.",
    "   Harrowgate's response to a preservation request confirms two logins to the account from the same address.",
    "5. Based on my training and experience, ransomware operators keep their negotiations, decryptor builds and",
    "   affiliate correspondence in the mailbox used for negotiation, because they reuse it across victims.",
    "6. I have found no information that the user of the account is a national or resident of the United Kingdom",
    "   or is located there. If such information emerges, I will inform the Office of International Affairs at once.",
    "7. There is therefore probable cause to believe that the account contains evidence of violations of",
    "   18 U.S.C. § 1030(a)(5)(A) and (a)(7)(C), as described in Attachment B.",
    "",
    "Daniel R. Okafor-Lindqvist, Special Agent, FBI",
    `Sworn to before me by reliable electronic means, ${clock.date(20)}.`,
    "Hon. Theresa M. Calloway-Reyes, United States Magistrate Judge",
    "",
    "-- Demonstration document: persons, places and data are fictional. --",
  ]);

  return [demoRequest(order, [warrant, affidavit])];
}
