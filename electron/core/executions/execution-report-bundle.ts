// Bundle-Type `execution-report`: the issuing authority tells the office what happened after an
// authorisation (docs/statistics.md, "From a bundle"). Only the issuer may send one: a key of an
// `authority` entry, usable at import time, whose entry id is External-Identifier's first part
// (`<authority>/<report id>/1`) and the request's authority (recordExecutionFromDocument checks
// the last). The record keeps the document's exact bytes as its evidence; the sealed original is
// not kept (docs/sealed-bundle-v1.md, Extensions).
import { EXECUTION_REPORT_FILE } from "../../../shared/formats/execution-report.js";
import { SIGNATURE_FILE } from "../bundles/bag-check.js";
import type { BundleHandler } from "../bundles/bundle-handlers.js";
import { checkIdentifierNames, checkPayload, documentIdOf, readBundleDocument } from "../bundles/bundle-document.js";
import { refuse } from "../bundles/refusal.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId } from "../crypto/minisign.js";
import { decideKeyUsable } from "../keyring/signer-trust.js";
import { ExecutionExistsError } from "../store/index.js";
import { ExecutionInvalidError } from "./execution-errors.js";
import { parseExecutionReport, recordExecutionFromDocument } from "./execution-report-import.js";

export const executionReportBundle: BundleHandler = {
  import({ session, limits, now }, opened, writer) {
    const { key } = opened.signer;
    const keyIdText = formatKeyId(key.keyId);
    const usable = decideKeyUsable(key, keyIdText, now);
    if (!usable.trusted) refuse(usable.code, `${SIGNATURE_FILE}: ${usable.reason}`);
    const sender = opened.bag.info.externalIdentifier.authorityId;
    if (key.kind !== "authority") refuse("signer-mismatch", `${SIGNATURE_FILE}: key ${keyIdText} belongs to ${key.kind} "${key.authorityId}"; only the issuing authority reports on its request's execution`);
    if (key.authorityId !== sender) refuse("signer-mismatch", `${SIGNATURE_FILE}: key ${keyIdText} belongs to "${key.authorityId}", but the bundle claims to come from "${sender}"`);
    if (opened.bag.documentPath !== `data/${EXECUTION_REPORT_FILE}`) throw new Error(`an execution-report bag names ${opened.bag.documentPath}`);

    const document = readBundleDocument(opened, limits);
    const id = documentIdOf(document.value, opened);
    checkIdentifierNames(opened, id);
    checkPayload(opened, []);
    const answer = { status: "imported" as const, authority: key.authorityId, id, revision: 1 };
    const bundleDigest = opened.bag.bundleDigest;
    const same = session.store.executions.listExecutions().find((each) => each.bundleDigest === bundleDigest);
    // The sealed original is not kept either way: the record holds the document's bytes.
    writer.discard();
    if (same !== undefined) return { ...answer, status: "duplicate" };
    try {
      const { request } = parseExecutionReport(document.value);
      if (request.authority !== key.authorityId) {
        refuse("signer-mismatch", `${opened.bag.documentPath}: $.request.authority is "${request.authority}", but "${key.authorityId}" signed the bundle; only the issuer reports on its own request`);
      }
      recordExecutionFromDocument(session, { document: document.value, bytes: document.bytes, sha256: sha256Hex(document.bytes), bundleDigest, signerAuthorityId: key.authorityId });
    } catch (error) {
      if (error instanceof ExecutionExistsError) refuse("bundle-conflict", `${opened.bag.documentPath}: ${error.message}`);
      if (error instanceof ExecutionInvalidError) refuse("document-invalid", `${opened.bag.documentPath}: ${error.message}`);
      throw error;
    }
    return answer;
  },
};
