// Legality rules (L1–L16) the app can check from the request document alone.
import { isThresholdOffenceCategory } from "../../vocabulary/offence-categories.js";
import { HOUR_MS, instant } from "../instants.js";
import { asksTrafficOrContent, competenceFor, competentValidator, isEuOrder, issuerCompetent } from "../eu-authorities.js";
import { finding, warning, type Rule } from "./types.js";

/** Reg. 2023/1543 applies from this date (Art 34(2)). */
export const EU_ORDERS_APPLY_FROM = "2026-08-18";
const THRESHOLD_MONTHS = 36;
const VALIDATION_WINDOW_MS = 48 * HOUR_MS;

const hasText = (value: string | undefined): boolean => value !== undefined && /\S/.test(value);
const hours = (ms: number): string => `${Math.round(ms / HOUR_MS)} h`;

export const LEGALITY_RULES: readonly Rule[] = [
  {
    id: "L1-eu-order-before-application",
    itemId: "L1",
    source: "Reg. 2023/1543 Art 34(2)",
    when: "An eu-production-order or eu-preservation-order submitted (by its own local date) before 18 August 2026.",
    // The date issued is the issuer's local date, so the date part of submittedAt as written.
    check: (request) =>
      isEuOrder(request) && request.submittedAt.slice(0, 10) < EU_ORDERS_APPLY_FROM
        ? finding(`The order was issued on ${request.submittedAt.slice(0, 10)}, before Regulation 2023/1543 applies (18 August 2026).`)
        : undefined,
  },
  {
    id: "L2-subscriber-data-only",
    itemId: "L2",
    source: "Second Additional Protocol to the Budapest Convention, Art 6 and 7",
    when: "A coe-subscriber-disclosure or coe-domain-registration request asking for any category but subscriber.",
    check: (request) => {
      if (request.instrument !== "coe-subscriber-disclosure" && request.instrument !== "coe-domain-registration") return undefined;
      const beyond = request.dataCategories.filter((category) => category !== "subscriber");
      return beyond.length > 0 ? finding(`A ${request.instrument} request reaches subscriber or registration data only; it also asks for ${beyond.join(", ")}.`) : undefined;
    },
  },
  {
    id: "L3-issuer-competence",
    itemId: "L3",
    source: "Reg. 2023/1543 Art 4(1)–(3)",
    when: "A non-emergency EU order whose issuer is not of a kind Art 4 allows for its data (a court or judge for traffic or content; a court, judge or prosecutor otherwise) and that no authority of such a kind validated.",
    check: (request) => {
      if (!isEuOrder(request) || request.urgency.level === "emergency" || issuerCompetent(request) || competentValidator(request)) return undefined;
      const competence = competenceFor(request);
      const validated = request.validatingAuthority === undefined ? "no authority validated it" : `it was validated by a ${request.validatingAuthority.kind}`;
      return finding(`Issued by a ${request.issuingAuthority.kind} and ${validated}; this order needs ${competence.words} to issue or validate it (${competence.article}).`);
    },
  },
  {
    id: "L4-emergency-validation-48h",
    itemId: "L4",
    source: "Reg. 2023/1543 Art 4(5)",
    when: "An emergency EU order issued without the validation L3 needs, validated late or not yet: a warning while the 48 hours after submission run, a finding after.",
    check: (request, { nowMs }) => {
      if (!isEuOrder(request) || request.urgency.level !== "emergency" || issuerCompetent(request)) return undefined;
      const submitted = instant(request.submittedAt);
      const deadline = submitted + VALIDATION_WINDOW_MS;
      const validatedAt = competentValidator(request) ? request.validatingAuthority?.validatedAt : undefined;
      if (validatedAt !== undefined) {
        const at = instant(validatedAt);
        return at <= deadline ? undefined : finding(`The emergency order was validated ${hours(at - submitted)} after submission, later than the 48 hours allowed.`);
      }
      const needs = competenceFor(request).words;
      return nowMs < deadline
        ? warning(`The emergency order awaits validation by ${needs}; ${hours(deadline - nowMs)} of the 48 hours remain.`)
        : finding(`The emergency order was not validated by ${needs} within 48 hours of submission.`);
    },
  },
  {
    id: "L4-validation-before-issue",
    itemId: "L4",
    source: "Reg. 2023/1543 Art 4(1)(b), 4(2)(b)",
    when: "A non-emergency EU order that needs validation and whose validatedAt is after submittedAt (only emergencies may be validated afterwards).",
    check: (request) => {
      if (!isEuOrder(request) || request.urgency.level === "emergency" || issuerCompetent(request) || !competentValidator(request)) return undefined;
      const validatedAt = request.validatingAuthority?.validatedAt;
      if (validatedAt === undefined || instant(validatedAt) <= instant(request.submittedAt)) return undefined;
      return finding("The order was sent before it was validated; outside an emergency the validation must come first.");
    },
  },
  {
    id: "L6-offence-threshold",
    itemId: "L6",
    source: "Reg. 2023/1543 Art 5(4)",
    when: "An eu-production-order for traffic or content where no offence carries a maximum of at least 36 months and none has a listed category.",
    check: (request) => {
      if (request.instrument !== "eu-production-order" || !asksTrafficOrContent(request)) return undefined;
      const meets = request.offences.some((offence) => (offence.maxPenaltyMonths ?? 0) >= THRESHOLD_MONTHS || isThresholdOffenceCategory(offence.category));
      if (meets) return undefined;
      const stated = request.offences.flatMap((offence) => (offence.maxPenaltyMonths === undefined ? [] : [offence.maxPenaltyMonths]));
      const penalty = stated.length === 0 ? "no offence states its maximum penalty" : `the highest maximum penalty stated is ${Math.max(...stated)} months`;
      return finding(`Traffic or content data need an offence punishable by at least 3 years or a listed offence; ${penalty} and no offence has a listed category.`);
    },
  },
  {
    id: "L14-emergency-reason",
    itemId: "L14",
    source: "Reg. 2023/1543 Art 3(18), 10(4)",
    when: "Urgency emergency without a reason.",
    check: (request) =>
      request.urgency.level === "emergency" && !hasText(request.urgency.reason) ? finding("The request claims an emergency but gives no reason showing an imminent threat.") : undefined,
  },
  {
    id: "L14-emergency-disclosure-level",
    itemId: "L14",
    source: "Second Additional Protocol to the Budapest Convention, Art 9 and 10",
    when: "An emergency-disclosure request whose urgency is not emergency.",
    check: (request) =>
      request.instrument === "emergency-disclosure" && request.urgency.level !== "emergency"
        ? finding(`An emergency-disclosure request must state an emergency; its urgency is ${request.urgency.level}.`)
        : undefined,
  },
  {
    id: "L16-form-gaps",
    itemId: "L16",
    source: "Reg. 2023/1543 Annex I; MLA contents articles",
    when: "A request without a case file number, the issuer's contact, an offence's citation, or a validation date for its validating authority: a finding for EU orders (Annex I is mandatory), a warning otherwise.",
    check: (request) => {
      const gaps = [
        ...(hasText(request.caseReference) ? [] : ["the case file number (caseReference)"]),
        ...(hasText(request.issuingAuthority.contact) ? [] : ["the issuer's contact"]),
        ...request.offences.flatMap((offence, index) => (hasText(offence.citation) ? [] : [`the citation of offence ${index + 1}`])),
        ...(request.validatingAuthority !== undefined && request.validatingAuthority.validatedAt === undefined ? ["the date of validation"] : []),
      ];
      if (gaps.length === 0) return undefined;
      const reason = `The form lacks ${gaps.join(", ")}.`;
      return isEuOrder(request) ? finding(reason) : warning(reason);
    },
  },
];
