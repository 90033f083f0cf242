// The office's four-eyes rule: which decisions need a second reviewer's countersignature before
// they are final. A decision needs one when its outcome is listed, or when it authorises (with or
// without modifications) access to a listed data category. Default: any authorisation that
// grants `content` or `location`.
import { DATA_CATEGORIES, isDataCategory, type DataCategory } from "../../../shared/vocabulary/data-categories.js";
import { DECISION_OUTCOMES, isDecisionOutcome, type DecisionOutcome } from "../../../shared/vocabulary/decision-outcomes.js";
import { DecisionInvalidError } from "../decisions/decision-errors.js";
import type { Session } from "../session/session.js";

export interface CountersignSettings {
  /** Outcomes that always need a countersignature. */
  outcomes: DecisionOutcome[];
  /** Categories whose authorisation needs one. */
  categories: DataCategory[];
}

const DEFAULTS: CountersignSettings = { outcomes: [], categories: ["content", "location"] };
export const DEFAULT_COUNTERSIGN_SETTINGS: Readonly<CountersignSettings> = Object.freeze(DEFAULTS);

const AUTHORISATIONS: readonly DecisionOutcome[] = ["authorised", "authorised-with-modifications"];

function storedList<T extends string>(value: unknown, isMember: (text: string) => text is T): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const members = value.filter((each): each is T => typeof each === "string" && isMember(each));
  return members.length === value.length ? members : undefined;
}

export function getCountersignSettings(session: Session): CountersignSettings {
  const stored = session.store.settings.all();
  return {
    outcomes: storedList(stored["countersignOutcomes"], isDecisionOutcome) ?? [...DEFAULT_COUNTERSIGN_SETTINGS.outcomes],
    categories: storedList(stored["countersignCategories"], isDataCategory) ?? [...DEFAULT_COUNTERSIGN_SETTINGS.categories],
  };
}

/** Sets either list; a new rule applies to decisions signed from now on. */
export function updateCountersignSettings(session: Session, changes: { outcomes?: readonly string[]; categories?: readonly string[] }): CountersignSettings {
  const update: { countersignOutcomes?: DecisionOutcome[]; countersignCategories?: DataCategory[] } = {};
  if (changes.outcomes !== undefined) {
    const unknown = changes.outcomes.filter((outcome) => !isDecisionOutcome(outcome));
    if (unknown.length > 0) throw new DecisionInvalidError(`countersign outcomes: ${unknown.join(", ")} ${unknown.length > 1 ? "are not outcomes" : "is not an outcome"}; use ${DECISION_OUTCOMES.join(", ")}`);
    update.countersignOutcomes = [...new Set(changes.outcomes.filter(isDecisionOutcome))];
  }
  if (changes.categories !== undefined) {
    const unknown = changes.categories.filter((category) => !isDataCategory(category));
    if (unknown.length > 0) throw new DecisionInvalidError(`countersign categories: ${unknown.join(", ")} ${unknown.length > 1 ? "are not data categories" : "is not a data category"}; use ${DATA_CATEGORIES.join(", ")}`);
    update.countersignCategories = [...new Set(changes.categories.filter(isDataCategory))];
  }
  if (Object.keys(update).length > 0) session.store.settings.update(session.actor, update);
  return getCountersignSettings(session);
}

/** Whether the rule asks a countersignature of a decision with this outcome granting these categories. */
export function needsCountersignature(settings: CountersignSettings, outcome: DecisionOutcome, grantedCategories: readonly DataCategory[]): boolean {
  if (settings.outcomes.includes(outcome)) return true;
  return AUTHORISATIONS.includes(outcome) && grantedCategories.some((category) => settings.categories.includes(category));
}
