// A checkpoint: the reviewer's minisign key signs a statement of the audit chain's head (its seq
// and row hash, the time and the signer), and the chain records it in the same transaction. Kept
// elsewhere (handed to an auditor, printed, mailed), a checkpoint is what catches a log that was
// later cut short or rewritten from some row on: the row it names must still be in the chain with
// that hash. Made on demand (`counterseal audit checkpoint`); every export is signed the same way.
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { signPrehashed } from "../crypto/minisign.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
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
}

export function makeCheckpoint(session: Session): Checkpoint {
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
    return { statement, bytes, signature, recordedAt: row.seq };
  });
}
