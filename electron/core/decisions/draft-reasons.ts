// A draft of the reasons per checklist area, built from the review: each item answered not-met
// (its question and the reviewer's note) and each finding the reviewer accepted (with their
// note). Only offered: the UI and the CLI show it, and the reviewer gives the reasons that are
// signed; a draft is never signed in their place.
import type { DraftedReasons } from "../../../shared/api/decisions.js";
import type { ReviewRef, ReviewView } from "../../../shared/api/review.js";
import { CHECKLIST_AREA_TITLES, type ChecklistArea } from "../../../shared/vocabulary/checklist-areas.js";
import { getReview } from "../review/review-service.js";
import type { Session } from "../session/session.js";

export function draftReasons(view: ReviewView): DraftedReasons {
  const draft = (area: ChecklistArea): string => {
    const items = view.items.filter((item) => item.applies && item.area === area);
    const notMet = items.filter((item) => item.answer === "not-met").map((item) => `${item.id} is not met: ${item.question}${item.note === null ? "" : ` ${item.note}`}`);
    const accepted = items.flatMap((item) => item.findings.filter((finding) => finding.status === "accepted").map((finding) => `${finding.rule}: ${finding.reason}${finding.note === null ? "" : ` ${finding.note}`}`));
    const lines = [...notMet, ...accepted];
    return lines.length > 0 ? lines.join("\n") : `${CHECKLIST_AREA_TITLES[area]}: every applicable item of this checklist is met or answered without a concern.`;
  };
  return { legality: draft("legality"), necessity: draft("necessity"), minimization: draft("minimization") };
}

export const draftReasonsFor = (session: Session, ref: ReviewRef): DraftedReasons => draftReasons(getReview(session, ref));
