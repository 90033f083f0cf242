// Bundle-Type `countersignature`, imported by the store whose decision it answers: trusted only
// from a keyring entry of kind `reviewer`; the countersignature (data/countersignature.json,
// exactly its signed bytes, with its signature beside it) verified against that same key; it
// must name one of this store's decisions by id and by the digest of exactly its signed bytes,
// be by a reviewer other than the decision's own, and come while the decision still awaits a
// countersignature. Storing it is one transaction with its audit row, which records the status
// the decision has from then on (final, or countersignature-declined).
import { SIGNATURE_FILE } from "../bundles/bag-check.js";
import type { BundleHandler } from "../bundles/bundle-handlers.js";
import { checkIdentifierNames, checkPayload, documentIdOf, readBundleDocument } from "../bundles/bundle-document.js";
import { refuse } from "../bundles/refusal.js";
import { formatKeyId } from "../crypto/minisign.js";
import { decideKindTrust } from "../keyring/signer-trust.js";
import { attachmentPath, bundledSignedDocument, payloadBytes } from "./bundled-document.js";
import { decisionStatus } from "./decision-status.js";
import { signedDecisionOf, storedCountersignaturesOf } from "./decision-views.js";
import { copyFileNames } from "./export-copy.js";

export const countersignatureBundle: BundleHandler = {
  import({ session, limits, now }, opened, writer) {
    const { key } = opened.signer;
    const keyIdText = formatKeyId(key.keyId);
    const trust = decideKindTrust(key, keyIdText, "reviewer", "countersignature", now);
    if (!trust.trusted) refuse(trust.code, `${SIGNATURE_FILE}: ${trust.reason}`);

    const { bytes, value } = readBundleDocument(opened, limits);
    const id = documentIdOf(value, opened);
    checkIdentifierNames(opened, id);
    const names = copyFileNames(id);
    checkPayload(opened, [attachmentPath(names.signature)]);
    const countersignature = bundledSignedDocument("countersignature", id, opened, {
      path: opened.bag.documentPath,
      bytes,
      signatureText: payloadBytes(opened, writer, attachmentPath(names.signature), limits),
    }, limits);
    const { decision: named } = countersignature.document;
    const where = opened.bag.documentPath;

    const answer = { status: "imported" as const, authority: key.authorityId, id, revision: 1 };
    const stored = session.store.countersign.getCountersignature(id);
    if (stored !== undefined) {
      if (stored.sha256 === countersignature.digest) return { ...answer, status: "duplicate" };
      refuse("bundle-conflict", `countersignature ${id} is already stored with other bytes (sha256:${stored.sha256})`);
    }
    const decisionRow = session.store.decisions.getDecision(named.id);
    if (decisionRow === undefined) refuse("document-invalid", `${where}: $.decision.id: this store holds no decision ${named.id}`);
    const decision = signedDecisionOf(decisionRow);
    if (named.digest !== decision.digest) {
      refuse("document-invalid", `${where}: $.decision.digest is sha256:${named.digest}, but decision ${named.id} has sha256:${decision.digest}: it countersigns another text`);
    }
    if (decision.document.reviewer.keyId === countersignature.document.reviewer.keyId) {
      refuse("signer-mismatch", `${where}: $.reviewer.keyId ${keyIdText} is the decision's own reviewer; a reviewer cannot countersign their own decision`);
    }
    const before = storedCountersignaturesOf(session, named.id).map((each) => each.document);
    const status = decisionStatus(decision.document, decision.digest, before);
    if (!decision.document.countersignaturesRequired) refuse("document-invalid", `${where}: decision ${named.id} needs no countersignature`);
    if (status === "final") refuse("bundle-conflict", `decision ${named.id} is already final: it was countersigned before`);
    const after = decisionStatus(decision.document, decision.digest, [...before, countersignature.document]);
    session.store.countersign.recordCountersignature(session.actor, {
      id,
      decisionId: named.id,
      verdict: countersignature.document.verdict,
      bytes: countersignature.bytes,
      signature: countersignature.signature,
      sha256: countersignature.digest,
      signerKeyId: key.keyId,
      bundleDigest: opened.bag.bundleDigest,
      status: after,
    });
    writer.discard();
    return answer;
  },
};
