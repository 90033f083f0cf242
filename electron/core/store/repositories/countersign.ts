// Four eyes between two stores (migration 007). On the colleague's side, a countersignature
// request: another reviewer's decision kept read-only with the review it rests on, and this
// store's answer to it (signed once, never replaced). On the deciding side, the countersignatures
// that came back for its own decisions. Each write is one transaction with its audit row.
import type { CountersignatureVerdict } from "../../../../shared/vocabulary/countersignature-verdicts.js";
import type { DecisionStatusName } from "../../../../shared/api/decisions.js";
import { asBuffer, toBytes, toHex } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { StoreError } from "../errors.js";
import { fromNullableStoredTime, fromStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";
import { CaseStatisticsTable } from "./case-statistics.js";

export interface CountersignRequestInput {
  decisionId: string;
  fromKeyId: Uint8Array;
  /** The counterseal.countersignature-request/1 document as received. */
  documentJson: string;
  decisionBytes: Uint8Array;
  decisionSignature: string;
  decisionSha256: string;
  bundleDigest: string;
}

export interface CountersignAnswer {
  id: string;
  verdict: CountersignatureVerdict;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  answeredAt: Date;
}

export interface StoredCountersignRequest {
  decisionId: string;
  fromKeyId: Uint8Array;
  documentJson: string;
  decisionBytes: Uint8Array;
  decisionSignature: string;
  decisionSha256: string;
  bundleDigest: string;
  receivedAt: Date;
  answer: CountersignAnswer | null;
}

export interface CountersignatureInput {
  id: string;
  decisionId: string;
  verdict: CountersignatureVerdict;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  signerKeyId: Uint8Array;
  bundleDigest: string;
  /** For the audit row: the decision's status once this one is counted. */
  status: DecisionStatusName;
}

export interface StoredCountersignature {
  id: string;
  decisionId: string;
  verdict: CountersignatureVerdict;
  bytes: Uint8Array;
  signature: string;
  sha256: string;
  signerKeyId: Uint8Array;
  bundleDigest: string;
  receivedAt: Date;
}

interface RequestRow {
  decisionId: string;
  fromKeyId: Buffer;
  document: string;
  decision: Buffer;
  decisionSignature: string;
  decisionSha256: string;
  bundleDigest: string;
  receivedAt: number;
  answerId: string | null;
  answerVerdict: CountersignatureVerdict | null;
  answerDocument: Buffer | null;
  answerSignature: string | null;
  answerSha256: string | null;
  answeredAt: number | null;
}

interface CountersignatureRow {
  id: string;
  decisionId: string;
  verdict: CountersignatureVerdict;
  document: Buffer;
  signature: string;
  sha256: string;
  signerKeyId: Buffer;
  bundleDigest: string;
  receivedAt: number;
}

const SELECT_REQUESTS = `
  SELECT decision_id AS decisionId, from_key_id AS fromKeyId, document, decision, decision_signature AS decisionSignature,
         decision_sha256 AS decisionSha256, bundle_digest AS bundleDigest, received_at AS receivedAt, answer_id AS answerId,
         answer_verdict AS answerVerdict, answer_document AS answerDocument, answer_signature AS answerSignature,
         answer_sha256 AS answerSha256, answered_at AS answeredAt
    FROM countersign_requests`;

const SELECT_COUNTERSIGNATURES = `
  SELECT id, decision_id AS decisionId, verdict, document, signature, sha256, signer_key_id AS signerKeyId,
         bundle_digest AS bundleDigest, received_at AS receivedAt
    FROM countersignatures`;

/** An answer to a countersignature request that has one, or an id already used. */
export class CountersignAnsweredError extends StoreError {
  override name = "CountersignAnsweredError";
  override readonly code = "countersign-answered";
}

export class CountersignRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #selectRequest;
  readonly #selectRequests;
  readonly #selectAnswerId;
  readonly #insertRequest;
  readonly #answer;
  readonly #selectCountersignature;
  readonly #selectCountersignatures;
  readonly #insertCountersignature;
  readonly #statistics;

  constructor(ctx: StoreContext, audit: AuditLog) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#statistics = new CaseStatisticsTable(ctx);
    const { db } = ctx;
    this.#selectRequest = db.prepare<[string], RequestRow>(`${SELECT_REQUESTS} WHERE decision_id = ?`);
    this.#selectRequests = db.prepare<[], RequestRow>(`${SELECT_REQUESTS} ORDER BY received_at DESC, rowid DESC`);
    this.#selectAnswerId = db.prepare<[string], string>("SELECT decision_id FROM countersign_requests WHERE answer_id = ?").pluck();
    this.#insertRequest = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO countersign_requests (decision_id, from_key_id, document, decision, decision_signature, decision_sha256, bundle_digest, received_at)
       VALUES (@decisionId, @fromKeyId, @document, @decision, @decisionSignature, @decisionSha256, @bundleDigest, @now)`,
    );
    this.#answer = db.prepare<[Record<string, unknown>]>(
      `UPDATE countersign_requests SET answer_id = @id, answer_verdict = @verdict, answer_document = @document, answer_signature = @signature,
              answer_sha256 = @sha256, answered_at = @answeredAt
        WHERE decision_id = @decisionId AND answer_id IS NULL`,
    );
    this.#selectCountersignature = db.prepare<[string], CountersignatureRow>(`${SELECT_COUNTERSIGNATURES} WHERE id = ?`);
    this.#selectCountersignatures = db.prepare<[string], CountersignatureRow>(`${SELECT_COUNTERSIGNATURES} WHERE decision_id = ? ORDER BY received_at, rowid`);
    this.#insertCountersignature = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO countersignatures (id, decision_id, verdict, document, signature, sha256, signer_key_id, bundle_digest, received_at)
       VALUES (@id, @decisionId, @verdict, @document, @signature, @sha256, @signerKeyId, @bundleDigest, @now)`,
    );
  }

  /** Keeps a colleague's decision sent for countersignature (the import has checked it). */
  recordRequest(actor: Actor, input: CountersignRequestInput): StoredCountersignRequest {
    return this.#ctx.transactions.run(() => {
      this.#insertRequest.run({
        decisionId: input.decisionId,
        fromKeyId: asBuffer(input.fromKeyId),
        document: input.documentJson,
        decision: Buffer.from(input.decisionBytes),
        decisionSignature: input.decisionSignature,
        decisionSha256: input.decisionSha256,
        bundleDigest: input.bundleDigest,
        now: toStoredTime(this.#ctx.runtime.clock.now()),
      });
      this.#audit.appendAudit({
        actor,
        action: "countersignature.request-received",
        objectId: input.decisionId,
        details: { fromKeyId: toHex(input.fromKeyId), decisionSha256: input.decisionSha256, bundleDigest: input.bundleDigest },
      });
      return this.#mustGetRequest(input.decisionId);
    });
  }

  getRequest(decisionId: string): StoredCountersignRequest | undefined {
    const row = this.#selectRequest.get(decisionId);
    return row === undefined ? undefined : toRequest(row);
  }

  /** Every request received, newest first. */
  listRequests(): StoredCountersignRequest[] {
    return this.#selectRequests.all().map(toRequest);
  }

  /** Records this store's signed answer to a request; once only. */
  recordAnswer(actor: Actor, decisionId: string, answer: CountersignAnswer, sealedTo: string): StoredCountersignRequest {
    return this.#ctx.transactions.run(() => {
      const request = this.#mustGetRequest(decisionId);
      if (request.answer !== null) throw new CountersignAnsweredError(`Decision ${decisionId} was answered by ${request.answer.id} (${request.answer.verdict}); an answer is never replaced.`);
      const taken = this.#selectAnswerId.get(answer.id);
      if (taken !== undefined) throw new CountersignAnsweredError(`The id ${answer.id} is already the answer to decision ${taken}; choose another id.`);
      this.#answer.run({
        decisionId,
        id: answer.id,
        verdict: answer.verdict,
        document: Buffer.from(answer.bytes),
        signature: answer.signature,
        sha256: answer.sha256,
        answeredAt: toStoredTime(answer.answeredAt),
      });
      this.#audit.appendAudit({
        actor,
        action: "countersignature.given",
        objectId: answer.id,
        details: { decisionId, decisionSha256: request.decisionSha256, verdict: answer.verdict, sha256: answer.sha256, sealedTo },
      });
      return this.#mustGetRequest(decisionId);
    });
  }

  /** Stores a countersignature of one of this store's decisions, as the import checked it. */
  recordCountersignature(actor: Actor, input: CountersignatureInput): StoredCountersignature {
    return this.#ctx.transactions.run(() => {
      this.#insertCountersignature.run({
        id: input.id,
        decisionId: input.decisionId,
        verdict: input.verdict,
        document: Buffer.from(input.bytes),
        signature: input.signature,
        sha256: input.sha256,
        signerKeyId: asBuffer(input.signerKeyId),
        bundleDigest: input.bundleDigest,
        now: toStoredTime(this.#ctx.runtime.clock.now()),
      });
      this.#audit.appendAudit({
        actor,
        action: "countersignature.received",
        objectId: input.id,
        details: { decisionId: input.decisionId, verdict: input.verdict, sha256: input.sha256, signerKeyId: toHex(input.signerKeyId), status: input.status },
      });
      // A countersignature can make the decision final: the case's statistics move with it.
      this.#statistics.refreshForDecision(input.decisionId);
      const stored = this.getCountersignature(input.id);
      if (stored === undefined) throw new StoreError(`countersignature ${input.id} vanished inside its own transaction`);
      return stored;
    });
  }

  getCountersignature(id: string): StoredCountersignature | undefined {
    const row = this.#selectCountersignature.get(id);
    return row === undefined ? undefined : toCountersignature(row);
  }

  /** The countersignatures received for one decision, oldest first. */
  countersignaturesOf(decisionId: string): StoredCountersignature[] {
    return this.#selectCountersignatures.all(decisionId).map(toCountersignature);
  }

  #mustGetRequest(decisionId: string): StoredCountersignRequest {
    const stored = this.getRequest(decisionId);
    if (stored === undefined) throw new StoreError(`countersignature request ${decisionId} vanished inside its own transaction`);
    return stored;
  }
}

function toRequest(row: RequestRow): StoredCountersignRequest {
  const answeredAt = fromNullableStoredTime(row.answeredAt);
  const { answerId, answerVerdict, answerDocument, answerSignature, answerSha256 } = row;
  const answer =
    answerId === null || answerVerdict === null || answerDocument === null || answerSignature === null || answerSha256 === null || answeredAt === null
      ? null
      : { id: answerId, verdict: answerVerdict, bytes: new Uint8Array(answerDocument), signature: answerSignature, sha256: answerSha256, answeredAt };
  return {
    decisionId: row.decisionId,
    fromKeyId: toBytes(row.fromKeyId),
    documentJson: row.document,
    decisionBytes: new Uint8Array(row.decision),
    decisionSignature: row.decisionSignature,
    decisionSha256: row.decisionSha256,
    bundleDigest: row.bundleDigest,
    receivedAt: fromStoredTime(row.receivedAt),
    answer,
  };
}

const toCountersignature = (row: CountersignatureRow): StoredCountersignature => ({
  id: row.id,
  decisionId: row.decisionId,
  verdict: row.verdict,
  bytes: new Uint8Array(row.document),
  signature: row.signature,
  sha256: row.sha256,
  signerKeyId: toBytes(row.signerKeyId),
  bundleDigest: row.bundleDigest,
  receivedAt: fromStoredTime(row.receivedAt),
});
