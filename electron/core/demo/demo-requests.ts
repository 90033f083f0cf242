// The demo store's twelve request documents, across every instrument, urgency level and
// six issuing authorities. Some are deliberately flawed so a new user sees the review
// checklists catch something; see DEMO_FLAWS.
//
// Each document is sealed and imported as its own bundle. The list is in submission order,
// so a preservation order comes before the production order that cites it and revision 1
// before revision 2 of the same request (import them in this order).
import type { DemoAuthorityId } from "./demo-authorities.js";
import type { DemoRequest } from "./demo-types.js";
import { frenchRequests } from "./requests/france.js";
import { germanRequests } from "./requests/germany.js";
import { dutchRequests } from "./requests/netherlands.js";
import { polishRequests } from "./requests/poland.js";
import { britishRequests } from "./requests/united-kingdom.js";
import { usRequests } from "./requests/united-states.js";

export type { DemoAttachment, DemoRequest, RequestDocument } from "./demo-types.js";

/** All twelve demo requests, times computed back from `reference` (normally "now"). */
export function demoRequests(reference: Date): DemoRequest[] {
  const all = [
    ...germanRequests(reference),
    ...dutchRequests(reference),
    ...frenchRequests(reference),
    ...usRequests(reference),
    ...britishRequests(reference),
    ...polishRequests(reference),
  ];
  // Array.prototype.sort is stable, so equal instants keep their authored order.
  return all.sort((a, b) => Date.parse(a.document.submittedAt) - Date.parse(b.document.submittedAt));
}

/** Which demo documents are flawed on purpose, by the review checklist item they fail. */
export interface DemoFlaw {
  authority: DemoAuthorityId;
  /** The document id without its year, which follows the reference date. */
  idPattern: RegExp;
  revision: number;
  items: string[];
  summary: string;
}

export const DEMO_FLAWS: readonly DemoFlaw[] = [
  {
    authority: "nl-om-rotterdam",
    idPattern: /^OM-RTM-\d{4}-0884$/,
    revision: 1,
    items: ["L3", "L4"],
    summary: "A public prosecutor orders traffic and content data by EPOC with no validating judge (Reg. 2023/1543 Art. 4(2)); revision 2 corrects it.",
  },
  {
    authority: "fr-tj-lyon-ji",
    idPattern: /^JI-LYON-\d{2}-00417-EPOC$/,
    revision: 1,
    items: ["L6", "N6"],
    summary: "Traffic data by EPOC for online harassment with a 24-month maximum, below the 36-month threshold of Art. 5(4).",
  },
  {
    authority: "gb-gmp",
    idPattern: /^GMP-SCH1-\d{2}-0219$/,
    revision: 1,
    items: ["M9"],
    summary: "Non-disclosure requested with a reason but no end date.",
  },
  {
    authority: "pl-po-lodz",
    idPattern: /^PO-II-Ds-14-\d{4}-USA$/,
    revision: 1,
    items: ["N9", "M3", "N4"],
    summary: "Three years of content and traffic data from account opening, for a fraud that ran about seven months.",
  },
  {
    authority: "pl-po-lodz",
    idPattern: /^PO-II-Ds-37-\d{4}-PILNE$/,
    revision: 1,
    items: ["L14", "N12"],
    summary: "Emergency disclosure claimed only for risk of deletion; no imminent threat to life or of serious harm stated.",
  },
  {
    authority: "nl-om-rotterdam",
    idPattern: /^OM-RTM-\d{4}-0911$/,
    revision: 1,
    items: ["L2", "M1"],
    summary: "A Second Protocol Art. 7 subscriber-information order that also asks for the server's connection (traffic) logs.",
  },
];
