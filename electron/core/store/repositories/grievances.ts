// The grievance register and the office's signed responses. A grievance is stored as its
// canonical document with the facts the register sorts and links on (received, deadline, the
// case it names); a response as exactly the bytes that were signed, with their signature.
import type { GrievanceOutcome } from "../../../../shared/vocabulary/grievance-outcomes.js";
import type { ComplainantKind, GrievanceGround, GrievanceRemedy } from "../../../../shared/vocabulary/grievance-vocabulary.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import { fromStoredTime, toStoredTime } from "../time.js";
import { toHex } from "../bytes.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";

export interface GrievanceInput {
  id: string;
  /** The counterseal.grievance/1 document, already checked, as canonical JSON. */
  documentJson: string;
  source: "letter" | "bundle";
  received: string;
  respondBy: Date;
  /** The stored case the grievance names, when there is one. */
  caseId: string | null;
  /** The keyring authority a sealed response goes to, when the complainant is in the keyring. */
  replyAuthorityId: string | null;
  /** A grievance imported as a bundle: the keyring key that signed it, and the bundle's digest. */
  signerKeyId: Uint8Array | null;
  bundleDigest: string | null;
  /** For the audit row: the vocabulary words, never the complainant's name or words. */
  complainantKind: ComplainantKind;
  grounds: readonly GrievanceGround[];
}

export interface StoredGrievanceResponse {
  id: string;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  outcome: GrievanceOutcome;
  respondedAt: Date;
}

export interface StoredGrievance {
  id: string;
  documentJson: string;
  source: "letter" | "bundle";
  received: string;
  respondBy: Date;
  caseId: string | null;
  replyAuthorityId: string | null;
  signerKeyId: Uint8Array | null;
  bundleDigest: string | null;
  registeredAt: Date;
  response: StoredGrievanceResponse | null;
}

export interface GrievanceResponseInput {
  id: string;
  grievanceId: string;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  outcome: GrievanceOutcome;
  remedies: readonly GrievanceRemedy[];
  respondedAt: Date;
}

interface GrievanceRow {
  id: string;
  document: string;
  source: "letter" | "bundle";
  received: string;
  respondBy: number;
  caseId: string | null;
  replyAuthorityId: string | null;
  signerKeyId: Buffer | null;
  bundleDigest: string | null;
  registeredAt: number;
  responseId: string | null;
  responseDocument: Buffer | null;
  signature: string | null;
  sha256: string | null;
  outcome: GrievanceOutcome | null;
  respondedAt: number | null;
}

const SELECT = `
  SELECT g.id, g.document, g.source, g.received, g.respond_by AS respondBy, g.case_id AS caseId,
         g.reply_authority_id AS replyAuthorityId, g.signer_key_id AS signerKeyId, g.bundle_digest AS bundleDigest, g.registered_at AS registeredAt,
         r.id AS responseId, r.document AS responseDocument, r.signature, r.sha256, r.outcome, r.responded_at AS respondedAt
    FROM grievances g LEFT JOIN grievance_responses r ON r.grievance_id = g.id`;

/** registerGrievance with an id the register already holds. */
export class GrievanceIdTakenError extends StoreError {
  override name = "GrievanceIdTakenError";
  override readonly code = "grievance-exists";
}

/** respondToGrievance for a grievance that has its response, or with a response id in use. */
export class GrievanceAnsweredError extends StoreError {
  override name = "GrievanceAnsweredError";
  override readonly code = "grievance-answered";
}

export class GrievanceRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #selectOne;
  readonly #selectAll;
  readonly #selectByCase;
  readonly #selectCase;
  readonly #selectResponseId;
  readonly #insert;
  readonly #insertResponse;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    const { db } = ctx;
    this.#selectOne = db.prepare<[string], GrievanceRow>(`${SELECT} WHERE g.id = ?`);
    this.#selectAll = db.prepare<[], GrievanceRow>(`${SELECT} ORDER BY g.respond_by, g.id`);
    this.#selectByCase = db.prepare<[string], GrievanceRow>(`${SELECT} WHERE g.case_id = ? ORDER BY g.received, g.id`);
    this.#selectCase = db.prepare<[string, string], string>("SELECT id FROM cases WHERE authority_id = ? AND document_id = ?").pluck();
    this.#selectResponseId = db.prepare<[string], string>("SELECT id FROM grievance_responses WHERE id = ?").pluck();
    this.#insert = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO grievances (id, document, source, received, respond_by, case_id, reply_authority_id, signer_key_id, bundle_digest, registered_at)
       VALUES (@id, @document, @source, @received, @respondBy, @caseId, @replyAuthorityId, @signerKeyId, @bundleDigest, @now)`,
    );
    this.#insertResponse = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO grievance_responses (id, grievance_id, document, signature, sha256, outcome, responded_at)
       VALUES (@id, @grievanceId, @document, @signature, @sha256, @outcome, @respondedAt)`,
    );
  }

  /** The case id of a stored request's (authority, document id), if the store has it. */
  findCaseId(authorityId: string, documentId: string): string | undefined {
    return this.#selectCase.get(authorityId, documentId);
  }

  registerGrievance(actor: Actor, input: GrievanceInput): StoredGrievance {
    return this.#ctx.transactions.run(() => {
      if (this.#selectOne.get(input.id) !== undefined) throw new GrievanceIdTakenError(`The register already holds a grievance ${input.id}; it was left as it was.`);
      this.#insert.run({
        id: input.id,
        document: input.documentJson,
        source: input.source,
        received: input.received,
        respondBy: toStoredTime(input.respondBy),
        caseId: input.caseId,
        replyAuthorityId: input.replyAuthorityId,
        signerKeyId: input.signerKeyId === null ? null : Buffer.from(input.signerKeyId),
        bundleDigest: input.bundleDigest,
        now: toStoredTime(this.#ctx.runtime.clock.now()),
      });
      this.#audit.appendAudit({
        actor,
        action: "grievance.registered",
        objectId: input.id,
        details: {
          source: input.source,
          complainantKind: input.complainantKind,
          grounds: [...input.grounds],
          received: input.received,
          respondBy: toStoredTime(input.respondBy),
          caseId: input.caseId,
          ...(input.signerKeyId !== null && { signerKeyId: toHex(input.signerKeyId) }),
        },
      });
      return this.#mustGet(input.id);
    });
  }

  recordResponse(actor: Actor, input: GrievanceResponseInput): StoredGrievance {
    return this.#ctx.transactions.run(() => {
      const grievance = this.#mustGet(input.grievanceId);
      if (grievance.response !== null) {
        throw new GrievanceAnsweredError(`Grievance ${input.grievanceId} was answered by ${grievance.response.id}; a signed response is never replaced.`);
      }
      if (this.#selectResponseId.get(input.id) !== undefined) throw new GrievanceAnsweredError(`The id ${input.id} is already a response's.`);
      this.#insertResponse.run({
        id: input.id,
        grievanceId: input.grievanceId,
        document: Buffer.from(input.bytes),
        signature: input.signature,
        sha256: input.sha256,
        outcome: input.outcome,
        respondedAt: toStoredTime(input.respondedAt),
      });
      this.#audit.appendAudit({
        actor,
        action: "grievance.responded",
        objectId: input.grievanceId,
        details: { responseId: input.id, outcome: input.outcome, remedies: [...input.remedies], sha256: input.sha256 },
      });
      return this.#mustGet(input.grievanceId);
    });
  }

  getGrievance(id: string): StoredGrievance | undefined {
    const row = this.#selectOne.get(id);
    return row === undefined ? undefined : toGrievance(row);
  }

  /** Every grievance, soonest deadline first. */
  listGrievances(): StoredGrievance[] {
    return this.#selectAll.all().map(toGrievance);
  }

  /** The grievances about one stored case, oldest first. */
  grievancesOfCase(caseId: string): StoredGrievance[] {
    return this.#selectByCase.all(caseId).map(toGrievance);
  }

  #mustGet(id: string): StoredGrievance {
    const row = this.#selectOne.get(id);
    if (row === undefined) throw new StoreError(`grievance ${id} vanished inside its own transaction`);
    return toGrievance(row);
  }
}

function toGrievance(row: GrievanceRow): StoredGrievance {
  return {
    id: row.id,
    documentJson: row.document,
    source: row.source,
    received: row.received,
    respondBy: fromStoredTime(row.respondBy),
    caseId: row.caseId,
    replyAuthorityId: row.replyAuthorityId,
    signerKeyId: row.signerKeyId === null ? null : new Uint8Array(row.signerKeyId),
    bundleDigest: row.bundleDigest,
    registeredAt: fromStoredTime(row.registeredAt),
    response: responseOf(row),
  };
}

/** The joined response columns: all set (the grievance is answered) or all null. */
function responseOf(row: GrievanceRow): StoredGrievanceResponse | null {
  const { responseId, responseDocument, signature, sha256, outcome, respondedAt } = row;
  if (responseId === null || responseDocument === null || signature === null || sha256 === null || outcome === null || respondedAt === null) return null;
  return { id: responseId, bytes: new Uint8Array(responseDocument), signature, sha256, outcome, respondedAt: fromStoredTime(respondedAt) };
}
