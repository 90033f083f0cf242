// Who made a change, as the audit log records it: the typed actor of shared/formats/audit.ts.
// Every mutating repository call takes one, so no change is recorded without it.
export { type Actor, SYSTEM_ACTOR } from "../../../../shared/formats/audit.js";
