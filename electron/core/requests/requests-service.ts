// Reading stored requests: the list behind `counterseal requests` and the full view behind `show`.
import { formatKeyId } from "../crypto/minisign.js";
import { CoreError } from "../errors.js";
import type { Session } from "../session/session.js";
import type { RequestSummary, StoredRequest } from "../store/index.js";
import { diffDocuments, type DocumentChange } from "./document-diff.js";

export class RequestNotFoundError extends CoreError {
  override readonly name = "RequestNotFoundError";
  override readonly code = "request-not-found";
}

export interface RequestRef {
  authority: string;
  id: string;
  revision?: number | undefined;
}

export interface RequestSummaryView {
  authority: string;
  id: string;
  revision: number;
  instrument: string;
  urgency: string;
  respondBy: string | null;
  submittedAt: string;
  receivedAt: string;
  status: string;
  bundleDigest: string;
}

export interface RequestView extends RequestSummaryView {
  document: unknown;
  provenance: {
    signerKeyId: string;
    signerAuthorityName: string | null;
    trustedComment: string;
    sourceOrganization: string;
    baggingDate: string;
    bundleDigest: string;
    sealedSha256: string;
    receivedAt: string;
  };
  attachments: { path: string; title: string; mediaType: string; size: number; sha256: string }[];
  revisions: { revision: number; receivedAt: string; bundleDigest: string }[];
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

const PAGE = 1000;

export function* listRequestRevisions(session: Session): Generator<RequestSummaryView> {
  for (let offset = 0; ; offset += PAGE) {
    const page = session.store.requests.listAllRevisions({ limit: PAGE, offset });
    yield* page.map(summaryView);
    if (page.length < PAGE) return;
  }
}

export function showRequest(session: Session, ref: RequestRef): RequestView {
  const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (!stored) {
    const which = `${ref.authority}/${ref.id}${ref.revision === undefined ? "" : `/${ref.revision}`}`;
    throw new RequestNotFoundError(`no stored request ${which}`);
  }
  return requestView(session, stored);
}

function requestView(session: Session, stored: StoredRequest): RequestView {
  const signer = session.store.keyring.findKeyById(stored.signerKeyId);
  return {
    ...summaryView(stored),
    document: JSON.parse(stored.document) as unknown,
    provenance: {
      signerKeyId: formatKeyId(stored.signerKeyId),
      signerAuthorityName: signer?.authorityName ?? null,
      trustedComment: stored.signerTrustedComment,
      sourceOrganization: stored.sourceOrganization,
      baggingDate: stored.baggingDate,
      bundleDigest: stored.bundleDigest,
      sealedSha256: stored.sealedSha256,
      receivedAt: stored.receivedAt.toISOString(),
    },
    attachments: stored.attachments.map(({ path, title, mediaType, size, sha256 }) => ({ path, title, mediaType, size, sha256 })),
    revisions: session.store.requests.listRevisions(stored.caseId).map((revision) => ({
      revision: revision.revision,
      receivedAt: revision.receivedAt.toISOString(),
      bundleDigest: revision.bundleDigest,
    })),
  };
}

const summaryView = (summary: RequestSummary): RequestSummaryView => ({
  authority: summary.authorityId,
  id: summary.documentId,
  revision: summary.revision,
  instrument: summary.instrument,
  urgency: summary.urgencyLevel,
  respondBy: summary.respondBy?.toISOString() ?? null,
  submittedAt: summary.submittedAt.toISOString(),
  receivedAt: summary.receivedAt.toISOString(),
  status: summary.status,
  bundleDigest: summary.bundleDigest,
});

export interface RequestDetailView extends RequestView {
  authorityName: string;
  country: string;
  revisions: { revision: number; receivedAt: string; bundleDigest: string; changes: DocumentChange[] }[];
}

/** The app's request view: `showRequest` plus the authority and, per revision, what changed. */
export function requestDetail(session: Session, ref: RequestRef): RequestDetailView {
  const view = showRequest(session, ref);
  const authority = session.store.keyring.listKeyring().find((key) => key.authorityId === view.authority);
  const documents = view.revisions.map((revision) => {
    const stored = session.store.requests.getRequest(view.authority, view.id, revision.revision);
    return stored ? (JSON.parse(stored.document) as unknown) : undefined;
  });
  return {
    ...view,
    authorityName: authority?.authorityName ?? view.provenance.sourceOrganization,
    country: authority?.country ?? "",
    revisions: view.revisions.map((revision, index) => ({
      ...revision,
      changes: index === 0 ? [] : diffDocuments(documents[index - 1], documents[index]),
    })),
  };
}
