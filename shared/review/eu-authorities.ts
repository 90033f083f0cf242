// Who may issue or validate an EU order for which data (Reg. 2023/1543 Art 4), shared by L3 and L4.
import { EU_TRAFFIC_OR_CONTENT } from "./item-conditions.js";
import type { AuthorityKind, RequestDocument } from "./request-vocabulary.js";

const JUDICIAL: readonly AuthorityKind[] = ["court", "judge"];
const JUDICIAL_OR_PROSECUTOR: readonly AuthorityKind[] = ["court", "judge", "prosecutor"];

export const isEuOrder = (request: RequestDocument): boolean => request.instrument === "eu-production-order" || request.instrument === "eu-preservation-order";

export const asksTrafficOrContent = (request: RequestDocument): boolean => request.dataCategories.some((category) => EU_TRAFFIC_OR_CONTENT.includes(category));

export interface Competence {
  /** Who may issue without validation, and who may validate. */
  readonly kinds: readonly AuthorityKind[];
  readonly article: string;
  readonly words: string;
}

/** The Art 4 rule for this order: production of traffic or content is for judges alone. */
export function competenceFor(request: RequestDocument): Competence {
  if (request.instrument === "eu-production-order" && asksTrafficOrContent(request))
    return { kinds: JUDICIAL, article: "Reg. 2023/1543 Art 4(2)", words: "a court or judge" };
  return {
    kinds: JUDICIAL_OR_PROSECUTOR,
    article: request.instrument === "eu-preservation-order" ? "Reg. 2023/1543 Art 4(3)" : "Reg. 2023/1543 Art 4(1)",
    words: "a court, judge or prosecutor",
  };
}

export const issuerCompetent = (request: RequestDocument): boolean => competenceFor(request).kinds.includes(request.issuingAuthority.kind);

/** A validating authority of a kind the order's competence rule accepts (its date aside). */
export const competentValidator = (request: RequestDocument): boolean =>
  request.validatingAuthority !== undefined && competenceFor(request).kinds.includes(request.validatingAuthority.kind);
