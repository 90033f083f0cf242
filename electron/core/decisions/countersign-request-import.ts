// Bundle-Type `countersignature-request`, imported by the colleague's Counterseal: trusted only
// from a keyring entry of kind `reviewer` (signer-mismatch for an authority's or committee's key),
// its decision verified against that same key, and kept read-only in countersign_requests: it
// is no request of this office's, so it never enters the inbox, a review or a decision. Listed
// by `counterseal countersign list`, answered by `countersign sign | decline`.
import { countersignatureRequestDocumentSchema } from "../../../shared/formats/countersignature-request.js";
import { describeZodIssue } from "../../../shared/formats/request.js";
import { SIGNATURE_FILE } from "../bundles/bag-check.js";
import type { BundleHandler } from "../bundles/bundle-handlers.js";
import { checkIdentifierNames, checkPayload, issuesText, readBundleDocument } from "../bundles/bundle-document.js";
import { refuse } from "../bundles/refusal.js";
import { formatKeyId } from "../crypto/minisign.js";
import { decideKindTrust } from "../keyring/signer-trust.js";
import { attachmentPath, bundledSignedDocument, payloadBytes } from "./bundled-document.js";
import { copyFileNames } from "./export-copy.js";

export const countersignatureRequestBundle: BundleHandler = {
  import({ session, limits, now }, opened, writer) {
    const { key } = opened.signer;
    const keyIdText = formatKeyId(key.keyId);
    const trust = decideKindTrust(key, keyIdText, "reviewer", "countersignature-request", now);
    if (!trust.trusted) refuse(trust.code, `${SIGNATURE_FILE}: ${trust.reason}`);

    const { value, text } = readBundleDocument(opened, limits);
    const parsed = countersignatureRequestDocumentSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) refuse("document-invalid", `${opened.bag.documentPath}: ${issuesText(parsed.error.issues.map(describeZodIssue))}`);
    const document = parsed.data;
    const decisionId = document.decision.id;
    checkIdentifierNames(opened, decisionId);
    const names = copyFileNames(decisionId);
    checkPayload(opened, [attachmentPath(names.json), attachmentPath(names.signature)]);
    if (document.requestedBy.keyId !== keyIdText) {
      refuse("document-invalid", `${opened.bag.documentPath}: $.requestedBy.keyId names key ${document.requestedBy.keyId}, but the bundle is signed by key ${keyIdText}`);
    }
    const path = attachmentPath(names.json);
    const decision = bundledSignedDocument("decision", decisionId, opened, {
      path,
      bytes: payloadBytes(opened, writer, path, limits),
      signatureText: payloadBytes(opened, writer, attachmentPath(names.signature), limits),
    }, limits);
    if (decision.digest !== document.decision.digest) {
      refuse("document-invalid", `${opened.bag.documentPath}: $.decision.digest is sha256:${document.decision.digest}, but ${path} has sha256:${decision.digest}`);
    }
    if (!decision.document.countersignaturesRequired) refuse("document-invalid", `${path}: $.countersignaturesRequired is false: the decision needs no countersignature`);
    const own = session.store.reviewer.getReviewer();
    if (own !== undefined && formatKeyId(own.keyId) === keyIdText) refuse("signer-mismatch", `${SIGNATURE_FILE}: the bundle is signed by this store's own reviewer key; a reviewer cannot countersign their own decision`);

    const answer = { status: "imported" as const, authority: key.authorityId, id: decisionId, revision: 1 };
    const stored = session.store.countersign.getRequest(decisionId);
    if (stored !== undefined) {
      if (stored.bundleDigest === opened.bag.bundleDigest) return { ...answer, status: "duplicate" };
      refuse("bundle-conflict", `a countersignature request for decision ${decisionId} is already stored from another bundle (digest ${stored.bundleDigest})`);
    }
    session.store.countersign.recordRequest(session.actor, {
      decisionId,
      fromKeyId: key.keyId,
      documentJson: text,
      decisionBytes: decision.bytes,
      decisionSignature: decision.signature,
      decisionSha256: decision.digest,
      bundleDigest: opened.bag.bundleDigest,
    });
    // What it brings is stored as its documents; the sealed original is not kept.
    writer.discard();
    return answer;
  },
};
