// The office's review settings, beside the reviewer's others in the settings table: the time
// zone a reassess date ends in, and the bounds the rules hold requests to (N4 targets, M3 days).
// Not yet on the API's settings screen; set here (and so in tests) with an audit row.
import { DEFAULT_MAX_PERIOD_DAYS, DEFAULT_MAX_TARGETS } from "../../../shared/review/rules/index.js";
import { assertTimeZone } from "../../../shared/review/zoned-time.js";
import type { Session } from "../session/session.js";
import { ReviewSettingsError } from "../review/review-errors.js";

export interface ReviewSettings {
  /** IANA name; by default the time zone of the machine the reviewer works on. */
  timeZone: string;
  maxTargets: number;
  maxPeriodDays: number;
}

const machineTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const wholeAtLeastOne = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 1;

export function getReviewSettings(session: Session): ReviewSettings {
  const stored = session.store.settings.all();
  const timeZone = stored["timeZone"];
  return {
    timeZone: typeof timeZone === "string" ? timeZone : machineTimeZone(),
    maxTargets: wholeAtLeastOne(stored["maxTargets"]) ? stored["maxTargets"] : DEFAULT_MAX_TARGETS,
    maxPeriodDays: wholeAtLeastOne(stored["maxPeriodDays"]) ? stored["maxPeriodDays"] : DEFAULT_MAX_PERIOD_DAYS,
  };
}

/** Checks every value before anything is stored: one bad value changes nothing. */
export function updateReviewSettings(session: Session, changes: Partial<ReviewSettings>): ReviewSettings {
  if (changes.timeZone !== undefined) {
    try {
      assertTimeZone(changes.timeZone);
    } catch (error) {
      throw new ReviewSettingsError((error as Error).message);
    }
  }
  for (const name of ["maxTargets", "maxPeriodDays"] as const) {
    const value = changes[name];
    if (value !== undefined && !wholeAtLeastOne(value)) throw new ReviewSettingsError(`${name} must be a whole number of at least 1; got ${value}`);
  }
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  if (Object.keys(defined).length > 0) session.store.settings.update(session.actor, defined);
  return getReviewSettings(session);
}
