// A checkpoint: the reviewer's minisign key signs a statement of the audit chain's head (its seq
// and row hash, the time and the signer), and the chain records it in the same transaction. Kept
// elsewhere (handed to an auditor, printed, mailed), a checkpoint is what catches a log that was
// later cut short or rewritten from some row on: the row it names must still be in the chain with
// that hash. Made on demand (`counterseal audit checkpoint`); every export is signed the same way.
import { basename, dirname } from "node:path";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { signPrehashed } from "../crypto/minisign.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { writeNewFiles } from "../decisions/write-files.js";
import type { Session } from "../session/session.js";
import { AUDIT_CHECKPOINT_FORMAT, checkpointTrustedComment } from "./export-format.js";

export interface CheckpointStatement {
  format: typeof AUDIT_CHECKPOINT_FORMAT;
  headSeq: number;
  headHash: string;
  /** ISO 8601, UTC. */
  signedAt: string;
  /** The signing key's id as minisign prints it. */
  signer: string;
}

export interface Checkpoint {
  statement: CheckpointStatement;
  /** The statement's RFC 8785 canonical JSON: the bytes signed (a checkpoint file's content). */
  bytes: Uint8Array;
  /** The .minisig text, verifiable with `minisign -Vm FILE -p KEY`. */
  signature: string;
  /** The seq of the audit row that records the checkpoint. */
  recordedAt: number;
  /** The statement's file and its .minisig, when asked for. */
  files?: { file: string; signatureFile: string };
}

/**
 * Signs the head and records it; with `outFile`, also writes the statement there and its
 * signature beside it (`outFile.minisig`), never over a file, inside the same transaction: a
 * failed write records no checkpoint.
 */
export function makeCheckpoint(session: Session, outFile?: string): Checkpoint {
  const { key, signer } = reviewerSigner(session);
  return session.store.transaction(() => {
    const head = session.store.audit.auditHead();
    const signedAt = session.runtime.clock.now();
    const statement: CheckpointStatement = { format: AUDIT_CHECKPOINT_FORMAT, headSeq: head.seq, headHash: head.hash, signedAt: signedAt.toISOString(), signer: signer.keyId };
    const bytes = canonicalJsonBytes(statement);
    const signature = signPrehashed(bytes, key, checkpointTrustedComment(head.seq, head.hash), `counterseal audit checkpoint of seq ${head.seq}`);
    const row = session.store.audit.appendAudit({
      actor: session.actor,
      action: "audit.checkpointed",
      objectId: "audit-log",
      details: { headSeq: head.seq, headHash: head.hash, signedAt: signedAt.getTime(), signature },
    });
    if (outFile === undefined) return { statement, bytes, signature, recordedAt: row.seq };
    const name = basename(outFile);
    const [file = outFile, signatureFile = `${outFile}.minisig`] = writeNewFiles(dirname(outFile), [
      { name, bytes },
      { name: `${name}.minisig`, bytes: Buffer.from(signature, "utf8") },
    ]);
    return { statement, bytes, signature, recordedAt: row.seq, files: { file, signatureFile } };
  });
}
