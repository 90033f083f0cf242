// An execution record from the issuer: the handler the import pipeline calls for a verified
// bundle of Bundle-Type `execution-report` (docs/statistics.md, "From a bundle"). The pipeline
// has opened the bundle, checked its bag and its signature and found the signer in the keyring;
// it passes the parsed data/execution-report.json, its exact bytes, and who signed. This checks
// what only the store can: that the signer is the authority whose request was authorised, and
// that the decision the issuer names (if it names one) is the current one, then records it
// through the same core function as a record by hand, with source `bundle`.
import type { ExecutionView } from "../../../shared/api/executions.js";
import { executionReportSchema, type ExecutionReportDocument } from "../../../shared/formats/execution-report.js";
import { describeZodIssue } from "../../../shared/formats/request.js";
import type { Session } from "../session/session.js";
import { ExecutionInvalidError } from "./execution-errors.js";
import { recordExecution, targetDecision } from "./execution-service.js";

export interface ExecutionReportInput {
  /** The document as parsed from data/execution-report.json (strict JSON), not yet checked against its schema. */
  document: unknown;
  /** Exactly the bytes of data/execution-report.json, kept as the record's evidence. */
  bytes: Uint8Array;
  /** SHA-256 (hex) of those bytes, as the bag's manifest lists them. */
  sha256: string;
  /** SHA-256 of the bundle's tagmanifest-sha256.txt: the bundle's identity. */
  bundleDigest: string;
  /** The keyring authority whose key signed the bundle. */
  signerAuthorityId: string;
}

/** Checks an execution-report document against its schema, naming each field at fault. */
export function parseExecutionReport(value: unknown): ExecutionReportDocument {
  const checked = executionReportSchema.safeParse(value, { reportInput: true });
  if (!checked.success) throw new ExecutionInvalidError(`the execution report is not valid: ${checked.error.issues.map(describeZodIssue).join("; ")}`);
  return checked.data;
}

export function recordExecutionFromDocument(session: Session, input: ExecutionReportInput): ExecutionView {
  const report = parseExecutionReport(input.document);
  const { request } = report;
  if (input.signerAuthorityId !== request.authority) {
    throw new ExecutionInvalidError(`the execution report is about a request of ${request.authority} but was signed by ${input.signerAuthorityId}; only the issuer reports on its own request`);
  }
  return session.store.transaction(() => {
    const target = { authority: request.authority, id: request.id, revision: request.revision };
    if (report.decision !== undefined) {
      const current = targetDecision(session, target);
      if (current.id !== report.decision.id || current.sha256 !== report.decision.sha256) {
        throw new ExecutionInvalidError(`the execution report names decision ${report.decision.id} (${report.decision.sha256}), but the current decision on ${request.authority}/${request.id}/${request.revision} is ${current.id} (${current.sha256})`);
      }
    }
    return recordExecution(
      session,
      {
        target,
        outcome: report.outcome,
        ...(report.producedAt === undefined ? {} : { producedAt: report.producedAt }),
        ...(report.ground === undefined ? {} : { ground: report.ground }),
        ...(report.note === undefined ? {} : { note: report.note }),
      },
      { source: "bundle", document: input.bytes, documentSha256: input.sha256, bundleDigest: input.bundleDigest },
    );
  });
}
