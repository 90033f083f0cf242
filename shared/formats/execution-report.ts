// The execution-report document (docs/statistics.md, "The execution record"): the issuing
// authority tells the office what happened after the office authorised its request. It arrives
// as data/execution-report.json in a sealed bundle of Bundle-Type `execution-report`, signed by
// the issuer's key; electron/core/executions/execution-report-import.ts records it. Strict like
// the request document, and the rules that tie fields together are checked here, each naming
// the field at fault:
// - producedAt exactly when data were produced (complied, complied-in-part);
// - ground exactly when the provider did not comply;
// - producedAt not after reportedAt.
import { z } from "zod";
import { EXECUTION_OUTCOMES, NON_COMPLIANCE_GROUNDS, PRODUCING_OUTCOMES } from "../vocabulary/execution-outcomes.js";
import { dateTime, identifier, notBefore, sha256Hex, text } from "./document-fields.js";

export const EXECUTION_REPORT_SCHEMA = "counterseal.execution-report/1";

/** The file the document is in, inside the bag's data/. */
export const EXECUTION_REPORT_FILE = "execution-report.json";

export const executionReportSchema = z
  .strictObject({
    schema: z.literal(EXECUTION_REPORT_SCHEMA),
    /** The issuer's own id for this report. */
    id: identifier,
    /** The request revision the office decided, as the issuer named it. */
    request: z.strictObject({ authority: text, id: identifier, revision: z.number().int().min(1) }),
    /** The office's decision the issuer acted on (its id and the SHA-256 of its signed bytes), when the issuer names it. */
    decision: z.strictObject({ id: identifier, sha256: sha256Hex }).optional(),
    outcome: z.enum(EXECUTION_OUTCOMES),
    producedAt: dateTime.optional(),
    ground: z.enum(NON_COMPLIANCE_GROUNDS).optional(),
    note: text.optional(),
    reportedAt: dateTime,
  })
  .superRefine((report, ctx) => {
    const issue = (path: PropertyKey[], message: string): void => ctx.addIssue({ code: "custom", path, message });
    const producing = PRODUCING_OUTCOMES.includes(report.outcome);
    if (producing && report.producedAt === undefined) issue(["producedAt"], `an outcome of ${report.outcome} says when the data were produced`);
    if (!producing && report.producedAt !== undefined) issue(["producedAt"], `no data were produced when the outcome is ${report.outcome}`);
    if (report.outcome === "not-complied" && report.ground === undefined) issue(["ground"], `not-complied names the provider's ground: ${NON_COMPLIANCE_GROUNDS.join(", ")}`);
    if (report.outcome !== "not-complied" && report.ground !== undefined) issue(["ground"], `only not-complied has a ground, not ${report.outcome}`);
    if (report.producedAt !== undefined && !notBefore(report.reportedAt, report.producedAt)) issue(["producedAt"], "must not be after reportedAt");
  });

export type ExecutionReportDocument = z.infer<typeof executionReportSchema>;
