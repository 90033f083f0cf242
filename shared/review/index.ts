// The review core's public surface: data and pure functions, no I/O, no clock of its own.
export { applicableItems, itemApplicability, type ItemApplicability } from "./applicability.js";
export { allowedEvents, transition, type TransitionResult } from "./case-state.js";
export { clocksFor, DUE_SOON_MS, type Clock, type ClockOptions } from "./clocks.js";
export { identifierKey, normaliseIdentifier, type IdentifierHint } from "./identifiers.js";
export { intrusionSummary, type IntrusionSummary } from "./intrusion.js";
export { CHECKLIST_ITEMS, checklistItem, type ApplicabilityCondition, type ChecklistItem, type ItemSource } from "./items.js";
export { DEFAULT_MAX_PERIOD_DAYS, DEFAULT_MAX_TARGETS, RULES, runRules, type Finding, type FindingSeverity, type RuleSettings } from "./rules/index.js";
export { scopeDiff, type ScopeChange } from "./scope-diff.js";
export { grantedScopeSchema, scopeConditionSchema } from "./scope-schema.js";
export { addCondition, narrowTarget, requestedScope, setPeriod, setRetention, strikeCategory, strikeTarget, type GrantedScope, type ScopeCondition, type ScopeEdit, type TargetRef } from "./scope.js";
export { CHECKLIST_TEMPLATES, TEMPLATE_VERSION, templateById, templateFor, type ChecklistTemplate, type TemplateSection } from "./templates.js";
export { nextDeadline, openClocks } from "./next-deadline.js";
