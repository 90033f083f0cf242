// Issuing authorities of the demo store. The institution types are real; every person named
// in the demo is invented, and every contact uses the reserved `.example` domain (RFC 2606)
// so nothing in a demo store can reach a real office.
import type { IssuingAuthority } from "./demo-types.js";

export type DemoAuthorityId =
  | "de-ag-muenchen"
  | "fr-tj-lyon-ji"
  | "nl-om-rotterdam"
  | "gb-gmp"
  | "us-doj-oia"
  | "pl-po-lodz";

export interface DemoAuthority extends IssuingAuthority {
  id: DemoAuthorityId;
}

export const DEMO_AUTHORITIES: readonly DemoAuthority[] = [
  {
    id: "de-ag-muenchen",
    name: "Amtsgericht München, Ermittlungsrichter",
    country: "DE",
    kind: "judge",
    contact: "Geschäftsstelle Ermittlungsrichter, ermittlungsrichter@ag-muenchen.example",
  },
  {
    id: "fr-tj-lyon-ji",
    name: "Tribunal judiciaire de Lyon, juge d'instruction (pôle cybercriminalité)",
    country: "FR",
    kind: "judge",
    contact: "Cabinet de Mme Élise Marchetti-Roux, juge d'instruction, cabinet.ji4@tj-lyon.example",
  },
  {
    // Same id and name as tests/helpers/sample-request.ts, so a demo store and test fixtures agree.
    id: "nl-om-rotterdam",
    name: "Openbaar Ministerie, Arrondissementsparket Rotterdam",
    country: "NL",
    kind: "prosecutor",
    contact: "mr. J.P. van Dorsselaer, officier van justitie, team cybercrime, ovj.cyber@om-rotterdam.example",
  },
  {
    id: "gb-gmp",
    name: "Greater Manchester Police, Serious Crime Division",
    country: "GB",
    kind: "police",
    contact: "Communications Data Investigations Unit (SPoC desk, 24/7), cdiu@gmp-police.example",
  },
  {
    id: "us-doj-oia",
    name: "U.S. Department of Justice, Criminal Division, Office of International Affairs",
    country: "US",
    kind: "prosecutor",
    contact: "Data Access Agreement Unit, daa-unit@oia-usdoj.example",
  },
  {
    id: "pl-po-lodz",
    name: "Prokuratura Okręgowa w Łodzi",
    country: "PL",
    kind: "prosecutor",
    contact: "Wydział II do spraw Przestępczości Gospodarczej, prok. Bożena Wąsowicz-Kręgiel, sekretariat.w2@po-lodz.example",
  },
];

/** Each authority's local time zone: demo times carry the offset its office would write. */
export const DEMO_TIME_ZONES: Readonly<Record<DemoAuthorityId, string>> = {
  "de-ag-muenchen": "Europe/Berlin",
  "fr-tj-lyon-ji": "Europe/Paris",
  "nl-om-rotterdam": "Europe/Amsterdam",
  "gb-gmp": "Europe/London",
  "us-doj-oia": "America/New_York",
  "pl-po-lodz": "Europe/Warsaw",
};

/** A fresh copy, so a document never aliases the shared list. */
export function demoAuthority(id: DemoAuthorityId): DemoAuthority {
  const found = DEMO_AUTHORITIES.find((authority) => authority.id === id);
  if (!found) throw new Error(`unknown demo authority ${id}`);
  return { ...found };
}
