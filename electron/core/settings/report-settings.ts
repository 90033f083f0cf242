// The transparency report's small-count threshold: counts from 1 to threshold − 1 are published
// as "< threshold" (docs/statistics.md, "Suppression"). The office sets it; 5 by default.
import { DEFAULT_THRESHOLD } from "../../../shared/statistics/report.js";
import { ReportInvalidError } from "../statistics/report-errors.js";
import type { Session } from "../session/session.js";

export interface ReportSettings {
  threshold: number;
}

const MAX_THRESHOLD = 1000;

export function checkThreshold(threshold: number, what = "the threshold"): number {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > MAX_THRESHOLD) throw new ReportInvalidError(`${what} ${threshold}: give a whole number from 1 to ${MAX_THRESHOLD}`);
  return threshold;
}

export function getReportSettings(session: Session): ReportSettings {
  const stored = session.store.settings.all()["reportThreshold"];
  return { threshold: typeof stored === "number" && Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_THRESHOLD };
}

export function updateReportSettings(session: Session, changes: Partial<ReportSettings>): ReportSettings {
  if (changes.threshold !== undefined) session.store.settings.update(session.actor, { reportThreshold: checkThreshold(changes.threshold) });
  return getReportSettings(session);
}
