// The request schema's vocabularies as the review core uses them: one import site, so moving
// them (shared/formats → shared/vocabulary) changes one file.
import type { AUTHORITY_KINDS, DATA_CATEGORIES, INSTRUMENTS, RequestDocument, TARGET_KINDS, TARGET_ROLES, URGENCY_LEVELS } from "../formats/request.js";

export { AUTHORITY_KINDS, DATA_CATEGORIES, INSTRUMENTS, TARGET_KINDS, TARGET_ROLES, URGENCY_LEVELS } from "../formats/request.js";
export type { RequestDocument } from "../formats/request.js";

export type Instrument = (typeof INSTRUMENTS)[number];
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];
export type TargetKind = (typeof TARGET_KINDS)[number];
export type UrgencyLevel = (typeof URGENCY_LEVELS)[number];
export type RequestTarget = RequestDocument["targets"][number];
export type RequestPeriod = NonNullable<RequestDocument["period"]>;
export type TargetRole = (typeof TARGET_ROLES)[number];
