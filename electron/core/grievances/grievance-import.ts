// Bundle-Type `grievance`: a complaint sealed by someone the office exchanges bundles with (a
// provider, a civil-society body, a committee, a colleague), registered exactly as one entered
// from a letter (grievance-register.ts: deadline, link to the case both ways) with source
// `bundle`, the signing key and the bundle's digest recorded.
//
// Who may sign one: any keyring entry, of any kind, whose key is usable at import time (not
// revoked, inside its window) and whose entry id is External-Identifier's first part
// (`<sender's keyring id>/<grievance id>/1`): signer-unknown, signer-revoked, signer-mismatch
// otherwise. The sender is also where a sealed response goes (replyTo).
import { GRIEVANCE_SCHEMA } from "../../../shared/formats/grievance.js";
import { SIGNATURE_FILE } from "../bundles/bag-check.js";
import type { BundleHandler } from "../bundles/bundle-handlers.js";
import { checkIdentifierNames, checkPayload, readBundleDocument } from "../bundles/bundle-document.js";
import { refuse } from "../bundles/refusal.js";
import { formatKeyId } from "../crypto/minisign.js";
import { decideKeyUsable } from "../keyring/signer-trust.js";
import { GrievanceInvalidError } from "./grievance-errors.js";
import { registerGrievance } from "./grievance-register.js";

export const grievanceBundle: BundleHandler = {
  import({ session, limits, now }, opened, writer) {
    const { key } = opened.signer;
    const keyIdText = formatKeyId(key.keyId);
    const usable = decideKeyUsable(key, keyIdText, now);
    if (!usable.trusted) refuse(usable.code, `${SIGNATURE_FILE}: ${usable.reason}`);
    const sender = opened.bag.info.externalIdentifier.authorityId;
    if (key.authorityId !== sender) {
      refuse("signer-mismatch", `${SIGNATURE_FILE}: key ${keyIdText} belongs to ${key.kind} "${key.authorityId}", but the bundle claims to come from "${sender}"`);
    }
    const document = readBundleDocument(opened, limits);
    const fields = document.value;
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) refuse("document-invalid", `${opened.bag.documentPath}: $: expected an object`);
    const record = fields as Record<string, unknown>;
    if (record["schema"] !== GRIEVANCE_SCHEMA) refuse("document-invalid", `${opened.bag.documentPath}: $.schema: expected "${GRIEVANCE_SCHEMA}"`);
    const id = typeof record["id"] === "string" ? record["id"] : "";
    checkIdentifierNames(opened, id);
    checkPayload(opened, []);
    const answer = { status: "imported" as const, authority: key.authorityId, id, revision: 1 };

    const stored = session.store.grievances.getGrievance(id);
    if (stored !== undefined) {
      if (stored.bundleDigest === opened.bag.bundleDigest) return { ...answer, status: "duplicate" };
      refuse("bundle-conflict", `the register already holds a grievance ${id}${stored.bundleDigest === null ? " (entered from a letter)" : ` from another bundle (digest ${stored.bundleDigest})`}`);
    }
    try {
      registerGrievance(session, record, { source: "bundle", replyTo: key.authorityId, signer: { keyId: key.keyId, bundleDigest: opened.bag.bundleDigest } });
    } catch (error) {
      if (error instanceof GrievanceInvalidError) refuse("document-invalid", `${opened.bag.documentPath}: ${error.message}`);
      throw error;
    }
    // The grievance is its document; the sealed original is not kept (docs/sealed-bundle-v1.md, Extensions).
    writer.discard();
    return answer;
  },
};
