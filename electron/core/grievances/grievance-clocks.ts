// Each unanswered grievance's response deadline as one of the store's clocks (`counterseal
// clocks`, the app's deadlines): due at the end of the office's response period.
import type { GrievanceStoreClock } from "../../../shared/api/review.js";
import type { Session } from "../session/session.js";
import { deadlineState } from "./grievance-register.js";

export function openGrievanceClocks(session: Session): GrievanceStoreClock[] {
  const now = session.runtime.clock.now();
  return session.store.grievances
    .listGrievances()
    .filter((grievance) => grievance.response === null)
    .map((grievance) => ({
      grievance: grievance.id,
      kind: "grievance-response",
      due: grievance.respondBy.toISOString(),
      state: deadlineState(grievance, now),
      source: "The office's response period for grievances, from the day of receipt (counterseal grievance settings)",
      description: `The office must answer grievance ${grievance.id}, received ${grievance.received}.`,
    }));
}
