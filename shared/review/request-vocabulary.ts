// The request schema's vocabularies and types as the review core uses them, from one import site.
export { AUTHORITY_KINDS, type AuthorityKind } from "../vocabulary/authority-kinds.js";
export { DATA_CATEGORIES, type DataCategory } from "../vocabulary/data-categories.js";
export { INSTRUMENTS, type Instrument } from "../vocabulary/instruments.js";
export { TARGET_KINDS, TARGET_ROLES, type TargetKind, type TargetRole } from "../vocabulary/targets.js";
export { URGENCY_LEVELS, type UrgencyLevel } from "../vocabulary/urgencies.js";
export type { RequestDocument } from "../formats/request.js";
import type { RequestDocument } from "../formats/request.js";

export type RequestTarget = RequestDocument["targets"][number];
export type RequestPeriod = NonNullable<RequestDocument["period"]>;
