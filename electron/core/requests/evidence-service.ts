// The evidence a request arrived as: the sealed original written out exactly as it came (its
// SHA-256 is the provenance's sealedSha256, checked on the way out), and the deletion of a case,
// which removes its rows, its kept bundles and the pages they filled.
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/record-audit.js";
import type { RequestRef } from "../../../shared/api/requests.js";
import type { Session } from "../session/session.js";
import { EvidenceDamagedError, type StoredRequest } from "../store/index.js";
import { RequestNotFoundError } from "./requests-service.js";
import { saveToTarget, type SaveTarget } from "./save-to-target.js";

function findRequest(session: Session, ref: RequestRef): StoredRequest {
  const stored = session.store.requests.getRequest(ref.authority, ref.id, ref.revision);
  if (!stored) throw new RequestNotFoundError(`no stored request ${ref.authority}/${ref.id}${ref.revision === undefined ? "" : `/${ref.revision}`}`);
  return stored;
}

/** The file name a sealed original is offered under. */
export const suggestedOriginalName = (ref: { id: string; revision: number }): string => `${ref.id.replace(/:/g, "_")}-r${ref.revision}.sealed`;

/** The original's bytes, checked against the SHA-256 recorded at import before the last one is released. */
function* checkedOriginal(session: Session, stored: StoredRequest): Generator<Uint8Array, void, undefined> {
  const hash = createHash("sha256");
  for (const piece of session.store.evidence.readOriginal(stored.id)) {
    hash.update(piece);
    yield piece;
  }
  const digest = hash.digest("hex");
  if (digest !== stored.sealedSha256) {
    throw new EvidenceDamagedError(`The store is damaged: the rebuilt original of ${stored.authorityId}/${stored.documentId}/${stored.revision} has SHA-256 ${digest}, not ${stored.sealedSha256}.`);
  }
}

/** Writes the sealed bundle of a revision (the latest when `ref.revision` is omitted) exactly as it arrived; audited. */
export async function exportOriginal(session: Session, ref: RequestRef, target: SaveTarget): Promise<{ bytes: number; name: string; sha256: string }> {
  const stored = findRequest(session, ref);
  const saved = await saveToTarget(checkedOriginal(session, stored), target);
  await recordAudit(session, {
    actor: session.actor,
    action: "request.original-exported",
    objectId: stored.id,
    details: { sealedSha256: stored.sealedSha256, bytes: saved.bytes },
  });
  return { ...saved, sha256: stored.sealedSha256 };
}

/**
 * Deletes the case a request belongs to: every revision, its kept bundles and files, its inbox
 * rows; freed pages are overwritten (secure_delete) and the WAL emptied, so no byte of the case
 * stays in the store folder. The audit log keeps one content-free row per revision.
 */
export function deleteCase(session: Session, ref: Omit<RequestRef, "revision">): { revisions: number } {
  const stored = findRequest(session, { authority: ref.authority, id: ref.id });
  const deleted = session.store.requests.deleteCase(session.actor, stored.caseId);
  session.store.checkpoint();
  return { revisions: deleted.length };
}
