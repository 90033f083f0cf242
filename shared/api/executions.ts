// The execution record: what happened after an authorisation. `recordExecution` is `counterseal
// execution record`; `listExecutions` is what `counterseal execution list --json` prints, one
// object per line (docs/statistics.md, "The execution record").
import { z } from "zod";
import { EXECUTION_OUTCOMES, EXECUTION_SOURCES, NON_COMPLIANCE_GROUNDS } from "../vocabulary/execution-outcomes.js";
import { isoTime, method } from "./method.js";
import { reviewClock, reviewRef } from "./review.js";

export const executionView = z.strictObject({
  id: z.string(),
  /** The authorising decision it follows. */
  decision: z.string(),
  request: z.strictObject({ authority: z.string(), id: z.string(), revision: z.number().int() }),
  outcome: z.enum(EXECUTION_OUTCOMES),
  /** When the data were produced (complied, complied-in-part); null otherwise. */
  producedAt: z.string().nullable(),
  /** The provider's ground (not-complied); null otherwise. */
  ground: z.enum(NON_COMPLIANCE_GROUNDS).nullable(),
  note: z.string().nullable(),
  source: z.enum(EXECUTION_SOURCES),
  /** For a record from an execution-report bundle: the SHA-256 of the issuer's signed document. */
  documentSha256: z.string().nullable(),
  recordedAt: z.string(),
});

/** The decision by its id, or the request revision whose current decision it is (the latest revision when none is named). */
export const executionTarget = z.union([
  z.strictObject({ decision: z.string().min(1) }),
  z.strictObject({ authority: z.string().min(1), id: z.string().min(1), revision: z.number().int().min(1).optional() }),
]);

export const recordExecutionArgs = z.strictObject({
  target: executionTarget,
  outcome: z.enum(EXECUTION_OUTCOMES),
  producedAt: isoTime.optional(),
  ground: z.enum(NON_COMPLIANCE_GROUNDS).optional(),
  note: z.string().optional(),
});

export const executionMethods = {
  /** Every record, or with `decision` only that decision's (none or one). */
  listExecutions: method(z.strictObject({ decision: z.string().min(1).optional() }), z.array(executionView)),
  recordExecution: method(recordExecutionArgs, executionView),
  /** The revision's execution-report clock while its authorisation awaits a record (as `listClocks` has it), else null. */
  getExecutionClock: method(reviewRef, reviewClock.nullable()),
} as const;

export type ExecutionView = z.output<typeof executionView>;
export type ExecutionTarget = z.output<typeof executionTarget>;
export type RecordExecutionArgs = z.output<typeof recordExecutionArgs>;
