// Importing sealed bundles, the inbox, a request's detail and its attachments.
import { readAttachmentInline, saveAttachment } from "../../core/requests/attachments-service.js";
import { queryInbox } from "../../core/requests/inbox-service.js";
import { getRequestDetail } from "../../core/requests/requests-service.js";
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
    getRequest: (ref) => getRequestDetail(sessions.current(), ref),
    readAttachment: (ref) => readAttachmentInline(sessions.current(), ref),
    saveAttachment: ({ destination, ...ref }) => saveAttachment(sessions.current(), ref, destination),
  };
}
