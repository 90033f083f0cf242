// The office's response period for grievances (default 30 days), beside the reviewer's other
// settings; the deadline ends at midnight in the office's time zone (the review settings').
import type { Session } from "../session/session.js";
import { GrievanceInvalidError } from "../grievances/grievance-errors.js";
import { getReviewSettings } from "./review-settings.js";

export const DEFAULT_GRIEVANCE_RESPONSE_DAYS = 30;

export interface GrievanceSettings {
  responseDays: number;
  timeZone: string;
}

export function getGrievanceSettings(session: Session): GrievanceSettings {
  const stored = session.store.settings.all()["grievanceResponseDays"];
  const responseDays = typeof stored === "number" && Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_GRIEVANCE_RESPONSE_DAYS;
  return { responseDays, timeZone: getReviewSettings(session).timeZone };
}

/** Sets the response period; a new period applies to grievances registered from now on. */
export function updateGrievanceSettings(session: Session, changes: { responseDays?: number }): GrievanceSettings {
  const days = changes.responseDays;
  if (days !== undefined) {
    if (!Number.isInteger(days) || days < 1 || days > 3660) throw new GrievanceInvalidError(`the response period must be a whole number of days from 1 to 3660; got ${days}`);
    session.store.settings.update(session.actor, { grievanceResponseDays: days });
  }
  return getGrievanceSettings(session);
}
