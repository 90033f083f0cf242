// The population an audit samples from: every stored request revision, narrowed by period
// (the day it was received, UTC, both ends included), instrument, authority, urgency and the
// decision's outcome, and the
// stratum each case falls in. Purposive picks are added beside the random sample, marked as such.
import { DATA_CATEGORIES } from "../vocabulary/data-categories.js";

export interface PopulationCase {
  authority: string;
  id: string;
  revision: number;
  instrument: string;
  urgency: string;
  dataCategories: readonly string[];
  /** ISO 8601 instant the office received the revision. */
  receivedAt: string;
  /** The outcome of its current decision; null while undecided. */
  outcome: string | null;
}

export interface PopulationFilter {
  /** First day, YYYY-MM-DD (UTC), included. */
  from?: string | undefined;
  /** Last day, YYYY-MM-DD (UTC), included. */
  to?: string | undefined;
  instrument?: string | undefined;
  authority?: string | undefined;
  urgency?: string | undefined;
  /** A decision outcome (shared/vocabulary/decision-outcomes.ts): only revisions decided so. */
  outcome?: string | undefined;
}

export const STRATIFY_BY = ["instrument", "urgency", "authority", "category"] as const;
export type StratifyBy = (typeof STRATIFY_BY)[number];

export const PURPOSIVE_REASONS = ["urgent-approval", "long-running-measure", "privileged-material"] as const;
export type PurposiveReason = (typeof PURPOSIVE_REASONS)[number];

export interface PurposivePick {
  reference: string;
  reason: PurposiveReason;
  purposive: true;
  /** Whether the random draw picked the case too (it then counts in the sample's evaluation). */
  alsoInRandomSample: boolean;
}

/** `AUTHORITY/ID/REVISION`, the case reference the frame lists. */
export const referenceOf = (member: Pick<PopulationCase, "authority" | "id" | "revision">): string => `${member.authority}/${member.id}/${member.revision}`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayStart(day: string, option: string): number {
  const match = day.match(DAY);
  const start = match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== day) throw new RangeError(`${option} ${day}: give a date as YYYY-MM-DD`);
  return start;
}

const ONE_DAY_MS = 86_400_000;

/** The cases that pass every filter given, in the order given. */
export function filterPopulation<T extends PopulationCase>(cases: readonly T[], filter: PopulationFilter): T[] {
  const from = filter.from === undefined ? -Infinity : dayStart(filter.from, "from");
  const until = filter.to === undefined ? Infinity : dayStart(filter.to, "to") + ONE_DAY_MS;
  if (from >= until) throw new RangeError(`the period from ${filter.from ?? ""} to ${filter.to ?? ""} is empty: the first day must not be after the last`);
  return cases.filter((member) => {
    const received = Date.parse(member.receivedAt);
    if (received < from || received >= until) return false;
    if (filter.instrument !== undefined && member.instrument !== filter.instrument) return false;
    if (filter.authority !== undefined && member.authority !== filter.authority) return false;
    if (filter.outcome !== undefined && member.outcome !== filter.outcome) return false;
    return filter.urgency === undefined || member.urgency === filter.urgency;
  });
}

/** The stratum a case falls in: its instrument, urgency or authority, or its most intrusive data category. */
export function stratumOf(member: PopulationCase, by: StratifyBy | undefined): string {
  switch (by) {
    case undefined:
      return "all";
    case "instrument":
      return member.instrument;
    case "urgency":
      return member.urgency;
    case "authority":
      return member.authority;
    case "category":
      // DATA_CATEGORIES runs least to most intrusive (review-checklists.md, "Data categories").
      return [...DATA_CATEGORIES].reverse().find((category) => member.dataCategories.includes(category)) ?? "none";
  }
}

/** Purposive picks, each marked, in the order given; a case picked twice is refused. */
export function markPurposive(picks: readonly { reference: string; reason: PurposiveReason }[], randomSample: readonly string[]): PurposivePick[] {
  const drawn = new Set(randomSample);
  const seen = new Set<string>();
  return picks.map(({ reference, reason }) => {
    if (seen.has(reference)) throw new RangeError(`${reference} is picked purposively twice`);
    seen.add(reference);
    return { reference, reason, purposive: true, alsoInRandomSample: drawn.has(reference) };
  });
}
