// Writes the content-free audit export (docs/audit-export.md) and its signature, all or nothing:
// the chain first records the export (an `audit.exported` row naming the head before it), then
// every row to that one is written without its details, and the reviewer's key signs the file.
// The files are written inside the same transaction, so a failed write leaves no export row, and
// an existing file is never overwritten.
import { basename, dirname } from "node:path";
import { signPrehashed } from "../crypto/minisign.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { writeNewFiles } from "../decisions/write-files.js";
import type { Session } from "../session/session.js";
import { AUDIT_PAGE_LIMIT } from "../store/index.js";
import { AUDIT_EXPORT_FORMAT, type AuditExportHeader, exportLine, exportRowOf, exportTrustedComment } from "./export-format.js";

export interface AuditExportResult {
  file: string;
  signatureFile: string;
  header: AuditExportHeader;
  trustedComment: string;
}

export function exportAudit(session: Session, outFile: string): AuditExportResult {
  const { key, signer } = reviewerSigner(session);
  const { store } = session;
  return store.transaction(() => {
    const before = store.audit.auditHead();
    const recorded = store.audit.appendAudit({
      actor: session.actor,
      action: "audit.exported",
      objectId: "audit-log",
      details: { headSeq: before.seq, headHash: before.hash },
    });
    const header: AuditExportHeader = {
      format: AUDIT_EXPORT_FORMAT,
      exportedAt: session.runtime.clock.now().toISOString(),
      signer: signer.keyId,
      count: recorded.seq,
      headSeq: recorded.seq,
      headHash: recorded.rowHash,
    };
    const lines = [exportLine(header)];
    for (let after = 0; after < recorded.seq; ) {
      const page = store.audit.listAudit({ afterSeq: after, limit: AUDIT_PAGE_LIMIT });
      const last = page.at(-1);
      if (last === undefined) break;
      for (const row of page) lines.push(exportLine(exportRowOf(row)));
      after = last.seq;
    }
    const bytes = Buffer.from(lines.join(""), "utf8");
    const trustedComment = exportTrustedComment(header.headSeq, header.headHash);
    const signature = signPrehashed(bytes, key, trustedComment, `counterseal audit export to seq ${header.headSeq}`);
    const name = basename(outFile);
    const [file = outFile, signatureFile = `${outFile}.minisig`] = writeNewFiles(dirname(outFile), [
      { name, bytes },
      { name: `${name}.minisig`, bytes: Buffer.from(signature, "utf8") },
    ]);
    return { file, signatureFile, header, trustedComment };
  });
}
