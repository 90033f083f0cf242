// The decision screen's preview: the PDF the verification copy of this decision would hold,
// composed from the review exactly as deciding composes it (decide.ts, draftDecision) and printed
// by the same typesetter, with nothing signed and nothing stored. The digest, the trusted comment
// and the verify command are those of the draft's canonical bytes; signing a moment later prints
// a new "decided at", and so a new digest, on the copy that is exported.
import type { DecideArgs, DecisionPreview } from "../../../shared/api/decisions.js";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/digest.js";
import type { Session } from "../session/session.js";
import { draftDecision } from "./decide.js";
import { DecisionInvalidError } from "./decision-errors.js";
import { renderDecisionPdf } from "./pdf/decision-pdf.js";
import { trustedCommentFor } from "./sign-document.js";
import { parseSignedDocument } from "./signed-kinds.js";

export async function previewDecision(session: Session, args: DecideArgs): Promise<DecisionPreview> {
  const { document, signer } = draftDecision(session, args);
  // The check signing makes: an invalid draft is refused here as deciding would refuse it.
  const parsed = parseSignedDocument("decision", document);
  if (!parsed.ok) throw new DecisionInvalidError(`the decision is not valid: ${parsed.issues.join("; ")}`);
  const bytes = canonicalJsonBytes(parsed.value);
  const digest = sha256Hex(bytes);
  const pdf = await renderDecisionPdf({
    document: parsed.value,
    verification: { id: document.id, digest, publicKeyLine: signer.publicKeyLine, keyId: signer.signer.keyId, trustedComment: trustedCommentFor("decision", document.id, digest) },
    countersignatures: [],
  });
  return { decisionId: document.id, outcome: document.outcome, reviewerKeyId: signer.signer.keyId, countersignaturesRequired: document.countersignaturesRequired, sha256: digest, pdfBase64: Buffer.from(pdf).toString("base64") };
}
