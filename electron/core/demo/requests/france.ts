// Juge d'instruction, Lyon: an EPOC for traffic data in an online-harassment case whose
// maximum penalty (2 years) is below the Art. 5(4) threshold (flawed), and a well-formed
// Second Protocol Art. 6 request for the registration data of two phishing domains.
import { demoAuthority, DEMO_TIME_ZONES } from "../demo-authorities.js";
import { type DraftDocument, demoRequest } from "../demo-build.js";
import { demoClock } from "../demo-time.js";
import type { DemoRequest } from "../demo-types.js";

export function frenchRequests(reference: Date): DemoRequest[] {
  const authority = demoAuthority("fr-tj-lyon-ji");
  const clock = demoClock(reference, DEMO_TIME_ZONES[authority.id]);

  const harassmentAt = clock.instant(36, "15:25");
  const hy = String(clock.year(harassmentAt)).slice(2);
  const harassment: DraftDocument = {
    id: `JI-LYON-${hy}-00417-EPOC`,
    revision: 1,
    submittedAt: clock.format(harassmentAt),
    instrument: "eu-production-order",
    urgency: { level: "routine", respondBy: clock.plusDays(harassmentAt, 10) },
    issuingAuthority: authority,
    caseReference: `Information judiciaire n° JICAB4/${hy}/00417`,
    provider: { name: "Lumen Connect S.A.", country: "LU", service: "virtual mobile numbers and calling app" },
    legalBasis: [
      { citation: "Regulation (EU) 2023/1543, Art. 5", text: "European Production Order" },
      { citation: "art. 99-3 et 60-1-2 du code de procédure pénale", text: "réquisitions du juge d'instruction; données de trafic" },
    ],
    offences: [
      {
        description: "Harassment by means of an online public communication service (harcèlement moral en ligne), causing incapacity to work of up to eight days",
        citation: "art. 222-33-2-2, 4° du code pénal",
        maxPenaltyMonths: 24,
        category: "harassment",
      },
    ],
    targets: [
      { kind: "phone", value: "+33 6 39 98 41 27", role: "suspect" },
      { kind: "account", value: "Lumen Connect account ID 5531920874", role: "suspect" },
    ],
    dataCategories: ["subscriber", "traffic"],
    period: { from: clock.at(150, "00:00:00"), to: clock.at(37, "23:59:59") },
    facts:
      `Since ${clock.date(150)} a teacher at a lycée in Villeurbanne has received more than 600 calls and text messages, many at night, ` +
      "insulting her and mentioning her home address and her children's school. Most came from the virtual number +33 6 39 98 41 27, " +
      "issued through the Lumen Connect app to the account above; after she blocked it, the caller switched to two further numbers from the same account. " +
      "The forensic medical examination set her total incapacity for work (ITT) at five days.",
    necessity:
      "The subscriber data may be false, as the app allows sign-up with an e-mail address only. The call and message records of the account, " +
      "including the other numbers it contacted, are needed to identify the caller's circle and to establish the frequency of the harassment for the charge.",
    proportionality:
      "The records are limited to one account and to the months since the harassment began; no content is requested.",
    nonDisclosure: { requested: false },
  };

  const domainsAt = clock.instant(27, "09:05");
  const dy = String(clock.year(domainsAt)).slice(2);
  const domains: DraftDocument = {
    id: `JI-LYON-${dy}-00388-ART6`,
    revision: 1,
    submittedAt: clock.format(domainsAt),
    instrument: "coe-domain-registration",
    urgency: {
      level: "expedited",
      reason: "Both domains are live and still receive new victims every day; the registrant can transfer them to another registrar at any time.",
    },
    issuingAuthority: authority,
    caseReference: `Information judiciaire n° JICAB4/${dy}/00388`,
    provider: { name: "Bluefinch Registrar LLC", country: "US", service: "domain name registration" },
    legalBasis: [
      { citation: "Second Additional Protocol to the Budapest Convention, Art. 6", text: "request for domain name registration information" },
      { citation: "art. 99-3 du code de procédure pénale" },
    ],
    offences: [
      { description: "Organised fraud by SMS phishing imitating a parcel carrier (escroquerie en bande organisée)", citation: "art. 313-2 du code pénal", maxPenaltyMonths: 120, category: "fraud" },
      { description: "Fraudulent collection of personal data", citation: "art. 226-18 du code pénal", maxPenaltyMonths: 60, category: "cybercrime" },
    ],
    targets: [
      { kind: "domain", value: "suivi-colis-relivraison.example", role: "suspect" },
      { kind: "domain", value: "frais-livraison-colis.example", role: "suspect" },
    ],
    dataCategories: ["subscriber"],
    facts:
      `Since ${clock.date(58)} text messages claiming that a parcel is held pending a EUR 1.99 redelivery fee have directed recipients to the two domains, ` +
      "which copy the tracking page of a French parcel carrier. At least 1,340 people entered their card details; 211 of them have reported fraudulent payments " +
      "totalling EUR 186,000. Both domains were registered through Bluefinch Registrar within the same hour and use the same name servers.",
    necessity:
      "The registrant's name, address, e-mail address and telephone number, and the IP address used at registration, are the quickest lead to the persons running the campaign: " +
      "the sites are served through a reverse-proxy service that hides the origin server.",
    proportionality:
      "Only the registration data of two domains created for the fraud are requested; no content and no data of other customers.",
    minimization:
      "If a privacy or proxy service is shown as registrant, its details are used only to address a follow-up request to that service.",
    nonDisclosure: {
      requested: true,
      reason: "The registrant would move the campaign to new domains before the servers can be identified.",
      until: clock.plusDays(domainsAt, 120),
    },
  };

  return [demoRequest(harassment), demoRequest(domains)];
}
