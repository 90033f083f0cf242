// Imports one sealed bundle file into the store: the whole bundle in one transaction, or nothing.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { officeIdentities } from "../identity/identity-service.js";
import type { Session } from "../session.js";
import { openSealedBundle, type OpenedBundle } from "./open-bundle.js";
import type { PayloadStore } from "./bag-reader.js";
import { BundleRefusal } from "./refusal.js";
import type { RefusalCode } from "../../../shared/formats/refusal-codes.js";

export type ImportOutcome =
  | { file: string; status: "imported" | "duplicate"; authority: string; id: string; revision: number }
  | { file: string; status: "refused"; code: RefusalCode; message: string };

export interface ImportOptions {
  /** Called as the sealed file is read, with bytes read so far and the file's size. */
  onProgress?: (read: number, total: number) => void;
}

/** Thrown inside the transaction to roll back a verified bundle that is already stored. */
class AlreadyStored extends Error {
  constructor(readonly opened: OpenedBundle) {
    super("already stored");
  }
}

const READ_CHUNK = 1024 * 1024;

export async function importBundleFile(session: Session, file: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { store, limits } = session;
  try {
    const { size } = await stat(file);
    if (size > limits.sealedBytes) {
      throw new BundleRefusal("limit-exceeded", `the sealed file is ${size} bytes; the limit is ${limits.sealedBytes}`);
    }
    const payloads: PayloadStore = {
      createSink: () => {
        const writer = store.blobs.createBlobWriter();
        return { write: (chunk) => writer.write(chunk), finish: () => ({ blobId: writer.finish().blobId }) };
      },
      read: (blobId) => store.blobs.readBlob(blobId),
    };
    const opened = await store.asyncTransaction(async () => {
      const bundle = await openSealedBundle(createReadStream(file, { highWaterMark: Math.max(1, Math.min(size, READ_CHUNK)) }), {
        identities: officeIdentities(session),
        limits,
        payloads,
        findSignerKey: (keyId) => store.keyring.findKeyById(keyId),
        now: session.runtime.clock.now(),
        ...(options.onProgress && { onBytes: (read: number) => options.onProgress?.(read, size) }),
      });
      storeOpenedBundle(session, bundle);
      return bundle;
    });
    return { file, status: "imported", ...identifierOf(opened) };
  } catch (error) {
    if (error instanceof AlreadyStored) return { file, status: "duplicate", ...identifierOf(error.opened) };
    if (error instanceof BundleRefusal) return { file, status: "refused", code: error.code, message: error.message };
    if (isFileError(error)) return { file, status: "refused", code: "age-invalid", message: `cannot read ${file}: ${error.message}` };
    throw error;
  }
}

function storeOpenedBundle(session: Session, bundle: OpenedBundle): void {
  const { store } = session;
  const { authorityId, documentId, revision } = bundle.bag.info.externalIdentifier;
  if (store.requests.findRequestByDigest(bundle.bag.bundleDigest)) throw new AlreadyStored(bundle);
  const clash = store.requests.findRevision(authorityId, documentId, revision);
  if (clash) {
    throw new BundleRefusal(
      "bundle-conflict",
      `${authorityId}/${documentId} revision ${revision} is already stored from another bundle (digest ${clash.bundleDigest}); ` +
        "a changed request must come as a new revision",
    );
  }
  const { document } = bundle;
  store.requests.insertRequestRevision(session.actor, {
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
    attachments: bundle.attachments,
  });
}

const identifierOf = (bundle: OpenedBundle) => ({
  authority: bundle.bag.info.externalIdentifier.authorityId,
  id: bundle.bag.info.externalIdentifier.documentId,
  revision: bundle.bag.info.externalIdentifier.revision,
});

const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall !== undefined;
