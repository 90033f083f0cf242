// How far a request reaches, set against how serious the offence is: data categories ×
// identifiers × days of the period, and the highest maximum penalty among its offences.
import { DAY_MS, instant } from "./instants.js";
import { DATA_CATEGORIES, type DataCategory, type RequestDocument } from "./request-vocabulary.js";

export interface IntrusionSummary {
  readonly categories: readonly DataCategory[];
  /** The most intrusive category asked for (review-checklists.md, "Data categories"). */
  readonly mostIntrusive: DataCategory;
  readonly identifiers: number;
  /** Whole days the period spans (at least 1); undefined when no period is given. */
  readonly periodDays: number | undefined;
  /** categories × identifiers × days; undefined when no period bounds it. */
  readonly reach: number | undefined;
  readonly maxPenaltyMonths: number | undefined;
  readonly summary: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function penaltyWords(months: number): string {
  if (months % 12 !== 0) return plural(months, "month");
  return `${plural(months, "month")} (${plural(months / 12, "year")})`;
}

export function intrusionSummary(request: RequestDocument): IntrusionSummary {
  // DATA_CATEGORIES runs least to most intrusive, so the last one asked for is the most intrusive.
  const categories = DATA_CATEGORIES.filter((category) => request.dataCategories.includes(category));
  const mostIntrusive = categories[categories.length - 1];
  if (mostIntrusive === undefined) throw new Error("the request asks for no data category");
  const identifiers = request.targets.length;
  // Rounded, so a period across a daylight-saving change (61 days and an hour) counts as 61.
  const periodDays = request.period === undefined ? undefined : Math.max(1, Math.round((instant(request.period.to) - instant(request.period.from)) / DAY_MS));
  const reach = periodDays === undefined ? undefined : categories.length * identifiers * periodDays;
  const penalties = request.offences.flatMap((offence) => (offence.maxPenaltyMonths === undefined ? [] : [offence.maxPenaltyMonths]));
  const maxPenaltyMonths = penalties.length === 0 ? undefined : Math.max(...penalties);

  const what = `${categories.length === 1 ? "1 data category" : `${categories.length} data categories`} (${categories.join(", ")}; most intrusive: ${mostIntrusive}) on ${plural(identifiers, "identifier")}`;
  const when = periodDays === undefined || reach === undefined ? "with no period stated, so its reach in time is unbounded" : `over ${plural(periodDays, "day")}: a reach of ${reach} category-identifier-days`;
  const against = maxPenaltyMonths === undefined ? "for offences that state no maximum penalty" : `for offences punishable by up to ${penaltyWords(maxPenaltyMonths)}`;
  return { categories, mostIntrusive, identifiers, periodDays, reach, maxPenaltyMonths, summary: `Asks for ${what} ${when}, ${against}.`};
}
