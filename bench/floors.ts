// What the targets leave room for, measured in the same run: the cost of parts that any
// Counterseal import must pay whatever the pipeline does before them. They show how far the
// import itself can still improve, and when a target is out of reach on the machine at hand.
import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { BATCH_MAX_FILES } from "../electron/core/bundles/import-bundle.js";
import { initializeStore } from "../electron/core/session/create-store.js";
import { systemRuntime } from "../electron/core/runtime.js";
import type { Session } from "../electron/core/session/session.js";

const PIECE = 1 << 20;
/** Any well-formed digest: the floors skip hashing, so blob rows get a stand-in. */
const STAND_IN_SHA256 = "0".repeat(64);

/**
 * Seconds to write `bytes` into a fresh store as one attachment, exactly as an import stores
 * one (1 MiB pieces, one transaction, a WAL commit, then the checkpoint and fsyncs of closing),
 * with nothing read, decrypted, parsed or hashed. Key derivation is not timed.
 */
export async function storeWriteSeconds(dir: string, passphrase: string, bytes: number): Promise<number> {
  const session = initializeStore(dir, passphrase, { reviewerName: "Bench", office: "Bench Office" }, systemRuntime);
  const piece = new Uint8Array(randomBytes(PIECE));
  const started = process.hrtime.bigint();
  await session.store.asyncTransaction(async () => {
    const writer = session.store.blobs.createBlobWriter({ givenSha256: true });
    for (let left = bytes; left > 0; left -= PIECE) writer.write(left >= PIECE ? piece : piece.subarray(0, left));
    writer.finish(STAND_IN_SHA256);
  });
  session.store.close();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Seconds for the CLI to start, unlock a store (its Argon2id key derivation) and answer one query. */
export function startUpSeconds(cli: string, storeDir: string, env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, [cli, "--store", storeDir, "requests", "--json"], { env, stdio: ["ignore", "ignore", "inherit"] });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export interface SmallBundleRows {
  authorityId: string;
  documentId: string;
  /** The request.json text; the instrument and urgency are read from it as an import would. */
  document: string;
  attachmentPath: string;
  attachmentBytes: number;
}

/**
 * Seconds per bundle to store `count` small bundles' rows, exactly as an import stores them (a
 * transaction per BATCH_MAX_FILES bundles, a savepoint each, the attachment's blob, the request
 * with its duplicate and revision checks, its search and category rows, the audit row), with
 * nothing read, decrypted or verified. Key derivation is not timed.
 */
export async function storeRowsSecondsPerBundle(
  dir: string,
  passphrase: string,
  count: number,
  trustSigner: (session: Session) => Uint8Array,
  bundleOf: (index: number) => SmallBundleRows,
): Promise<number> {
  const session = initializeStore(dir, passphrase, { reviewerName: "Bench", office: "Bench Office" }, systemRuntime);
  const { store } = session;
  // A request names its signer's key, which must be in the keyring.
  const signerKeyId = trustSigner(session);
  const started = process.hrtime.bigint();
  for (let first = 0; first < count; first += BATCH_MAX_FILES) {
    await store.asyncTransaction(async () => {
      for (let index = first; index < Math.min(count, first + BATCH_MAX_FILES); index++) {
        const bundle = bundleOf(index);
        const bytes = attachmentOf(bundle.attachmentBytes);
        // Stands in for the bundle digest, the sealed file's and the blob's: unique per bundle, not hashed from the bytes.
        const digest = createHash("sha256").update(String(index)).digest("hex");
        await store.savepoint(async () => {
          const writer = store.blobs.createBlobWriter({ givenSha256: true });
          writer.write(bytes);
          const blob = writer.finish(digest);
          const document = JSON.parse(bundle.document) as { instrument: string; urgency: { level: string }; submittedAt: string };
          store.requests.insertRequestRevision(session.actor, {
            authorityId: bundle.authorityId,
            documentId: bundle.documentId,
            revision: 1,
            instrument: document.instrument,
            urgencyLevel: document.urgency.level,
            submittedAt: new Date(document.submittedAt),
            document: bundle.document,
            bundleDigest: digest,
            sealedSha256: digest,
            signerKeyId,
            signerTrustedComment: "bench",
            sourceOrganization: "Bench",
            baggingDate: "2026-11-20",
            attachments: [{ path: bundle.attachmentPath, title: "Attachment", mediaType: "application/octet-stream", blobId: blob.blobId }],
          });
        });
      }
    });
  }
  store.close();
  return Number(process.hrtime.bigint() - started) / 1e9 / count;
}

const attachments = new Map<number, Uint8Array>();
/** One random attachment per size, made once, outside the timed part. */
function attachmentOf(size: number): Uint8Array {
  let bytes = attachments.get(size);
  if (bytes === undefined) attachments.set(size, (bytes = new Uint8Array(randomBytes(size))));
  return bytes;
}
