// Importing sealed bundles, the inbox, a request's detail and its attachments.
import { assertOfficeStore } from "../../core/auditor/store-mode.js";
import { checkAttachment, readAttachmentInline, saveAttachment, suggestedSaveName } from "../../core/requests/attachments-service.js";
import { queryInbox } from "../../core/requests/inbox-service.js";
import { exportOriginal, suggestedOriginalName } from "../../core/requests/evidence-service.js";
import { getRequestDetail } from "../../core/requests/requests-service.js";
import { LockedError } from "../../core/session/session-errors.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ImportOutcome } from "../../../shared/api/requests.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";
import type { ImportTokens, RegisteredFile } from "../import-tokens.js";

type RequestHandlers = Pick<
  ApiHandlers,
  "importBundles" | "getImportProgress" | "queryInbox" | "getRequest" | "readAttachment" | "saveAttachment" | "saveOriginal"
>;

export interface RequestHandlerDeps {
  sessions: SessionState;
  files: FileDoor;
  tokens: ImportTokens;
}

export function requestHandlers({ sessions, files, tokens }: RequestHandlerDeps): RequestHandlers {
  return {
    importBundles: async ({ tokens: given }) => {
      // Before the tokens are spent, so a busy store leaves them good for the retry.
      if (sessions.importProgress().active) throw new LockedError("An import is still finishing; try again in a moment.", "import-busy");
      assertOfficeStore(sessions.current(), "import request bundles");
      const picked = tokens.take(given, sessions.current());
      const outcomes = await sessions.importFiles(picked.map((file) => file.path));
      return outcomes.map((outcome, index) => asPicked(outcome, picked[index]));
    },
    getImportProgress: () => sessions.importProgress(),
    queryInbox: (query) => queryInbox(sessions.current(), query),
    getRequest: (ref) => getRequestDetail(sessions.current(), ref),
    readAttachment: (ref) => readAttachmentInline(sessions.current(), ref),
    // One main-side call: the door asks where (its dialog), and the write follows at once.
    saveAttachment: async (ref) => {
      checkAttachment(sessions.current(), ref);
      const target = await files.chooseSavePath(suggestedSaveName(ref.path));
      if (target === null) return { saved: false };
      // Asked again: the store may have been locked while the dialog was open.
      return { saved: true, ...(await saveAttachment(sessions.current(), ref, target)) };
    },
    saveOriginal: async (ref) => {
      getRequestDetail(sessions.current(), ref);
      const target = await files.chooseSavePath(suggestedOriginalName(ref));
      if (target === null) return { saved: false };
      const { bytes, name } = await exportOriginal(sessions.current(), ref, target);
      return { saved: true, bytes, name };
    },
  };
}

/** The outcome as the page may see it: the file by the name it was picked under, not its path. */
function asPicked(outcome: ImportOutcome, file: RegisteredFile | undefined): ImportOutcome {
  if (file === undefined) throw new Error("the import answered more outcomes than it was given files");
  if (outcome.status !== "refused") return { ...outcome, file: file.name };
  return { ...outcome, file: file.name, message: outcome.message.split(file.path).join(file.name) };
}
