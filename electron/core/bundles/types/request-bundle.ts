// Bundle-Type `request` (sealed-bundle-v1): trusted only from a key of the issuing authority it
// claims; stored as a new revision of its case, with its sealed original kept as evidence.
import type { BundleHandler, StoredBundle } from "../bundle-handlers.js";
import { openRequestBundle, type OpenedBundle } from "../open-bundle.js";
import { BundleRefusal } from "../refusal.js";
import type { Session } from "../../session/session.js";
import { DuplicateBundleError, EvidenceDamagedError, RevisionConflictError, type EvidenceWriter } from "../../store/index.js";

export const requestBundle: BundleHandler = {
  import(context, opened, writer) {
    const bundle = openRequestBundle(opened, context);
    const status = storeRequest(context.session, bundle, writer);
    return { status, ...identifierOf(bundle) };
  },
};

function storeRequest(session: Session, bundle: OpenedBundle, writer: EvidenceWriter): "imported" | "duplicate" {
  const { authorityId, documentId, revision } = bundle.bag.info.externalIdentifier;
  const { document } = bundle;
  try {
    const evidence = keptEvidence(writer, bundle);
    session.store.requests.insertRequestRevision(session.actor, {
      authorityId,
      documentId,
      revision,
      instrument: document.instrument,
      urgencyLevel: document.urgency.level,
      ...(document.urgency.respondBy !== undefined && { respondBy: new Date(document.urgency.respondBy) }),
      submittedAt: new Date(document.submittedAt),
      document: bundle.documentText,
      bundleDigest: bundle.bag.bundleDigest,
      sealedSha256: bundle.sealedSha256,
      signerKeyId: bundle.signer.key.keyId,
      signerTrustedComment: bundle.signer.trustedComment,
      sourceOrganization: bundle.bag.info.sourceOrganization,
      baggingDate: bundle.bag.info.baggingDate,
      evidence,
      attachments: bundle.attachments,
    });
    return "imported";
  } catch (error) {
    if (error instanceof DuplicateBundleError) return "duplicate";
    if (error instanceof RevisionConflictError) {
      throw new BundleRefusal(
        "bundle-conflict",
        `${authorityId}/${documentId} revision ${revision} is already stored from another bundle (digest ${error.storedBundleDigest}); ` +
          "a changed request must come as a new revision",
      );
    }
    throw error;
  }
}

/** Finishes keeping the sealed file; one that cannot be rebuilt byte for byte is refused, not half kept. */
function keptEvidence(writer: EvidenceWriter, bundle: OpenedBundle) {
  try {
    return writer.finish({ sha256: bundle.sealedSha256, ...bundle.sealed });
  } catch (error) {
    if (error instanceof EvidenceDamagedError) throw new BundleRefusal("age-invalid", error.message);
    throw error;
  }
}

const identifierOf = (bundle: OpenedBundle): StoredBundle => ({
  authority: bundle.bag.info.externalIdentifier.authorityId,
  id: bundle.bag.info.externalIdentifier.documentId,
  revision: bundle.bag.info.externalIdentifier.revision,
});
