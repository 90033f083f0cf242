// The three checklists every template groups its items into (review-checklists.md). A public
// contract: item ids and stored answers refer to these names.
export const CHECKLIST_AREAS = ["legality", "necessity", "minimization"] as const;
export type ChecklistArea = (typeof CHECKLIST_AREAS)[number];

export const CHECKLIST_AREA_TITLES: Readonly<Record<ChecklistArea, string>> = {
  legality: "Legality",
  necessity: "Necessity and proportionality",
  minimization: "Minimisation and safeguards",
};
