// What a grievance and the office's response to it say (docs/decisions.md). A public contract:
// signed into grievance responses and counted by statistics, so the spellings never change.
import { isOneOf } from "./is-one-of.js";

/** Who complains: the person the data are about, the provider asked for them, a civil-society body, anyone else. */
export const COMPLAINANT_KINDS = ["data-subject", "provider", "civil-society", "other"] as const;
export type ComplainantKind = (typeof COMPLAINANT_KINDS)[number];
export const isComplainantKind = isOneOf(COMPLAINANT_KINDS);

/** What the complaint is about: a stored request, a signed decision, or something the complainant cannot name. */
export const GRIEVANCE_CONCERN_KINDS = ["request", "decision", "unknown"] as const;
export type GrievanceConcernKind = (typeof GRIEVANCE_CONCERN_KINDS)[number];
export const isGrievanceConcernKind = isOneOf(GRIEVANCE_CONCERN_KINDS);

export const GRIEVANCE_GROUNDS = ["unlawful-access", "excessive-scope", "not-notified", "non-disclosure-too-long", "retention", "other"] as const;
export type GrievanceGround = (typeof GRIEVANCE_GROUNDS)[number];
export const isGrievanceGround = isOneOf(GRIEVANCE_GROUNDS);

/** What a response can order: delete the data, tell the person, reassess the decision, refer for compensation. */
export const GRIEVANCE_REMEDIES = ["deletion", "notification", "reassessment", "compensation-referral"] as const;
export type GrievanceRemedy = (typeof GRIEVANCE_REMEDIES)[number];
export const isGrievanceRemedy = isOneOf(GRIEVANCE_REMEDIES);
