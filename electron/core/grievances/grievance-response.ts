// The office's response to a grievance: composed from the stored grievance (so it reads alone),
// signed with the reviewer's key as the decisions are (RFC 8785 bytes, prehashed minisign, a
// trusted comment naming id and digest), and stored with its audit row. Once signed it is never
// replaced.
import type { GrievanceResponseArgs, GrievanceView } from "../../../shared/api/grievances.js";
import { GRIEVANCE_RESPONSE_SCHEMA, type GrievanceResponseDocument } from "../../../shared/formats/grievance-response.js";
import { DocumentInvalidError } from "../decisions/signed-kinds.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { signDocument } from "../decisions/sign-document.js";
import type { Session } from "../session/session.js";
import { GrievanceInvalidError } from "./grievance-errors.js";
import { findGrievance, getGrievance, storedGrievanceDocument } from "./grievance-register.js";

/** The id a response gets when the reviewer names none: the grievance's, marked as its response. */
export const defaultResponseId = (grievanceId: string): string => `${grievanceId.slice(0, 125)}-R`;

export function respondToGrievance(session: Session, args: GrievanceResponseArgs): GrievanceView {
  const stored = findGrievance(session, args.id);
  const grievance = storedGrievanceDocument(stored);
  const signer = reviewerSigner(session);
  const document: GrievanceResponseDocument = {
    schema: GRIEVANCE_RESPONSE_SCHEMA,
    id: args.responseId ?? defaultResponseId(grievance.id),
    grievance: { id: grievance.id, received: grievance.received, complainant: grievance.complainant, concerns: grievance.concerns },
    outcome: args.outcome,
    remedies: args.remedies,
    reasons: args.reasons,
    reviewer: signer.signer,
    respondedAt: session.runtime.clock.now().toISOString(),
  };
  let signed;
  try {
    signed = signDocument("grievance-response", document, signer.key);
  } catch (error) {
    if (error instanceof DocumentInvalidError) throw new GrievanceInvalidError(`the response is not valid: ${error.issues.join("; ")}`);
    throw error;
  }
  session.store.grievances.recordResponse(session.actor, {
    id: document.id,
    grievanceId: grievance.id,
    bytes: signed.bytes,
    signature: signed.signature,
    sha256: signed.digest,
    outcome: document.outcome,
    remedies: document.remedies,
    respondedAt: new Date(document.respondedAt),
  });
  return getGrievance(session, grievance.id);
}
