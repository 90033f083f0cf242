// Importing sealed bundles, the inbox, a request's detail and its attachments.
import { readAttachmentInline, saveAttachment } from "../../core/requests/attachments-service.js";
import { queryInbox } from "../../core/requests/inbox-service.js";
import { requestDetail } from "../../core/requests/requests-service.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";

type RequestHandlers = Pick<
  ApiHandlers,
  "importBundles" | "getImportProgress" | "queryInbox" | "getRequest" | "readAttachment" | "saveAttachment"
>;

export function requestHandlers(sessions: SessionState): RequestHandlers {
  return {
    importBundles: ({ paths }) => sessions.importFiles(paths),
    getImportProgress: () => sessions.importProgress(),
    queryInbox: (query) => queryInbox(sessions.current(), query),
    getRequest: (ref) => {
      const detail = requestDetail(sessions.current(), ref);
      return {
        authority: detail.authority,
        authorityName: detail.authorityName,
        country: detail.country,
        id: detail.id,
        revision: detail.revision,
        instrument: detail.instrument,
        urgency: detail.urgency,
        status: detail.status,
        receivedAt: detail.receivedAt,
        submittedAt: detail.submittedAt,
        respondBy: detail.respondBy,
        document: detail.document,
        provenance: {
          signerKeyId: detail.provenance.signerKeyId,
          trustedComment: detail.provenance.trustedComment,
          sourceOrganization: detail.provenance.sourceOrganization,
          baggingDate: detail.provenance.baggingDate,
          bundleDigest: detail.provenance.bundleDigest,
          sealedSha256: detail.provenance.sealedSha256,
          receivedAt: detail.provenance.receivedAt,
        },
        attachments: detail.attachments,
        revisions: detail.revisions,
      };
    },
    readAttachment: (ref) => readAttachmentInline(sessions.current(), ref),
    saveAttachment: ({ destination, ...ref }) => saveAttachment(sessions.current(), ref, destination),
  };
}
