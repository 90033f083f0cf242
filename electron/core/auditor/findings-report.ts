// `counterseal auditor report`: the evaluation, and with --out the findings report signed like the
// office's decisions (docs/decisions.md, "Signing"): the document as RFC 8785 canonical JSON
// (`<id>.json`), a prehashed minisign signature of exactly those bytes whose trusted comment names
// the kind, id and digest (`<id>.json.minisig`, `minisign -Vm <id>.json -p auditor.pub`), and a
// PDF (`<id>.pdf`). Only a complete evaluation is signed; the files are written all or none, never
// over existing ones, with the report's audit row in the same transaction.
import { join } from "node:path";
import { AUDIT_FINDINGS_SCHEMA, auditFindingsDocumentSchema, type AuditFindingsDocument, type Evaluation } from "../../../shared/formats/audit-findings.js";
import { isOneOf } from "../../../shared/vocabulary/is-one-of.js";
import { PURPOSIVE_REASONS } from "../../../shared/sampling/population.js";
import { utf8 } from "../crypto/bytes.js";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { sha256Hex } from "../crypto/digest.js";
import { formatKeyId, signPrehashed } from "../crypto/minisign.js";
import { copyFileNames } from "../decisions/export-copy.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { writeNewFiles } from "../decisions/write-files.js";
import type { Session } from "../session/session.js";
import { FindingsIncompleteError } from "./auditor-errors.js";
import { evaluationOf, findPack, packDocumentOf } from "./auditor-views.js";
import { renderFindingsPdf } from "./findings-pdf.js";

export interface FindingsReport {
  id: string;
  pack: string;
  evaluation: Evaluation;
  /** The signed report's files and digest, when written. */
  files: string[];
  sha256: string | null;
}

/** `counterseal audit-findings <id> sha256:<hex>`: what `minisign -V` prints for a findings report. */
export const findingsTrustedComment = (id: string, digest: string): string => `counterseal audit-findings ${id} sha256:${digest}`;

const isPurposiveReason = isOneOf(PURPOSIVE_REASONS);

export function composeFindingsReport(session: Session, packId: string | undefined, reportId: string | undefined): AuditFindingsDocument {
  const pack = findPack(session, packId);
  const document = packDocumentOf(pack);
  const evaluation = evaluationOf(session, pack);
  const { signer } = reviewerSigner(session);
  const cases = session.store.auditPacks.casesOf(pack.id);
  const findings = new Map(session.store.auditPacks.findingsOf(pack.id).map((finding) => [finding.reference, finding]));
  return {
    schema: AUDIT_FINDINGS_SCHEMA,
    id: reportId ?? `F-${pack.id}`,
    reportedAt: session.runtime.clock.now().toISOString(),
    auditor: signer,
    pack: { id: pack.id, bundleDigest: pack.bundleDigest, office: pack.sourceOrganization, officeKeyId: formatKeyId(pack.signerKeyId), frameHash: document.draw.frameHash, seed: document.draw.seed, population: document.draw.population },
    evaluation,
    findings: cases.flatMap((each) => {
      const finding = findings.get(each.reference);
      if (finding === undefined) return [];
      const reason = each.purposiveReason;
      return [{ reference: each.reference, selection: each.selection, purposiveReason: reason !== null && isPurposiveReason(reason) ? reason : null, verdict: finding.verdict, deviationType: finding.deviationType, recommendation: finding.recommendation, note: finding.note }];
    }),
  };
}

export function evaluateFindings(session: Session, packId: string | undefined): FindingsReport {
  const pack = findPack(session, packId);
  return { id: `F-${pack.id}`, pack: pack.id, evaluation: evaluationOf(session, pack), files: [], sha256: null };
}

/** Refuses, naming the sampled cases without a finding, until the evaluation is complete. */
export function assertReportable(session: Session, packId: string | undefined): void {
  const pack = findPack(session, packId);
  const done = new Set(session.store.auditPacks.findingsOf(pack.id).map((finding) => finding.reference));
  const { sample } = packDocumentOf(pack).draw;
  if (sample.length === 0) throw new FindingsIncompleteError(`pack ${pack.id} samples no case, so there is nothing to evaluate or sign`);
  const missing = sample.filter((reference) => !done.has(reference));
  if (missing.length > 0) {
    throw new FindingsIncompleteError(`${missing.length} sampled case${missing.length === 1 ? " has" : "s have"} no finding yet, so the report cannot be signed: ${missing.join(", ")}`);
  }
}

export async function exportFindingsReport(session: Session, options: { pack?: string | undefined; id?: string | undefined; outDir: string }): Promise<FindingsReport> {
  const report = auditFindingsDocumentSchema.parse(composeFindingsReport(session, options.pack, options.id));
  assertReportable(session, report.pack.id);
  const { key, publicKeyLine } = reviewerSigner(session);
  const bytes = canonicalJsonBytes(report);
  const digest = sha256Hex(bytes);
  const trustedComment = findingsTrustedComment(report.id, digest);
  const signature = signPrehashed(bytes, key, trustedComment, `counterseal audit-findings ${report.id}`);
  const pdf = await renderFindingsPdf(report, { id: report.id, digest, publicKeyLine, keyId: formatKeyId(key.keyId), trustedComment });
  const names = copyFileNames(report.id);
  session.store.transaction(() => {
    session.store.audit.appendAudit({
      actor: session.actor,
      action: "auditor.report-signed",
      objectId: report.id,
      details: { pack: report.pack.id, sha256: digest, sampleSize: report.evaluation.sampleSize, deviations: report.evaluation.deviations, conclusion: report.evaluation.conclusion },
    });
    writeNewFiles(options.outDir, [
      { name: names.json, bytes },
      { name: names.signature, bytes: utf8(signature) },
      { name: names.pdf, bytes: pdf },
    ]);
  });
  return { id: report.id, pack: report.pack.id, evaluation: report.evaluation, files: [names.json, names.signature, names.pdf].map((name) => join(options.outDir, name)), sha256: digest };
}
