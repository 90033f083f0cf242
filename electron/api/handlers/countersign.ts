// Four eyes between two stores: the requests received (read-only), and the two bundles the
// reviewer writes where the file door lets them choose (a request to a colleague, an answer back).
// Every refusal is checked before the dialog opens, and again after it with the current session.
import { basename } from "node:path";
import { answerCountersignRequest, checkCountersignAnswer, countersignatureFileName, defaultCountersignatureId } from "../../core/decisions/countersign-answer.js";
import { checkCountersignRequest, countersignRequestFileName, requestCountersignature } from "../../core/decisions/countersign-request.js";
import { listCountersignRequestsSent } from "../../core/decisions/countersign-sent.js";
import { getCountersignRequest, listCountersignRequests } from "../../core/decisions/countersign-views.js";
import type { SessionState } from "../../core/session/session-state.js";
import type { ApiHandlers } from "../dispatch.js";
import type { FileDoor } from "../file-door.js";

type CountersignHandlers = Pick<ApiHandlers, "listCountersignRequests" | "getCountersignRequest" | "listCountersignRequestsSent" | "requestCountersignature" | "answerCountersignRequest">;

export function countersignHandlers(sessions: SessionState, files: FileDoor): CountersignHandlers {
  return {
    listCountersignRequests: () => listCountersignRequests(sessions.current()),
    getCountersignRequest: ({ decisionId }) => getCountersignRequest(sessions.current(), decisionId),
    listCountersignRequestsSent: ({ decisionId }) => listCountersignRequestsSent(sessions.current(), decisionId),
    requestCountersignature: async ({ decisionId, to }) => {
      checkCountersignRequest(sessions.current(), decisionId, to);
      const target = await files.chooseSavePath(countersignRequestFileName(decisionId));
      if (target === null) return { saved: false };
      const sent = await requestCountersignature(sessions.current(), decisionId, to, { target });
      return { saved: true, name: basename(sent.file), decisionId, sealedTo: sent.to, sha256: sent.decisionSha256 };
    },
    answerCountersignRequest: async ({ decisionId, verdict, reasons, id }) => {
      const args = { verdict, ...(reasons !== undefined && { reasons }), ...(id !== undefined && { id }) };
      checkCountersignAnswer(sessions.current(), decisionId, args);
      const target = await files.chooseSavePath(countersignatureFileName(id ?? defaultCountersignatureId(decisionId)));
      if (target === null) return { saved: false };
      const answered = await answerCountersignRequest(sessions.current(), decisionId, args, { target });
      return { saved: true, name: basename(answered.file), decisionId, sealedTo: answered.sealedTo, sha256: answered.sha256 };
    },
  };
}
