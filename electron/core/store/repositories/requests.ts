// Requests: one row per stored revision of a document, grouped into cases by
// (authority id, document id) as sealed-bundle-v1 "Identity of a bundle" describes.
import { asBuffer, toBytes, toHex } from "../bytes.js";
import type { StoreContext } from "../context.js";
import { DuplicateBundleError, RevisionConflictError, StoreError } from "../errors.js";
import { fromNullableStoredTime, fromStoredTime, toNullableStoredTime, toStoredTime } from "../time.js";
import type { Actor } from "./actor.js";
import type { AuditLog } from "./audit.js";
import { searchTextOf } from "../search-text.js";
import { RequestIndexTables } from "./request-index.js";
import type { PendingEvidence } from "../evidence-writer.js";
import type { EvidenceRepository } from "./evidence.js";
import { CaseStatisticsTable } from "./case-statistics.js";

export interface AttachmentInput {
  /** Relative to the bag's data/, as the document lists it. */
  path: string;
  title: string;
  mediaType: string;
  /** Where its bytes start in the bundle's decrypted tar stream, and how many there are. */
  offset: number;
  size: number;
  /** SHA-256 (hex) of its bytes, as checked against the bag's manifest. */
  sha256: string;
}

export interface RequestRevisionInput {
  authorityId: string;
  documentId: string;
  revision: number;
  instrument: string;
  urgencyLevel: string;
  respondBy?: Date;
  submittedAt: Date;
  /** The verified data/request.json, exactly as received. */
  document: string;
  /** SHA-256 (hex) of tagmanifest-sha256.txt. */
  bundleDigest: string;
  /** SHA-256 (hex) of the sealed file as received. */
  sealedSha256: string;
  signerKeyId: Uint8Array;
  signerTrustedComment: string;
  sourceOrganization: string;
  /** bag-info's Bagging-Date, `YYYY-MM-DD`. */
  baggingDate: string;
  /** The sealed bundle as kept (EvidenceRepository.createWriter, finished); stored with the request. */
  evidence: PendingEvidence;
  attachments: readonly AttachmentInput[];
}

export interface RequestSummary {
  id: string;
  caseId: string;
  authorityId: string;
  documentId: string;
  revision: number;
  instrument: string;
  urgencyLevel: string;
  respondBy: Date | null;
  submittedAt: Date;
  receivedAt: Date;
  bundleDigest: string;
  sealedSha256: string;
  signerKeyId: Uint8Array;
  signerTrustedComment: string;
  sourceOrganization: string;
  baggingDate: string;
  status: string;
}

export interface StoredAttachment {
  id: string;
  position: number;
  path: string;
  title: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Where its bytes start in the kept bundle's decrypted tar stream. */
  offset: number;
}

export interface StoredRequest extends RequestSummary {
  document: string;
  attachments: StoredAttachment[];
}

interface SummaryRow extends Omit<RequestSummary, "respondBy" | "submittedAt" | "receivedAt" | "signerKeyId"> {
  respondBy: number | null;
  submittedAt: number;
  receivedAt: number;
  signerKeyId: Buffer;
}

const SUMMARY_COLUMNS = `r.id, r.case_id AS caseId, r.authority_id AS authorityId, r.document_id AS documentId,
  r.revision, r.instrument, r.urgency_level AS urgencyLevel, r.respond_by AS respondBy,
  r.submitted_at AS submittedAt, r.received_at AS receivedAt, r.bundle_digest AS bundleDigest,
  r.sealed_sha256 AS sealedSha256, r.signer_key_id AS signerKeyId, r.signer_trusted_comment AS signerTrustedComment,
  r.source_organization AS sourceOrganization, r.bagging_date AS baggingDate, r.status`;

export class RequestRepository {
  readonly #ctx: StoreContext;
  readonly #audit: AuditLog;
  readonly #byDigest;
  readonly #byRevision;
  readonly #latestRevision;
  readonly #byId;
  readonly #documentById;
  readonly #revisionsOfCase;
  readonly #allRevisions;
  readonly #attachmentsOf;
  readonly #caseFor;
  readonly #insertCase;
  readonly #insertRequest;
  readonly #insertAttachment;
  readonly #insertCategory;
  readonly #indexText;
  readonly #reviewIndex;
  readonly #evidence: EvidenceRepository;
  readonly #deleteRequestRows: readonly { run(id: string): unknown }[];
  readonly #unindexText;
  readonly #requestsOfCase;
  readonly #deleteCase;
  readonly #deleteRequest;
  readonly #unlinkGrievances;
  readonly #statistics;
  /** Words of revisions stored in the open transaction, indexed just before it commits. */
  readonly #pendingSearch = new Map<string, string>();

  constructor(ctx: StoreContext, audit: AuditLog, evidence: EvidenceRepository) {
    this.#ctx = ctx;
    this.#audit = audit;
    this.#reviewIndex = new RequestIndexTables(ctx);
    this.#evidence = evidence;
    const { db } = ctx;
    const summaries = (where: string): string => `SELECT ${SUMMARY_COLUMNS} FROM requests r ${where}`;
    this.#byDigest = db.prepare<[string], SummaryRow>(summaries("WHERE r.bundle_digest = ?"));
    this.#byRevision = db.prepare<[string, string, number], SummaryRow>(
      summaries("WHERE r.authority_id = ? AND r.document_id = ? AND r.revision = ?"),
    );
    this.#latestRevision = db.prepare<[string, string], SummaryRow>(
      summaries("WHERE r.authority_id = ? AND r.document_id = ? ORDER BY r.revision DESC LIMIT 1"),
    );
    this.#byId = db.prepare<[string], SummaryRow>(summaries("WHERE r.id = ?"));
    this.#documentById = db.prepare<[string], string>("SELECT document FROM requests WHERE id = ?").pluck();
    this.#revisionsOfCase = db.prepare<[string], SummaryRow>(summaries("WHERE r.case_id = ? ORDER BY r.revision"));
    this.#allRevisions = db.prepare<[number, number], SummaryRow>(
      summaries("ORDER BY r.received_at DESC, r.rowid DESC LIMIT ? OFFSET ?"),
    );
    this.#attachmentsOf = db.prepare<[string], StoredAttachment>(
      `SELECT id, position, path, title, media_type AS mediaType, size, sha256, tar_offset AS offset
         FROM attachments WHERE request_id = ? ORDER BY position`,
    );
    this.#caseFor = db.prepare<[string, string], string>(
      "SELECT id FROM cases WHERE authority_id = ? AND document_id = ?",
    ).pluck();
    this.#insertCase = db.prepare<[string, string, string, number]>(
      "INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES (?, ?, ?, ?)",
    );
    this.#insertRequest = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, respond_by,
                             submitted_at, received_at, document, bundle_digest, sealed_sha256, signer_key_id,
                             signer_trusted_comment, source_organization, bagging_date)
       VALUES (@id, @caseId, @authorityId, @documentId, @revision, @instrument, @urgencyLevel, @respondBy,
               @submittedAt, @receivedAt, @document, @bundleDigest, @sealedSha256, @signerKeyId,
               @signerTrustedComment, @sourceOrganization, @baggingDate)`,
    );
    this.#insertCategory = db.prepare<[string, string]>("INSERT OR IGNORE INTO request_categories (request_id, category) VALUES (?, ?)");
    this.#indexText = db.prepare<[string, string]>("INSERT INTO request_search (rowid, body) SELECT rowid, ? FROM requests WHERE id = ?");
    this.#insertAttachment = db.prepare<[Record<string, unknown>]>(
      `INSERT INTO attachments (id, request_id, position, path, title, media_type, tar_offset, size, sha256)
       VALUES (@id, @requestId, @position, @path, @title, @mediaType, @offset, @size, @sha256)`,
    );
    this.#unindexText = db.prepare<[string]>("DELETE FROM request_search WHERE rowid = (SELECT rowid FROM requests WHERE id = ?)");
    // Children first: each statement removes one request's rows from one table.
    const ofReview = (table: string) => db.prepare<[string]>(`DELETE FROM ${table} WHERE review_id IN (SELECT id FROM reviews WHERE request_id = ?)`);
    this.#deleteRequestRows = [
      db.prepare<[string]>("DELETE FROM attachments WHERE request_id = ?"),
      db.prepare<[string]>("DELETE FROM request_categories WHERE request_id = ?"),
      db.prepare<[string]>("DELETE FROM request_identifiers WHERE request_id = ?"),
      // The review goes with its request (newest revision first, so no later review still
      // names it as the one its answers came from).
      ...["review_independence", "review_answers", "review_findings", "review_scopes", "review_carried_over"].map(ofReview),
      db.prepare<[string]>("DELETE FROM reviews WHERE request_id = ?"),
      // Its decisions too, with the countersignatures they received (one statement each: a
      // superseding decision and the one it names go together).
      db.prepare<[string]>("DELETE FROM countersignatures WHERE decision_id IN (SELECT id FROM decisions WHERE request_id = ?)"),
      // The execution records of its decisions, then the decisions (one statement: a superseding
      // decision and the one it names go together).
      db.prepare<[string]>("DELETE FROM executions WHERE decision_id IN (SELECT id FROM decisions WHERE request_id = ?)"),
      db.prepare<[string]>("DELETE FROM decisions WHERE request_id = ?"),
    ];
    // A grievance about the case stays in the register (it is the office's record of a
    // complaint); only its link to the deleted case goes.
    this.#unlinkGrievances = db.prepare<[string]>("UPDATE grievances SET case_id = NULL WHERE case_id = ?");
    // The statistics keep counting a deleted case: its content-free facts stay (docs/statistics.md).
    this.#statistics = new CaseStatisticsTable(ctx);
    this.#requestsOfCase = db.prepare<[string], SummaryRow>(summaries("WHERE r.case_id = ? ORDER BY r.revision DESC"));
    this.#deleteCase = db.prepare<[string]>("DELETE FROM cases WHERE id = ?");
    this.#deleteRequest = db.prepare<[string]>("DELETE FROM requests WHERE id = ?");
  }

  /**
   * Stores one verified revision with its attachments, opening the case on its first revision
   * (later revisions join the same case). Refuses a digest already stored (DuplicateBundleError:
   * the import reports `duplicate`) and another digest under a stored (authority, document,
   * revision) (RevisionConflictError: `bundle-conflict`), before it writes anything. The import
   * turns these two errors into its outcomes.
   */
  insertRequestRevision(actor: Actor, input: RequestRevisionInput): StoredRequest {
    return this.#ctx.transactions.run(() => {
      if (this.#byDigest.get(input.bundleDigest) !== undefined) {
        throw new DuplicateBundleError(`Bundle ${input.bundleDigest} is already stored.`);
      }
      const clash = this.#byRevision.get(input.authorityId, input.documentId, input.revision);
      if (clash !== undefined) {
        throw new RevisionConflictError(
          `${input.authorityId}/${input.documentId}/${input.revision} is already stored from bundle ${clash.bundleDigest}.`,
          clash.bundleDigest,
        );
      }
      const { runtime } = this.#ctx;
      const now = toStoredTime(runtime.clock.now());
      let caseId = this.#caseFor.get(input.authorityId, input.documentId);
      const newCase = caseId === undefined;
      if (caseId === undefined) {
        caseId = runtime.ids.newId();
        this.#insertCase.run(caseId, input.authorityId, input.documentId, now);
      }
      const id = runtime.ids.newId();
      this.#insertRequest.run({
        id,
        caseId,
        authorityId: input.authorityId,
        documentId: input.documentId,
        revision: input.revision,
        instrument: input.instrument,
        urgencyLevel: input.urgencyLevel,
        respondBy: toNullableStoredTime(input.respondBy),
        submittedAt: toStoredTime(input.submittedAt),
        receivedAt: now,
        document: input.document,
        bundleDigest: input.bundleDigest,
        sealedSha256: input.sealedSha256,
        signerKeyId: asBuffer(input.signerKeyId),
        signerTrustedComment: input.signerTrustedComment,
        sourceOrganization: input.sourceOrganization,
        baggingDate: input.baggingDate,
      });
      this.#indexForInbox(id, input.document);
      this.#reviewIndex.indexNewRevision(id, input.document);
      const supersededRevisions = this.#reviewIndex.supersedeFor(id, caseId, input.revision, now);
      if (input.evidence.sealed.sha256 !== input.sealedSha256) {
        throw new StoreError(`Request ${id}: its sealed SHA-256 differs from the kept bundle's (${input.evidence.sealed.sha256}).`);
      }
      this.#evidence.keep(id, input.evidence);
      input.attachments.forEach((attachment, position) => {
        if (attachment.offset + attachment.size > input.evidence.plaintextSize) {
          throw new StoreError(`Attachment ${attachment.path} lies outside its bundle's ${input.evidence.plaintextSize} bytes of tar stream.`);
        }
        this.#insertAttachment.run({
          id: runtime.ids.newId(),
          requestId: id,
          position,
          path: attachment.path,
          title: attachment.title,
          mediaType: attachment.mediaType,
          offset: attachment.offset,
          size: attachment.size,
          sha256: attachment.sha256,
        });
      });
      this.#statistics.refreshCase(caseId);
      const stored = this.#getById(id);
      this.#audit.appendAudit({
        actor,
        action: "request.stored",
        objectId: id,
        details: {
          caseId,
          newCase,
          authorityId: input.authorityId,
          documentId: input.documentId,
          revision: input.revision,
          bundleDigest: input.bundleDigest,
          sealedSha256: input.sealedSha256,
          signerKeyId: toHex(input.signerKeyId),
          attachments: stored.attachments.map((a) => ({ path: a.path, size: a.size, sha256: a.sha256 })),
          ...(supersededRevisions.length > 0 && { supersededRevisions }),
        },
      });
      return stored;
    });
  }

  /**
   * Deletes a case: every stored revision with its kept bundle (rows now, files once the
   * deletion commits), its inbox rows and search words, and the case itself. The connection's
   * secure_delete overwrites the freed pages. Each revision leaves a content-free audit row.
   * Returns the deleted revisions, newest first.
   */
  deleteCase(actor: Actor, caseId: string): RequestSummary[] {
    return this.#ctx.transactions.run(() => {
      const revisions = this.#requestsOfCase.all(caseId).map(toSummary);
      if (revisions.length === 0) throw new StoreError(`Case ${caseId} holds no stored request.`);
      this.#statistics.keepDeleted(caseId, toStoredTime(this.#ctx.runtime.clock.now()));
      revisions.forEach((revision, index) => {
        for (const statement of this.#deleteRequestRows) statement.run(revision.id);
        this.#evidence.remove(revision.id);
        this.#unindexText.run(revision.id);
        this.#deleteRequest.run(revision.id);
        if (index === revisions.length - 1) {
          this.#unlinkGrievances.run(caseId);
          this.#deleteCase.run(caseId);
        }
        this.#audit.appendAudit({
          actor,
          action: "request.deleted",
          objectId: revision.id,
          details: {
            caseId,
            revision: revision.revision,
            bundleDigest: revision.bundleDigest,
            sealedSha256: revision.sealedSha256,
            caseDeleted: index === revisions.length - 1,
          },
        });
      });
      return revisions;
    });
  }

  /**
   * The inbox's view of a new revision: its data categories as rows, its words in the search
   * index. The words go in once per transaction, just before it commits: FTS5 writes a segment
   * of its index at every savepoint, and an import makes two per bundle. A revision rolled back
   * before then is never indexed.
   */
  #indexForInbox(id: string, documentText: string): void {
    const document = JSON.parse(documentText) as { dataCategories?: unknown };
    const categories = Array.isArray(document.dataCategories) ? document.dataCategories : [];
    for (const category of categories) if (typeof category === "string") this.#insertCategory.run(id, category);
    const { transactions } = this.#ctx;
    if (this.#pendingSearch.size === 0) transactions.beforeCommit(() => this.#flushSearchIndex());
    this.#pendingSearch.set(id, searchTextOf(document));
    transactions.afterRollback(() => this.#pendingSearch.delete(id));
  }

  #flushSearchIndex(): void {
    const pending = [...this.#pendingSearch];
    this.#pendingSearch.clear();
    for (const [id, text] of pending) this.#indexText.run(text, id);
  }

  /** Every stored revision of every case, most recently received first. */
  listAllRevisions(page: { limit: number; offset: number }): RequestSummary[] {
    assertPage(page);
    return this.#allRevisions.all(page.limit, page.offset).map(toSummary);
  }

  /** A revision with its document and attachments; the latest revision when `revision` is omitted. */
  getRequest(authorityId: string, documentId: string, revision?: number): StoredRequest | undefined {
    const row =
      revision === undefined
        ? this.#latestRevision.get(authorityId, documentId)
        : this.#byRevision.get(authorityId, documentId, revision);
    return row === undefined ? undefined : this.#getById(row.id);
  }

  /** Every stored revision of a case, oldest first. */
  listRevisions(caseId: string): RequestSummary[] {
    return this.#revisionsOfCase.all(caseId).map(toSummary);
  }

  #getById(id: string): StoredRequest {
    const row = this.#byId.get(id);
    const document = this.#documentById.get(id);
    if (row === undefined || document === undefined) throw new StoreError(`Request ${id} vanished while being read.`);
    return { ...toSummary(row), document, attachments: this.#attachmentsOf.all(id) };
  }
}

function assertPage(page: { limit: number; offset: number }): void {
  if (!Number.isSafeInteger(page.limit) || page.limit < 0 || !Number.isSafeInteger(page.offset) || page.offset < 0) {
    throw new StoreError(`listAllRevisions needs a non-negative integer limit and offset (got ${page.limit}, ${page.offset}).`);
  }
}

const toSummary = (row: SummaryRow): RequestSummary => ({
  ...row,
  respondBy: fromNullableStoredTime(row.respondBy),
  submittedAt: fromStoredTime(row.submittedAt),
  receivedAt: fromStoredTime(row.receivedAt),
  signerKeyId: toBytes(row.signerKeyId),
});
