// Imports sealed bundle files into the store. Each bundle is all-or-nothing (a savepoint);
// many bundles share one transaction, so the commit (which encrypts and writes every page the
// batch touched) is paid once per batch rather than once per bundle. An outcome is reported
// only after the commit that made it true.
import { createHash } from "node:crypto";
import { officeIdentities } from "../identity/identity-service.js";
import type { Session } from "../session/session.js";
import type { EvidenceWriter } from "../store/index.js";
import { importOpenedBag, type StoredBundle } from "./bundle-handlers.js";
import { openSealedBag } from "./open-bundle.js";
import type { PayloadStore } from "./bag-reader.js";
import { BundleRefusal } from "./refusal.js";
import { openBundleFile, SealedFileTooLargeError } from "./bundle-file.js";
import type { ImportOutcome } from "../../../shared/api/requests.js";
import type { RefusalCode } from "../../../shared/vocabulary/refusal-codes.js";
import type { BundleType } from "./bagit-tags.js";

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
  constructor(
    readonly type: BundleType,
    readonly stored: StoredBundle,
  ) {
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
}

function importContext(session: Session): ImportContext {
  return { session, identities: officeIdentities(session) };
}

/** A manifest's other digests (sha512, …) are taken from the bundle as it is being kept. */
function payloadsOf(writer: EvidenceWriter): PayloadStore {
  return {
    digest: (location, algorithm) => {
      const hash = createHash(algorithm);
      for (const piece of writer.readPlaintext(location.offset, location.size)) hash.update(piece);
      return hash.digest("hex");
    },
  };
}

async function importOne(
  context: ImportContext,
  file: string,
  onProgress?: (read: number, total: number) => void,
): Promise<{ outcome: ImportOutcome; size: number }> {
  const { session, identities } = context;
  const { store, limits } = session;
  let size = 0;
  try {
    const sealed = openBundleFile(file, limits.sealedBytes);
    size = sealed.size;
    const now = session.runtime.clock.now();
    const imported = await store.savepoint(async () => {
      // The sealed bytes are kept as they are read; a refusal rolls the savepoint back, which
      // removes whatever the writer wrote.
      const writer = store.evidence.createWriter(size);
      const opened = await openSealedBag(sealed.chunks, {
        identities,
        limits,
        payloads: payloadsOf(writer),
        keep: writer,
        findSignerKey: (keyId) => store.keyring.findKeyById(keyId),
        now,
        ...(onProgress && { onBytes: (read: number) => onProgress(read, size) }),
      });
      const type = opened.bag.info.bundleType;
      const { status, ...stored } = importOpenedBag({ session, limits, now }, opened, writer);
      if (status === "duplicate") throw new AlreadyStored(type, stored);
      return { type, stored };
    });
    return { outcome: { file, status: "imported", ...outcomeFields(imported.type, imported.stored) }, size };
  } catch (error) {
    if (error instanceof AlreadyStored) return { outcome: { file, status: "duplicate", ...outcomeFields(error.type, error.stored) }, size };
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

/** A request's outcome is as it always was; another type's names its Bundle-Type too. */
const outcomeFields = (type: BundleType, stored: StoredBundle) => ({ ...stored, ...(type !== "request" && { bundleType: type }) });

const isFileError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).syscall !== undefined;
