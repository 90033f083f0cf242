// What happened after an authorisation (issue 12, "Execution record"): the provider complied, in
// full or in part (with when the data were produced), did not (with the ground it gave), or the
// enforcing State objected. A public contract: stored, counted in the statistics and carried by
// the `execution-report` bundle's document.
import { isOneOf } from "./is-one-of.js";

export const EXECUTION_OUTCOMES = ["complied", "complied-in-part", "not-complied", "enforcing-state-objected"] as const;
export type ExecutionOutcome = (typeof EXECUTION_OUTCOMES)[number];
export const isExecutionOutcome = isOneOf(EXECUTION_OUTCOMES);

/** The outcomes that say data were produced, and so carry a production time. */
export const PRODUCING_OUTCOMES: readonly ExecutionOutcome[] = ["complied", "complied-in-part"];

/** The ground a provider gives for not complying (Europol SIRIUS's reasons requests fail, in short). */
export const NON_COMPLIANCE_GROUNDS = ["no-data", "wrong-identifier", "overbroad", "conflict-of-laws", "other"] as const;
export type NonComplianceGround = (typeof NON_COMPLIANCE_GROUNDS)[number];
export const isNonComplianceGround = isOneOf(NON_COMPLIANCE_GROUNDS);

/** Where a record came from: entered by hand, or an imported, issuer-signed execution-report bundle. */
export const EXECUTION_SOURCES = ["hand", "bundle"] as const;
export type ExecutionSource = (typeof EXECUTION_SOURCES)[number];
