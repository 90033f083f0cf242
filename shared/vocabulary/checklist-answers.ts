// The answers a reviewer can give to a checklist item. A public contract: stored with each
// answer and read by reports, so the spellings never change.
import { isOneOf } from "./is-one-of.js";

export const CHECKLIST_ANSWERS = ["met", "not-met", "na", "info"] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];
export const isChecklistAnswer = isOneOf(CHECKLIST_ANSWERS);

/** What each answer means, for the reviewer's screen and the decision record. */
export const CHECKLIST_ANSWER_MEANINGS: Readonly<Record<ChecklistAnswer, string>> = {
  met: "The request meets this item.",
  "not-met": "The request does not meet this item.",
  na: "The item does not apply to this request.",
  info: "More information is needed from the issuer before this item can be answered.",
};
