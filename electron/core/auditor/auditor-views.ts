// The auditor's store as the API and the CLI show it: the packs taken in, each pack's cases with
// what the office sent (request, review, decisions, audit excerpt) and the auditor's finding, and
// the evaluation of the findings so far. Read-only.
import type { AuditPackCaseView, AuditPackSummary, AuditorFinding } from "../../../shared/api/auditor.js";
import { auditPackDocumentSchema, type AuditPackDocument } from "../../../shared/formats/audit-pack.js";
import type { Evaluation } from "../../../shared/formats/audit-findings.js";
import { evaluateSample } from "../../../shared/sampling/evaluation.js";
import { formatKeyId, MinisignFormatError, MinisignVerifyError, parseSignature, verifySignature } from "../crypto/minisign.js";
import type { Session } from "../session/session.js";
import type { StoredAuditPack, StoredFinding, StoredPackCase, StoredPackDecision } from "../store/index.js";
import { AuditPackNotFoundError } from "./auditor-errors.js";
import { assertAuditorStore } from "./store-mode.js";

export const packDocumentOf = (pack: StoredAuditPack): AuditPackDocument => auditPackDocumentSchema.parse(JSON.parse(pack.document));

/** The pack named, or the store's only pack when none is named. */
export function findPack(session: Session, id: string | undefined): StoredAuditPack {
  assertAuditorStore(session, "reading audit packs");
  const { auditPacks } = session.store;
  if (id !== undefined) return auditPacks.getPack(id) ?? notFound(`this store holds no audit pack ${id}`);
  const packs = auditPacks.listPacks();
  const [only, second] = packs;
  if (only === undefined) return notFound("this store holds no audit pack yet; import one (counterseal auditor import PACK)");
  if (second !== undefined) return notFound(`this store holds ${packs.length} audit packs (${packs.map((pack) => pack.id).join(", ")}); name one with --pack`);
  return only;
}

const notFound = (message: string): never => {
  throw new AuditPackNotFoundError(message);
};

export function findingView(stored: StoredFinding, cases: readonly StoredPackCase[]): AuditorFinding {
  const packCase = cases.find((each) => each.reference === stored.reference);
  return {
    pack: stored.packId,
    reference: stored.reference,
    selection: packCase?.selection ?? "sample",
    verdict: stored.verdict,
    deviationType: stored.deviationType,
    recommendation: stored.recommendation,
    note: stored.note,
    recordedAt: stored.recordedAt.toISOString(),
  };
}

export function evaluationOf(session: Session, pack: StoredAuditPack): Evaluation {
  const document = packDocumentOf(pack);
  const sampled = new Set(document.draw.sample);
  const findings = session.store.auditPacks.findingsOf(pack.id).filter((finding) => sampled.has(finding.reference));
  const evaluation = evaluateSample({
    sampleSize: document.draw.sample.length,
    evaluated: findings.length,
    deviations: findings.filter((finding) => finding.verdict === "deviation").length,
    confidence: document.plan.confidence,
    tolerable: document.plan.tolerable,
  });
  return evaluation;
}

export function packSummaryOf(session: Session, pack: StoredAuditPack): AuditPackSummary {
  const document = packDocumentOf(pack);
  return {
    id: pack.id,
    bundleDigest: pack.bundleDigest,
    office: pack.sourceOrganization,
    signerKeyId: formatKeyId(pack.signerKeyId),
    importedAt: pack.importedAt.toISOString(),
    createdAt: document.createdAt,
    frameHash: document.draw.frameHash,
    seed: document.draw.seed,
    population: document.draw.population,
    sample: document.draw.sample,
    purposive: document.draw.purposive.map((pick) => ({ reference: pick.reference, reason: pick.reason, alsoInRandomSample: pick.alsoInRandomSample })),
    plan: {
      confidence: document.plan.confidence,
      tolerable: document.plan.tolerable,
      expected: document.plan.expected,
      sampleSize: document.plan.sampleSize,
      achievedRisk: document.plan.achievedRisk,
      upperDeviationLimit: document.plan.upperDeviationLimit,
    },
    spares: document.draw.spares,
    stratifyBy: document.draw.stratifyBy,
    strata: document.draw.strata.map((stratum) => ({ stratum: stratum.stratum, population: stratum.population, share: stratum.share, allocated: stratum.allocated, sample: stratum.sample })),
    findings: session.store.auditPacks.findingsOf(pack.id).length,
  };
}

export function listAuditPacks(session: Session): AuditPackSummary[] {
  assertAuditorStore(session, "reading audit packs");
  return session.store.auditPacks.listPacks().map((pack) => packSummaryOf(session, pack));
}

export function getAuditPack(session: Session, id: string | undefined): { summary: AuditPackSummary; cases: AuditPackCaseView[]; evaluation: Evaluation } {
  const pack = findPack(session, id);
  const cases = session.store.auditPacks.casesOf(pack.id);
  const decisions = session.store.auditPacks.decisionsOf(pack.id);
  const findings = new Map(session.store.auditPacks.findingsOf(pack.id).map((finding) => [finding.reference, findingView(finding, cases)]));
  return {
    summary: packSummaryOf(session, pack),
    evaluation: evaluationOf(session, pack),
    cases: cases.map((each) => ({
      reference: each.reference,
      selection: each.selection,
      purposiveReason: each.purposiveReason,
      request: JSON.parse(each.request) as unknown,
      review: each.review === null ? null : (JSON.parse(each.review) as unknown),
      decisions: decisions
        .filter((decision) => decision.reference === each.reference)
        .map((decision) => ({
          id: decision.id,
          sha256: decision.sha256,
          current: decision.current,
          document: JSON.parse(new TextDecoder().decode(decision.bytes)) as unknown,
          signature: signatureCheck(session, decision),
        })),
      audit: each.auditExcerpt.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as unknown),
      finding: findings.get(each.reference) ?? null,
    })),
  };
}

/**
 * A pack decision's signature, verified again with this store's keyring as the page shows it (the
 * import verified it too, as here, with the keyring's key whatever its window): a key removed since
 * shows as not verified, a revoked one says so.
 */
export function signatureCheck(session: Session, decision: StoredPackDecision): AuditPackCaseView["decisions"][number]["signature"] {
  let signature;
  try {
    signature = parseSignature(decision.signature);
  } catch (error) {
    if (!(error instanceof MinisignFormatError)) throw error;
    return { keyId: "", trustedComment: "", signer: null, verified: false, detail: error.message };
  }
  const keyId = formatKeyId(signature.keyId);
  const key = session.store.keyring.findKeyById(signature.keyId);
  const base = { keyId, trustedComment: signature.trustedComment, signer: key?.authorityName ?? null };
  if (key === undefined) return { ...base, verified: false, detail: `signed by key ${keyId}, which is no longer in this store's keyring` };
  try {
    verifySignature(decision.bytes, signature, key);
  } catch (error) {
    if (!(error instanceof MinisignVerifyError)) throw error;
    return { ...base, verified: false, detail: error.message };
  }
  const revoked = key.revokedAt === null ? "" : `; the keyring marks the key revoked from ${key.revokedAt.toISOString()}`;
  return { ...base, verified: true, detail: `the signature of the decision's bytes and of its trusted comment verify with key ${keyId} (${key.authorityName})${revoked}` };
}
