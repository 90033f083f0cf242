// An auditor's store (migration 009): the audit packs it took in, their cases exactly as received,
// and the auditor's own findings on them. A pack and its cases go in with one audit row in one
// transaction and never change (the tables' triggers refuse it); a finding is the only thing
// written afterwards, and recording it again replaces the earlier one, each time with its row.
import type { DeviationType, FindingVerdict, PackSelection, Recommendation } from "../../../../shared/vocabulary/auditor-findings.js";
import { asBuffer, toBytes } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { fromStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

export interface PackDecisionInput {
  id: string;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  current: boolean;
}

export interface PackCaseInput {
  reference: string;
  selection: PackSelection;
  purposiveReason: string | null;
  request: string;
  review: string | null;
  auditExcerpt: string;
  decisions: readonly PackDecisionInput[];
}

export interface AuditPackInput {
  id: string;
  bundleDigest: string;
  signerKeyId: Uint8Array;
  sourceOrganization: string;
  /** data/audit-pack.json as received. */
  document: string;
  frame: string;
  frameHash: string;
  cases: readonly PackCaseInput[];
}

export interface StoredAuditPack {
  id: string;
  bundleDigest: string;
  signerKeyId: Uint8Array;
  sourceOrganization: string;
  document: string;
  frame: string;
  importedAt: Date;
}

export interface StoredPackCase {
  reference: string;
  position: number;
  selection: PackSelection;
  purposiveReason: string | null;
  request: string;
  review: string | null;
  auditExcerpt: string;
}

export interface StoredPackDecision extends PackDecisionInput {
  reference: string;
}

export interface FindingInput {
  packId: string;
  reference: string;
  verdict: FindingVerdict;
  deviationType: DeviationType | null;
  recommendation: Recommendation;
  note: string | null;
}

export interface StoredFinding extends FindingInput {
  recordedAt: Date;
}

const PACK_COLUMNS = "id, bundle_digest AS bundleDigest, signer_key_id AS signerKeyId, source_organization AS sourceOrganization, document, frame, imported_at AS importedAt";
type PackRow = Omit<StoredAuditPack, "importedAt" | "signerKeyId"> & { importedAt: number; signerKeyId: Buffer };
type FindingRow = Omit<StoredFinding, "recordedAt"> & { recordedAt: number };
type DecisionRow = Omit<StoredPackDecision, "current" | "bytes"> & { current: number; bytes: Buffer };

export class AuditPackRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #insertPack;
  readonly #insertCase;
  readonly #insertDecision;
  readonly #upsertFinding;
  readonly #selectPack;
  readonly #selectPackByDigest;
  readonly #selectPacks;
  readonly #selectCases;
  readonly #selectDecisions;
  readonly #selectFindings;
  readonly #selectMode;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    const { db } = ctx;
    this.#insertPack = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO audit_packs (id, bundle_digest, signer_key_id, source_organization, document, frame, imported_at)
       VALUES (@id, @bundleDigest, @signerKeyId, @sourceOrganization, @document, @frame, @importedAt)`,
    );
    this.#insertCase = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO audit_pack_cases (pack_id, reference, position, selection, purposive_reason, request, review, audit_excerpt)
       VALUES (@packId, @reference, @position, @selection, @purposiveReason, @request, @review, @auditExcerpt)`,
    );
    this.#insertDecision = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO audit_pack_decisions (pack_id, reference, id, document, signature, sha256, current)
       VALUES (@packId, @reference, @id, @bytes, @signature, @sha256, @current)`,
    );
    this.#upsertFinding = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO auditor_findings (pack_id, reference, verdict, deviation_type, recommendation, note, recorded_at)
       VALUES (@packId, @reference, @verdict, @deviationType, @recommendation, @note, @recordedAt)
       ON CONFLICT (pack_id, reference) DO UPDATE SET verdict = excluded.verdict, deviation_type = excluded.deviation_type,
         recommendation = excluded.recommendation, note = excluded.note, recorded_at = excluded.recorded_at`,
    );
    this.#selectPack = db.prepare<[string], PackRow>(`SELECT ${PACK_COLUMNS} FROM audit_packs WHERE id = ?`);
    this.#selectPackByDigest = db.prepare<[string], PackRow>(`SELECT ${PACK_COLUMNS} FROM audit_packs WHERE bundle_digest = ?`);
    this.#selectPacks = db.prepare<[], PackRow>(`SELECT ${PACK_COLUMNS} FROM audit_packs ORDER BY imported_at, id`);
    this.#selectCases = db.prepare<[string], StoredPackCase>(
      `SELECT reference, position, selection, purposive_reason AS purposiveReason, request, review, audit_excerpt AS auditExcerpt
         FROM audit_pack_cases WHERE pack_id = ? ORDER BY position`,
    );
    this.#selectDecisions = db.prepare<[string], DecisionRow>(
      "SELECT reference, id, document AS bytes, signature, sha256, current FROM audit_pack_decisions WHERE pack_id = ? ORDER BY reference, rowid",
    );
    this.#selectFindings = db.prepare<[string], FindingRow>(
      `SELECT pack_id AS packId, reference, verdict, deviation_type AS deviationType, recommendation, note, recorded_at AS recordedAt
         FROM auditor_findings WHERE pack_id = ? ORDER BY reference`,
    );
    this.#selectMode = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'storeMode'");
  }

  /** Whether the store was created in auditor mode (migration 009 keeps the setting fixed). */
  isAuditorStore(): boolean {
    return this.#selectMode.get()?.value === '"auditor"';
  }

  insertPack(actor: Actor, input: AuditPackInput): void {
    this.#ctx.transactions.run(() => {
      const importedAt = toStoredTime(this.#ctx.runtime.clock.now());
      this.#insertPack.run({
        id: input.id,
        bundleDigest: input.bundleDigest,
        signerKeyId: asBuffer(input.signerKeyId),
        sourceOrganization: input.sourceOrganization,
        document: input.document,
        frame: input.frame,
        importedAt,
      });
      input.cases.forEach((each, position) => {
        this.#insertCase.run({ packId: input.id, reference: each.reference, position, selection: each.selection, purposiveReason: each.purposiveReason, request: each.request, review: each.review, auditExcerpt: each.auditExcerpt });
        for (const decision of each.decisions) {
          this.#insertDecision.run({ packId: input.id, reference: each.reference, id: decision.id, bytes: asBuffer(decision.bytes), signature: decision.signature, sha256: decision.sha256, current: decision.current ? 1 : 0 });
        }
      });
      this.#audit.appendAudit({
        actor,
        action: "audit-pack.imported",
        objectId: input.id,
        details: { bundleDigest: input.bundleDigest, signerKeyId: asBuffer(input.signerKeyId).toString("hex"), frameHash: input.frameHash, cases: input.cases.length },
      });
    });
  }

  getPack(id: string): StoredAuditPack | undefined {
    const row = this.#selectPack.get(id);
    return row === undefined ? undefined : packOf(row);
  }

  packWithDigest(bundleDigest: string): StoredAuditPack | undefined {
    const row = this.#selectPackByDigest.get(bundleDigest);
    return row === undefined ? undefined : packOf(row);
  }

  listPacks(): StoredAuditPack[] {
    return this.#selectPacks.all().map(packOf);
  }

  casesOf(packId: string): StoredPackCase[] {
    return this.#selectCases.all(packId);
  }

  decisionsOf(packId: string): StoredPackDecision[] {
    return this.#selectDecisions.all(packId).map((row) => ({ ...row, bytes: toBytes(row.bytes), current: row.current === 1 }));
  }

  recordFinding(actor: Actor, input: FindingInput): StoredFinding {
    return this.#ctx.transactions.run(() => {
      const recordedAt = this.#ctx.runtime.clock.now();
      this.#upsertFinding.run({ ...input, recordedAt: toStoredTime(recordedAt) });
      this.#audit.appendAudit({
        actor,
        action: "auditor.finding-recorded",
        objectId: `${input.packId}:${input.reference}`,
        details: { verdict: input.verdict, deviationType: input.deviationType, recommendation: input.recommendation, withNote: input.note !== null },
      });
      return { ...input, recordedAt };
    });
  }

  findingsOf(packId: string): StoredFinding[] {
    return this.#selectFindings.all(packId).map((row) => ({ ...row, recordedAt: fromStoredTime(row.recordedAt) }));
  }
}

const packOf = (row: PackRow): StoredAuditPack => ({ ...row, signerKeyId: toBytes(row.signerKeyId), importedAt: fromStoredTime(row.importedAt) });
