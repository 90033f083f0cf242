// Reading stored requests: the full view behind the API's getRequest and `counterseal show`, and
// every stored revision, in the inbox's shape, behind `counterseal requests`.
import type { InboxRow, RequestDetail, RequestRef } from "../../../shared/api/requests.js";
import { grievancesAboutCase } from "../grievances/grievance-register.js";
import { isInstrument } from "../../../shared/vocabulary/instruments.js";
import { isUrgencyLevel } from "../../../shared/vocabulary/urgencies.js";
import { formatKeyId } from "../crypto/minisign.js";
import { CoreError } from "../errors.js";
import type { Session } from "../session/session.js";
import type { StoredRequest } from "../store/index.js";
import { diffDocuments } from "./document-diff.js";
import { queryInbox } from "./inbox-service.js";
import { storedTerm } from "./stored-vocabulary.js";

export class RequestNotFoundError extends CoreError {
  override readonly name = "RequestNotFoundError";
  override readonly code = "request-not-found";
}

/** Parses `AUTHORITY/ID[/REVISION]`; authority and document ids cannot contain `/`. */
export function parseRequestRef(text: string): RequestRef {
  const parts = text.split("/");
  const [authority, id, revisionText] = parts;
  if (parts.length < 2 || parts.length > 3 || !authority || !id) {
    throw new RequestNotFoundError(`"${text}" is not AUTHORITY/ID or AUTHORITY/ID/REVISION`);
  }
  if (revisionText === undefined) return { authority, id };
  const revision = Number(revisionText);
  if (!Number.isSafeInteger(revision) || revision < 1) throw new RequestNotFoundError(`"${revisionText}" is not a revision number`);
  return { authority, id, revision };
}

const PAGE = 500;

/** Every stored revision, most recently received first, as the inbox lists them. */
export function* listRequestRevisions(session: Session): Generator<InboxRow> {
  for (let offset = 0; ; offset += PAGE) {
    const page = queryInbox(session, { offset, limit: PAGE, sort: { field: "receivedAt", direction: "desc" }, filter: {} });
    yield* page.rows;
    if (page.rows.length < PAGE) return;
  }
}

/** One revision in full (the latest when `ref.revision` is omitted), with what each revision changed. */
export function getRequestDetail(session: Session, ref: RequestRef): RequestDetail {
  const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (!stored) {
    const which = `${ref.authority}/${ref.id}${ref.revision === undefined ? "" : `/${ref.revision}`}`;
    throw new RequestNotFoundError(`no stored request ${which}`);
  }
  const authority = session.store.keyring.listKeyring().find((key) => key.authorityId === stored.authorityId);
  return {
    authority: stored.authorityId,
    authorityName: authority?.authorityName ?? stored.sourceOrganization,
    country: authority?.country ?? "",
    id: stored.documentId,
    revision: stored.revision,
    instrument: storedTerm(isInstrument, stored.instrument, "instrument"),
    urgency: storedTerm(isUrgencyLevel, stored.urgencyLevel, "urgency level"),
    status: stored.status,
    receivedAt: stored.receivedAt.toISOString(),
    submittedAt: stored.submittedAt.toISOString(),
    respondBy: stored.respondBy?.toISOString() ?? null,
    document: JSON.parse(stored.document) as unknown,
    provenance: {
      signerKeyId: formatKeyId(stored.signerKeyId),
      trustedComment: stored.signerTrustedComment,
      sourceOrganization: stored.sourceOrganization,
      baggingDate: stored.baggingDate,
      bundleDigest: stored.bundleDigest,
      sealedSha256: stored.sealedSha256,
      receivedAt: stored.receivedAt.toISOString(),
    },
    attachments: stored.attachments.map(({ path, title, mediaType, size, sha256 }) => ({ path, title, mediaType, size, sha256 })),
    grievances: grievancesAboutCase(session, stored.authorityId, stored.documentId).map(({ id, received, respondBy, clock, response }) => ({
      id,
      received,
      respondBy,
      clock,
      outcome: response?.outcome ?? null,
    })),
    revisions: revisionsWithChanges(session, stored),
  };
}

/** The case's revisions, oldest first, each with its changes against the one before. */
function revisionsWithChanges(session: Session, stored: StoredRequest): RequestDetail["revisions"] {
  let previous: unknown;
  return session.store.requests.listRevisions(stored.caseId).map((revision, index) => {
    const text = revision.revision === stored.revision ? stored.document : session.store.requests.getRequest(stored.authorityId, stored.documentId, revision.revision)?.document;
    const document = text === undefined ? undefined : (JSON.parse(text) as unknown);
    const changes = index === 0 ? [] : diffDocuments(previous, document);
    previous = document;
    return { revision: revision.revision, receivedAt: revision.receivedAt.toISOString(), bundleDigest: revision.bundleDigest, changes };
  });
}
