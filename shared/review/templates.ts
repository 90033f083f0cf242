// One checklist template per instrument, versioned <instrument>@2026.1. A template holds the
// items that can apply to its instrument, grouped as the three checklists; which of them apply
// to a given request is applicability.ts's business.
import { CHECKLIST_AREAS, CHECKLIST_AREA_TITLES, type ChecklistArea } from "../vocabulary/checklist-areas.js";
import { CHECKLIST_ITEMS, type ChecklistItem } from "./items.js";
import { INSTRUMENTS, type Instrument } from "./request-vocabulary.js";

export const TEMPLATE_VERSION = "2026.1";

export interface TemplateSection {
  readonly area: ChecklistArea;
  readonly title: string;
  readonly items: readonly ChecklistItem[];
}

export interface ChecklistTemplate {
  /** `<instrument>@<version>`, e.g. eu-production-order@2026.1; stored with every answer set. */
  readonly id: string;
  readonly instrument: Instrument;
  readonly version: string;
  readonly sections: readonly TemplateSection[];
}

/** True when some condition of the item allows this instrument (or names none). */
const canApplyTo = (item: ChecklistItem, instrument: Instrument): boolean =>
  item.appliesWhen.length === 0 || item.appliesWhen.some((condition) => condition.instruments === undefined || condition.instruments.includes(instrument));

function buildTemplate(instrument: Instrument): ChecklistTemplate {
  return {
    id: `${instrument}@${TEMPLATE_VERSION}`,
    instrument,
    version: TEMPLATE_VERSION,
    sections: CHECKLIST_AREAS.map((area) => ({
      area,
      title: CHECKLIST_AREA_TITLES[area],
      items: CHECKLIST_ITEMS.filter((item) => item.area === area && canApplyTo(item, instrument)),
    })),
  };
}

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = INSTRUMENTS.map(buildTemplate);

export function templateFor(instrument: Instrument): ChecklistTemplate {
  const template = CHECKLIST_TEMPLATES.find((candidate) => candidate.instrument === instrument);
  if (template === undefined) throw new Error(`no checklist template for instrument "${String(instrument)}"`);
  return template;
}

export function templateById(id: string): ChecklistTemplate {
  const template = CHECKLIST_TEMPLATES.find((candidate) => candidate.id === id);
  if (template === undefined) throw new Error(`unknown checklist template "${id}"; templates are ${CHECKLIST_TEMPLATES.map((t) => t.id).join(", ")}`);
  return template;
}
