// The 42 checklist items (review-checklists.md, "Checklist items"), as data. Each carries its
// sources so a reviewer can see why it is asked, whether a not-met answer blocks a favourable
// decision, and when it applies (shared/review/applicability.ts reads appliesWhen).
import type { ChecklistItem } from "./item-types.js";
import { LEGALITY_ITEMS } from "./items-legality.js";
import { MINIMIZATION_ITEMS } from "./items-minimization.js";
import { NECESSITY_ITEMS } from "./items-necessity.js";

export type { ApplicabilityCondition, ChecklistItem, ItemSource } from "./item-types.js";

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [...LEGALITY_ITEMS, ...NECESSITY_ITEMS, ...MINIMIZATION_ITEMS];

const byId = new Map(CHECKLIST_ITEMS.map((item) => [item.id, item]));

export function checklistItem(id: string): ChecklistItem {
  const item = byId.get(id);
  if (item === undefined) throw new Error(`unknown checklist item "${id}"; items are L1–L16, N1–N12 and M1–M14`);
  return item;
}
