// `counterseal sample pack`: the audit pack for the committee (docs/audit-sampling.md, "Audit
// pack"). It draws exactly as `sample draw` does (same frame hash, same sample), checkpoints the
// audit chain's head with the reviewer's key, and seals the sampled cases (and the purposive
// picks) with the plan, the frame and the audit excerpts to the committee's age recipients,
// signed by the office reviewer's key. One async transaction: the checkpoint's row, the file
// (never over an existing one) and the export's audit row are all there, or none of them is.
import { join } from "node:path";
import { AUDIT_PACK_SCHEMA, type AuditPackDocument, type PackCase } from "../../../shared/formats/audit-pack.js";
import { planSample, SamplingInputError, type SamplePlanInput } from "../../../shared/sampling/attribute-sampling.js";
import { frameText } from "../../../shared/sampling/selection.js";
import { AUDIT_EXPORT_FORMAT, exportLine, exportRowOf } from "../audit/export-format.js";
import { makeCheckpoint } from "../audit/checkpoint.js";
import { assertOfficeStore } from "../auditor/store-mode.js";
import { canonicalJsonBytes } from "../crypto/canonical-json.js";
import { utf8 } from "../crypto/bytes.js";
import { sha256Hex } from "../crypto/digest.js";
import { reviewerSigner } from "../decisions/reviewer-key.js";
import { writeNewFiles } from "../decisions/write-files.js";
import type { Session } from "../session/session.js";
import { caseContent, excerptLine, forEachAuditRow } from "./pack-cases.js";
import { PACK_DOCUMENT, sealPack, type PackPayloadFile } from "./pack-seal.js";
import { drawAuditSample, SamplingError, storedPopulation, type AuditSample, type DrawRequest } from "./sampling-service.js";
import { referenceOf, stratumOf, filterPopulation } from "../../../shared/sampling/population.js";

export interface PackRequest extends DrawRequest {
  plan: SamplePlanInput;
  recipients: readonly string[];
  /** The folder the sealed pack is written to, as `<id>.sealed`. */
  outDir: string;
  id?: string | undefined;
}

export interface PackExport {
  id: string;
  file: string;
  sealedSha256: string;
  bundleDigest: string;
  frameHash: string;
  seed: string;
  population: number;
  sample: string[];
  spares: string[];
  purposive: string[];
  cases: number;
  headSeq: number;
  headHash: string;
  recipients: number;
}

/** `AP-<first 8 of the frame hash>-<first 8 of the seed>`: the same draw gets the same name. */
export const defaultPackId = (draw: Pick<AuditSample, "frameHash" | "seed">): string => `AP-${draw.frameHash.slice(0, 8)}-${draw.seed.slice(0, 8)}`;

const packFileName = (id: string): string => `${id}.sealed`;
const caseFolder = (index: number): string => `cases/${String(index + 1).padStart(3, "0")}`;

export async function exportAuditPack(session: Session, request: PackRequest): Promise<PackExport> {
  assertOfficeStore(session, "make an audit pack (an auditor's store holds no office cases to sample)");
  let plan;
  try {
    plan = planSample(request.plan);
  } catch (error) {
    if (error instanceof SamplingInputError) throw new SamplingError(error.message);
    throw error;
  }
  const { key, signer } = reviewerSigner(session);
  return session.store.asyncTransaction(async () => {
    const draw = drawAuditSample(session, request);
    const id = request.id ?? defaultPackId(draw);
    const checkpoint = makeCheckpoint(session);
    const { headSeq, headHash } = checkpoint.statement;

    const picked = [...draw.sample.map((reference) => ({ reference, selection: "sample" as const, purposiveReason: null })),
      ...draw.purposive.filter((pick) => !pick.alsoInRandomSample).map((pick) => ({ reference: pick.reference, selection: "purposive" as const, purposiveReason: pick.reason }))];
    const contents = picked.map((pick) => caseContent(session, pick.reference));
    const excerpts = contents.map(() => [] as string[]);
    const chain = [exportLine({ format: AUDIT_EXPORT_FORMAT, exportedAt: checkpoint.statement.signedAt, signer: signer.keyId, count: headSeq, headSeq, headHash })];
    forEachAuditRow(session, headSeq, (row) => {
      chain.push(exportLine(exportRowOf(row)));
      contents.forEach((content, index) => {
        if (content.objectIds.has(row.objectId)) excerpts[index]?.push(excerptLine(row));
      });
    });

    const files: PackPayloadFile[] = [];
    const cases: PackCase[] = picked.map((pick, index) => {
      const content = contents[index];
      if (content === undefined) throw new Error("a picked case without its content");
      const folder = caseFolder(index);
      files.push({ path: `${folder}/request.json`, bytes: utf8(content.request) });
      if (content.review !== null) files.push({ path: `${folder}/review.json`, bytes: canonicalJsonBytes(content.review) });
      files.push({ path: `${folder}/audit.jsonl`, bytes: utf8((excerpts[index] ?? []).join("")) });
      const decisions = content.decisions.map((decision) => {
        const document = `${folder}/decisions/${decision.id}.json`;
        files.push({ path: document, bytes: decision.bytes }, { path: `${document}.minisig`, bytes: utf8(decision.signature) });
        return { id: decision.id, document, signature: `${document}.minisig`, sha256: decision.sha256, current: decision.supersededBy === null };
      });
      return { ...pick, request: `${folder}/request.json`, review: content.review === null ? null : `${folder}/review.json`, decisions, audit: `${folder}/audit.jsonl` };
    });

    const population = filterPopulation(storedPopulation(session), request.filter);
    const strata = [...population].map((member) => ({ reference: referenceOf(member), stratum: stratumOf(member, request.stratifyBy) })).sort((a, b) => Buffer.compare(Buffer.from(a.reference), Buffer.from(b.reference)));
    const document: AuditPackDocument = {
      schema: AUDIT_PACK_SCHEMA,
      id,
      createdAt: checkpoint.statement.signedAt,
      office: signer,
      plan,
      draw: { frameHash: draw.frameHash, seed: draw.seed, population: draw.population, size: draw.size, sparesAsked: request.spares ?? request.size, sample: draw.sample, spares: draw.spares, strata: draw.strata, filter: draw.filter, stratifyBy: draw.stratifyBy, purposive: draw.purposive },
      frame: { references: "sampling/frame.txt", strata: "sampling/frame-strata.json" },
      cases,
      audit: { checkpoint: "audit/checkpoint.json", checkpointSignature: "audit/checkpoint.json.minisig", chain: "audit/chain.jsonl", headSeq, headHash },
    };
    const payload: PackPayloadFile[] = [
      { path: PACK_DOCUMENT, bytes: canonicalJsonBytes(document) },
      { path: "sampling/frame.txt", bytes: utf8(frameText(strata.map((member) => member.reference))) },
      { path: "sampling/frame-strata.json", bytes: canonicalJsonBytes(strata) },
      { path: "audit/checkpoint.json", bytes: checkpoint.bytes },
      { path: "audit/checkpoint.json.minisig", bytes: utf8(checkpoint.signature) },
      { path: "audit/chain.jsonl", bytes: utf8(chain.join("")) },
      ...files,
    ];
    const sealed = await sealPack({ packId: id, files: payload, office: signer.office, signer: key, recipients: request.recipients, now: session.runtime.clock.now() });
    const sealedSha256 = sha256Hex(sealed.bytes);
    session.store.audit.appendAudit({
      actor: session.actor,
      action: "audit-pack.exported",
      objectId: id,
      details: { frameHash: draw.frameHash, seed: draw.seed, population: draw.population, sample: draw.sample.length, purposive: draw.purposive.length, headSeq, headHash, recipients: request.recipients.length, sealedSha256 },
    });
    writeNewFiles(request.outDir, [{ name: packFileName(id), bytes: sealed.bytes }]);
    return {
      id,
      file: join(request.outDir, packFileName(id)),
      sealedSha256,
      bundleDigest: sealed.bundleDigest,
      frameHash: draw.frameHash,
      seed: draw.seed,
      population: draw.population,
      sample: draw.sample,
      spares: draw.spares,
      purposive: draw.purposive.map((pick) => pick.reference),
      cases: cases.length,
      headSeq,
      headHash,
      recipients: request.recipients.length,
    };
  });
}
