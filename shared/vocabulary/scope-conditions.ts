// Conditions a reviewer can attach to a grant (shared/review/scope.ts). A public contract: stored
// and signed with the granted scope. The dated ones carry a calendar date (YYYY-MM-DD).
export const SCOPE_CONDITION_KINDS = ["purpose-limitation", "no-onward-transfer", "report-back-by", "reassess-by", "notify-person-by"] as const;
export type ScopeConditionKind = (typeof SCOPE_CONDITION_KINDS)[number];

export const DATED_SCOPE_CONDITION_KINDS = ["report-back-by", "reassess-by", "notify-person-by"] as const satisfies readonly ScopeConditionKind[];
