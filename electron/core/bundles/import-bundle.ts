// Imports sealed bundle files into the store. Each bundle is all-or-nothing (a savepoint);
// many bundles share one transaction, so the commit (which encrypts and writes every page the
// batch touched) is paid once per batch rather than once per bundle. An outcome is reported
// only after the commit that made it true.
import { createHash } from "node:crypto";
import { officeIdentities } from "../identity/identity-service.js";
import type { Session } from "../session/session.js";
import { DuplicateBundleError, RevisionConflictError } from "../store/index.js";
import { openSealedBundle, type OpenedBundle } from "./open-bundle.js";
import type { PayloadStore } from "./bag-reader.js";
import { BundleRefusal } from "./refusal.js";
import { openBundleFile, SealedFileTooLargeError } from "./bundle-file.js";
import type { ImportOutcome } from "../../../shared/api/requests.js";
import type { RefusalCode } from "../../../shared/vocabulary/refusal-codes.js";

export type { ImportOutcome };

export interface ImportOptions {
  /** Called as a sealed file is read: its index in the list, bytes read so far, its size. */
  onProgress?: (index: number, read: number, total: number) => void;
  /** Called with each file's outcome once it is final, i.e. after the commit that stores it. */
  onOutcome?: (index: number, outcome: ImportOutcome) => void;
}

/**
 * A batch ends after this many files or sealed bytes, whichever comes first. Larger batches
 * commit less often; these keep a crash's loss (the open batch, to be imported again) and the
 * wait for the first outcomes small.
 */
export const BATCH_MAX_FILES = 250;
export const BATCH_MAX_BYTES = 64 * 1024 * 1024;

/** Thrown inside the savepoint to roll back a verified bundle that is already stored. */
class AlreadyStored extends Error {
  constructor(readonly opened: OpenedBundle) {
    super("already stored");
  }
}

/** Imports each file in turn; returns one outcome per file, in order. */
export async function importBundleFiles(session: Session, files: readonly string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const context = importContext(session);
  while (outcomes.length < files.length) {
    const first = outcomes.length;
    const batch = await session.store.asyncTransaction(async () => {
      const done: ImportOutcome[] = [];
      let bytes = 0;
      for (const [offset, file] of files.slice(first).entries()) {
        if (done.length === BATCH_MAX_FILES || bytes >= BATCH_MAX_BYTES) break;
        const index = first + offset;
        const onProgress = options.onProgress && ((read: number, total: number) => options.onProgress?.(index, read, total));
        const { outcome, size } = await importOne(context, file, onProgress);
        done.push(outcome);
        bytes += size;
      }
      return done;
    });
    for (const outcome of batch) {
      options.onOutcome?.(outcomes.length, outcome);
      outcomes.push(outcome);
    }
  }
  return outcomes;
}

/** Imports one file: the whole bundle in one transaction, or nothing. */
export async function importBundleFile(
  session: Session,
  file: string,
  options: { onProgress?: (read: number, total: number) => void } = {},
): Promise<ImportOutcome> {
  const onProgress = options.onProgress;
  const [outcome] = await importBundleFiles(session, [file], onProgress ? { onProgress: (_index, read, total) => onProgress(read, total) } : {});
  if (!outcome) throw new Error("importBundleFiles returned no outcome for its one file");
  return outcome;
}

interface ImportContext {
  session: Session;
  /** Read once per import: the same array lets the age layer reuse its parsed keys. */
  identities: readonly string[];
  payloads: PayloadStore;
}

function importContext(session: Session): ImportContext {
  const { store } = session;
  return {
    session,
    identities: officeIdentities(session),
    payloads: {
      createSink: () => {
        // The bag reader hashes every payload file as it passes (for the manifest check) and
        // hands that digest over, so the blob writer does not hash the same bytes again.
        const writer = store.blobs.createBlobWriter({ givenSha256: true });
        return { write: (chunk) => writer.write(chunk), finish: (sha256) => writer.finish(sha256).blobId };
      },
      digest: (blobId, algorithm) => {
        const hash = createHash(algorithm);
        for (const chunk of store.blobs.readBlob(blobId)) hash.update(chunk);
        return hash.digest("hex");
      },
    },
  };
}

async function importOne(
  context: ImportContext,
  file: string,
  onProgress?: (read: number, total: number) => void,
): Promise<{ outcome: ImportOutcome; size: number }> {
  const { session, identities, payloads } = context;
  const { store, limits } = session;
  let size = 0;
  try {
    const sealed = openBundleFile(file, limits.sealedBytes);
    size = sealed.size;
    const opened = await store.savepoint(async () => {
      const bundle = await openSealedBundle(sealed.chunks, {
        identities,
        limits,
        payloads,
        findSignerKey: (keyId) => store.keyring.findKeyById(keyId),
        now: session.runtime.clock.now(),
        ...(onProgress && { onBytes: (read: number) => onProgress(read, size) }),
      });
      storeOpenedBundle(session, bundle);
      return bundle;
    });
    return { outcome: { file, status: "imported", ...identifierOf(opened) }, size };
  } catch (error) {
    if (error instanceof AlreadyStored) return { outcome: { file, status: "duplicate", ...identifierOf(error.opened) }, size };
    const refusal = refusalOf(error, file);
    if (refusal === undefined) throw error;
    // After the bundle's savepoint rolled back, in the batch's transaction: the refusal is
    // recorded though nothing of the bundle is.
    const bytes = error instanceof SealedFileTooLargeError ? error.size : size;
    store.audit.appendAudit({ actor: session.actor, action: "bundle.refused", objectId: "import", details: { code: refusal.code, bytes } });
    return { outcome: { file, status: "refused", ...refusal }, size };
  }
}

function refusalOf(error: unknown, file: string): { code: RefusalCode; message: string } | undefined {
  if (error instanceof BundleRefusal) return { code: error.refusal, message: error.message };
  if (isFileError(error)) return { code: "age-invalid", message: `cannot read ${file}: ${error.message}` };
  return undefined;
}

function storeOpenedBundle(session: Session, bundle: OpenedBundle): void {
  const { authorityId, documentId, revision } = bundle.bag.info.externalIdentifier;
  const { document } = bundle;
  try {
    session.store.requests.insertRequestRevision(session.actor, {
      authorityId,
      documentId,
      revision,
      instrument: document.instrument,
      urgencyLevel: document.urgency.level,
      ...(document.urgency.respondBy !== undefined && { respondBy: new Date(document.urgency.respondBy) }),
      submittedAt: new Date(document.submittedAt),
      document: bundle.documentText,
      bundleDigest: bundle.bag.bundleDigest,
      sealedSha256: bundle.sealedSha256,
      signerKeyId: bundle.signer.key.keyId,
      signerTrustedComment: bundle.signer.trustedComment,
      sourceOrganization: bundle.bag.info.sourceOrganization,
      baggingDate: bundle.bag.info.baggingDate,
      attachments: bundle.attachments.map(({ handle, ...attachment }) => ({ ...attachment, blobId: handle })),
    });
  } catch (error) {
    if (error instanceof DuplicateBundleError) throw new AlreadyStored(bundle);
    if (error instanceof RevisionConflictError) {
      throw new BundleRefusal(
        "bundle-conflict",
        `${authorityId}/${documentId} revision ${revision} is already stored from another bundle (digest ${error.storedBundleDigest}); ` +
          "a changed request must come as a new revision",
      );
    }
    throw error;
  }
}

const identifierOf = (bundle: OpenedBundle) => ({
  authority: bundle.bag.info.externalIdentifier.authorityId,
  id: bundle.bag.info.externalIdentifier.documentId,
  revision: bundle.bag.info.externalIdentifier.revision,
});

const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall !== undefined;
