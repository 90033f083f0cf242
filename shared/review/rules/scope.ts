// Necessity and minimisation rules (N, M items) the app can check from the request document.
import { identifierKey } from "../identifiers.js";
import { DAY_MS, instant } from "../instants.js";
import type { DataCategory } from "../request-vocabulary.js";
import { finding, warning, type Rule } from "./types.js";

const hasText = (value: string | undefined): boolean => value !== undefined && /\S/.test(value);
const NEEDS_PERIOD: readonly DataCategory[] = ["traffic", "content", "location", "device-logs"];
const BEYOND_SUBSCRIBER: readonly DataCategory[] = ["device-logs", "traffic", "location", "content"];
const PRESERVATION_DAYS = 60;
const PRESERVATION_EXTENDED_DAYS = 90;

export const SCOPE_RULES: readonly Rule[] = [
  {
    id: "N3-executive-agreement-identifier",
    itemId: "N3",
    source: "18 U.S.C. 2523(b)(4)(D)(ii)",
    when: "An executive-agreement request with a target of kind other.",
    check: (request) => {
      if (request.instrument !== "executive-agreement") return undefined;
      const vague = request.targets.filter((target) => target.kind === "other").map((target) => `"${target.value}"`);
      return vague.length > 0 ? finding(`An executive-agreement order must name a specific identifier; ${vague.join(", ")} is of kind other.`) : undefined;
    },
  },
  {
    id: "N4-target-bound",
    itemId: "N4",
    source: "Big Brother Watch v UK (GC 2021) §§354–355; the office's bound on targets",
    when: "More targets than the office's bound (setting maxTargets, default 10).",
    check: (request, { maxTargets }) =>
      request.targets.length > maxTargets ? finding(`The request names ${request.targets.length} targets; the office's bound is ${maxTargets}.`) : undefined,
  },
  {
    id: "N7-less-intrusive-means",
    itemId: "N7",
    source: "IPA s.2(2)(a); 18 U.S.C. 2523(b)(4)(D)(vi)",
    when: "A request for more than subscriber or identification data that does not say which less intrusive means were considered.",
    check: (request) =>
      request.dataCategories.some((category) => BEYOND_SUBSCRIBER.includes(category)) && !hasText(request.lessIntrusiveMeans)
        ? warning("The request does not say which less intrusive means were considered.")
        : undefined,
  },
  {
    id: "M2-duplicate-target",
    itemId: "M2",
    source: "Big Brother Watch v UK (GC 2021) §355",
    when: "Two targets that are the same identifier once normalised (case, spacing, number and address formats).",
    check: (request) => {
      const seen = new Map<string, number>();
      for (const [index, target] of request.targets.entries()) {
        const key = identifierKey(target.kind, target.value, { country: request.issuingAuthority.country });
        const first = seen.get(key);
        if (first !== undefined) return warning(`Targets ${first + 1} and ${index + 1} are the same ${target.kind}; each identifier should be listed and justified once.`);
        seen.set(key, index);
      }
      return undefined;
    },
  },
  {
    id: "M3-period",
    itemId: "M3",
    source: "Reg. 2023/1543 Annex I; CJEU Prokuratuur C-746/18",
    when: "Traffic, content, location or device-logs without a period, or a period longer than the office's bound (setting maxPeriodDays, default 366).",
    check: (request, { maxPeriodDays }) => {
      const timed = request.dataCategories.filter((category) => NEEDS_PERIOD.includes(category));
      if (timed.length === 0) return undefined;
      if (request.period === undefined) return finding(`The request asks for ${timed.join(", ")} data without a period.`);
      const days = (instant(request.period.to) - instant(request.period.from)) / DAY_MS;
      return days > maxPeriodDays ? finding(`The period covers ${Math.ceil(days)} days; the office's bound is ${maxPeriodDays}.`) : undefined;
    },
  },
  {
    id: "M4-retention",
    itemId: "M4",
    source: "Roman Zakharov v Russia (GC 2015); Big Brother Watch v UK (GC 2021) §356",
    when: "No retentionDays.",
    check: (request) => (request.retentionDays === undefined ? finding("The request states no retention limit for the data.") : undefined),
  },
  {
    id: "M8-content-minimisation",
    itemId: "M8",
    source: "18 U.S.C. 2523(b)(2)",
    when: "Content without a minimization text.",
    check: (request) =>
      request.dataCategories.includes("content") && !hasText(request.minimization)
        ? finding("The request asks for content but says nothing of how the data of persons who are not targets will be minimised.")
        : undefined,
  },
  {
    id: "M9-non-disclosure-until",
    itemId: "M9",
    source: "Reg. 2023/1543 Art 13(2); CJEU Tele2/Watson",
    when: "Non-disclosure requested without until.",
    check: (request) =>
      request.nonDisclosure?.requested === true && request.nonDisclosure.until === undefined
        ? finding("Non-disclosure is requested without an end date, so the person would never be told.")
        : undefined,
  },
  {
    id: "M9-non-disclosure-reason",
    itemId: "M9",
    source: "Reg. 2023/1543 Art 13(2); CJEU Tele2/Watson",
    when: "Non-disclosure requested without a reason.",
    check: (request) =>
      request.nonDisclosure?.requested === true && !hasText(request.nonDisclosure.reason) ? finding("Non-disclosure is requested without a reason.") : undefined,
  },
  {
    id: "M11-preservation-sunset",
    itemId: "M11",
    source: "Reg. 2023/1543 Art 11",
    when: "An eu-preservation-order asking to keep the data longer than 90 days (a finding), or longer than 60 (a warning: it needs an extension).",
    check: (request) => {
      const days = request.retentionDays;
      if (request.instrument !== "eu-preservation-order" || days === undefined || days <= PRESERVATION_DAYS) return undefined;
      return days > PRESERVATION_EXTENDED_DAYS
        ? finding(`Preservation is asked for ${days} days; a preservation order ends after 60 days, 90 with an extension.`)
        : warning(`Preservation is asked for ${days} days; beyond 60 days it needs a recorded extension.`);
    },
  },
];
