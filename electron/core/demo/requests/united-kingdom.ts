// Greater Manchester Police: a genuine emergency (child taken by a parent who threatens to
// kill) sent to a US messenger within the last hours, well-formed; and a PACE production
// order for a cloud backup whose non-disclosure request has no end date (flawed).
import { demoAuthority, DEMO_TIME_ZONES } from "../demo-authorities.js";
import { type DraftDocument, demoRequest, pdfAttachment, requestSections, textAttachment } from "../demo-build.js";
import { demoClock } from "../demo-time.js";
import type { DemoRequest } from "../demo-types.js";

export function britishRequests(reference: Date): DemoRequest[] {
  const authority = demoAuthority("gb-gmp");
  const clock = demoClock(reference, DEMO_TIME_ZONES[authority.id]);
  return [productionOrder(authority, clock), emergency(authority, clock)];
}

type Authority = ReturnType<typeof demoAuthority>;
type Clock = ReturnType<typeof demoClock>;

function emergency(authority: Authority, clock: Clock): DemoRequest {
  // Arrived 90 minutes before the reference, so the demo always shows a live emergency clock.
  const submittedAt = clock.hoursBefore(1.5);
  const year = clock.year(submittedAt);
  const threat =
    "Threat to life: the father has told the mother in messages sent through the app that he has a supply of tablets and that she " +
    "will never see either of them again. The 4-year-old was taken from nursery without consent earlier today and has not been seen since.";
  const request: DraftDocument = {
    id: `GMP-CDIU-${year}-04417-EDR`,
    revision: 1,
    submittedAt: clock.format(submittedAt),
    instrument: "emergency-disclosure",
    urgency: { level: "emergency", reason: threat, respondBy: clock.plusHours(submittedAt, 4) },
    issuingAuthority: authority,
    caseReference: `GMP log 1187, missing person MP/${String(year).slice(2)}/3391`,
    provider: { name: "Quillfeather Messenger Inc.", country: "US", service: "messaging app" },
    legalBasis: [
      { citation: "18 U.S.C. § 2702(b)(8), (c)(4)", text: "voluntary disclosure in an emergency involving danger of death or serious physical injury" },
      { citation: "Investigatory Powers Act 2016, s. 61A", text: "urgent authorisation by a designated senior officer" },
    ],
    offences: [
      { description: "Threats to kill", citation: "Offences Against the Person Act 1861, s. 16", maxPenaltyMonths: 120, category: "violence" },
      { description: "Abduction of a child by a person connected with the child", citation: "Child Abduction Act 1984, s. 1", maxPenaltyMonths: 84, category: "child-abduction" },
    ],
    targets: [
      { kind: "phone", value: "+44 7700 900461", role: "suspect" },
      { kind: "account", value: "Quillfeather user ID 100083557201", role: "suspect" },
    ],
    dataCategories: ["subscriber", "identification", "location"],
    period: { from: clock.plusHours(submittedAt, -72), to: clock.format(submittedAt) },
    facts:
      "The boy's father, Craig Whitlow (42), is subject to a non-molestation order and has no contact arrangement; he collected the child from a nursery in " +
      "Stockport by telling staff the mother was unwell. His mobile phone has been switched off since shortly afterwards, but messages to the mother keep arriving " +
      "through the Quillfeather app from another device, the last one 40 minutes before this request.",
    necessity:
      "The IP addresses and any location the provider holds for the account's recent sessions are the only means of finding the father and child quickly; " +
      "the phone is off the mobile network, so cell-site data from the UK operator are not available.",
    proportionality:
      "The request is confined to subscriber details and the IP addresses and location of sessions in the last 72 hours; no message content is sought.",
    lessIntrusiveMeans:
      "Officers have checked the father's flat, his parents' address and his workplace, and his car is circulated on ANPR with no result so far.",
    minimization: "The data are used only to locate the father and child and are deleted after 30 days unless they become evidence in a prosecution.",
    retentionDays: 30,
    nonDisclosure: {
      requested: true,
      reason: "Notice to the account holder could escalate the risk to the child.",
      until: clock.plusHours(submittedAt, 30 * 24),
    },
  };

  const statement = textAttachment("dso-urgent-authorisation.txt", "Designated senior officer's record of the urgent authorisation", [
    "GREATER MANCHESTER POLICE - RECORD OF URGENT AUTHORISATION (IPA 2016, Part 3)",
    "",
    `Reference: ${request.id}`,
    `Time of authorisation: ${request.submittedAt}`,
    "Designated senior officer: Inspector Rebecca Hollinshead, Force Duty Inspector",
    "Applicant: DC Amir Sandhu, Communications Data Investigations Unit",
    "",
    "I am satisfied that there is an immediate threat to the life of a 4-year-old child and of his father,",
    "who has threatened to take his own life and told the mother she will never see the child again.",
    "The time needed to obtain an authorisation from OCDA would put the child's life at further risk.",
    "",
    "Data authorised: subscriber details of the Quillfeather account linked to +44 7700 900461 and",
    "the IP addresses and location of its sessions during the last 72 hours. No content.",
    "",
    "This authorisation lasts 3 days and will be reviewed by OCDA in line with the Code of Practice.",
    "",
    "-- Demonstration document: persons and data are fictional. --",
  ]);
  return demoRequest(request, [statement]);
}

// The non-disclosure request has a reason but no end date: the M9 item a reviewer should flag.
function productionOrder(authority: Authority, clock: Clock): DemoRequest {
  const madeAt = clock.instant(12, "12:20");
  const submittedAt = clock.instant(12, "16:45");
  const yy = String(clock.year(submittedAt)).slice(2);
  const request: DraftDocument = {
    id: `GMP-SCH1-${yy}-0219`,
    revision: 1,
    submittedAt: clock.format(submittedAt),
    instrument: "domestic-warrant",
    urgency: {
      level: "expedited",
      reason: "Two co-accused are remanded in custody; the evidence must be served before the charging decision in 21 days.",
      respondBy: clock.plusDays(submittedAt, 7),
    },
    issuingAuthority: authority,
    validatingAuthority: { name: "Circuit Judge, Crown Court at Manchester (Crown Square)", country: "GB", kind: "judge", validatedAt: clock.format(madeAt) },
    caseReference: `Operation Larchwood, Crown Court ref. T20${yy}7154`,
    provider: { name: "Calder Cloud Storage Ltd", country: "GB", service: "phone backup and photo storage" },
    legalBasis: [
      { citation: "Police and Criminal Evidence Act 1984, s. 9 and Sch. 1, para. 4", text: "production order for special procedure material" },
      { citation: "Investigatory Powers Act 2016, s. 6(1)(c)(ii)", text: "lawful authority to obtain stored communications under a production order" },
    ],
    offences: [
      { description: "Conspiracy to sell or transfer prohibited weapons (converted blank-firing pistols)", citation: "Criminal Law Act 1977, s. 1; Firearms Act 1968, s. 5(2A)", category: "firearms" },
      { description: "Possession of prohibited weapons", citation: "Firearms Act 1968, s. 5(1)", maxPenaltyMonths: 120, category: "firearms" },
    ],
    targets: [
      { kind: "email", value: "m.tranmere84@example.com", role: "suspect" },
      { kind: "device-id", value: "IMEI 352099001761481", role: "suspect" },
    ],
    dataCategories: ["subscriber", "content", "device-logs"],
    period: { from: clock.at(220, "00:00:00"), to: clock.at(16, "23:59:59") },
    facts:
      `On ${clock.date(16)} officers searching a lock-up garage in Oldham found four converted blank-firing pistols, a pillar drill and 150 rounds of ammunition. ` +
      "The garage is rented by Martin Tranmere (41), who was arrested at the scene. His phone was wiped by a remote command within an hour of the arrest; " +
      "the handset had been backing up to the Calder Cloud account m.tranmere84@example.com until that day.",
    necessity:
      "The backups are expected to hold the photographs, notes and messages showing who bought the converted pistols; the handset itself holds nothing after the wipe. " +
      "The device logs will show which other devices were signed in to the account and which of them sent the wipe command.",
    proportionality:
      "The material concerns the supply of lethal firearms. The order covers one account and the seven months since the suspect rented the garage.",
    minimization:
      "The backups are examined by the digital forensics unit with date and keyword filters agreed with the CPS; family photographs and health data are excluded from review.",
    retentionDays: 2190,
    nonDisclosure: {
      requested: true,
      reason: "Disclosure to the account holder would prejudice the investigation of the buyers of the weapons, who have not yet been identified.",
    },
  };

  const order = pdfAttachment("production-order.pdf", "Production order (PACE 1984, Sch. 1), sealed copy", {
    title: "Production Order - Police and Criminal Evidence Act 1984, Schedule 1, paragraph 4",
    issuer: "In the Crown Court at Manchester (Crown Square)",
    meta: [`Application by ${authority.name}; ${request.caseReference ?? ""}`, `Made: ${clock.format(madeAt)}`],
    sections: [
      ...requestSections(request),
      {
        heading: "Order",
        paragraphs: [
          "Being satisfied that the access conditions in paragraph 2 of Schedule 1 are fulfilled, the court orders Calder Cloud Storage Ltd to produce the material described above to a constable within seven days of service of this order.",
        ],
      },
    ],
    signature: [`Manchester, ${clock.date(12)}`, "HHJ Patricia Oyelaran-Birch, sitting as a Circuit Judge"],
    footer: "Demonstration document - fictional persons and data",
    author: "Crown Court at Manchester",
    date: madeAt,
  });
  return demoRequest(request, [order]);
}
