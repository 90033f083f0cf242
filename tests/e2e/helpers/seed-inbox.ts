// Fills a store's inbox with many request revisions fast: a few bundles are imported for real,
// then each is copied as a new case and revision with raw SQL (sealing and importing 100,000
// bundles would take an hour). Copies keep every rule the importer keeps: a case row per document,
// the signer key of the same authority (foreign keys), a unique bundle digest, the document's own
// id rewritten inside its JSON, its data categories in request_categories, its words in the
// request_search index under the request's rowid, and its next deadline (the same document runs
// the same clocks). Attachments are not copied: the templates have
// none. The audit log is left alone: this is test data, not a reviewer's action.
import { createHash } from "node:crypto";
import { setJournalMode } from "../../../electron/core/store/cipher.js";
import { configureConnection, openKeyedConnection } from "../../../electron/core/store/connection.js";
import { storeFile } from "../../../electron/core/store/index.js";
import { foldForSearch } from "../../../electron/core/store/search-text.js";

interface TemplateRow {
  rowid: number;
  authority_id: string;
  document_id: string;
  instrument: string;
  urgency_level: string;
  respond_by: number | null;
  submitted_at: number;
  received_at: number;
  document: string;
  signer_key_id: Buffer;
  signer_trusted_comment: string;
  source_organization: string;
  bagging_date: string;
  status: string;
  next_due_at: number | null;
  next_due_kind: string | null;
}

export interface SeedResult {
  /** Rows in requests after seeding. */
  total: number;
  /** Document ids of the copies, in the order they were made (copy i from template i % n). */
  copyId: (index: number) => string;
  copies: number;
  /** How many rows (templates included) came from each template document id. */
  perTemplate: Map<string, number>;
  ms: number;
}

export const seedDocumentId = (index: number): string => `SEED-${String(index).padStart(6, "0")}`;

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * Copies the store's existing requests until it holds `total` of them. Each copy is received one
 * minute before the previous one, all before the templates, so in the inbox's default order
 * (newest first) the copies follow the templates and the last copy is the last row.
 */
export function seedInbox(storeDir: string, passphrase: string, total: number): SeedResult {
  const started = performance.now();
  const db = openKeyedConnection(storeFile(storeDir), passphrase);
  try {
    configureConnection(db);
    // One big transaction: enough page cache to hold it, and the rollback journal instead of the
    // WAL, so each new page is encrypted and written once rather than twice (WAL, then checkpoint).
    db.pragma("cache_size = -400000");
    setJournalMode(db, "delete");
    const templates = db.prepare<[], TemplateRow>("SELECT rowid, * FROM requests ORDER BY rowid").all();
    if (templates.length === 0) throw new Error("seedInbox needs at least one imported request to copy");
    const categoriesOf = db.prepare<[number], string>("SELECT category FROM request_categories c JOIN requests r ON r.id = c.request_id WHERE r.rowid = ?").pluck();
    const bodyOf = db.prepare<[number], string>("SELECT body FROM request_search WHERE rowid = ?").pluck();
    const prepared = templates.map((row) => ({
      row,
      categories: categoriesOf.all(row.rowid),
      body: bodyOf.get(row.rowid) ?? "",
      idJson: `"id":${JSON.stringify(row.document_id)}`,
      foldedId: foldForSearch(row.document_id),
    }));
    const oldest = Math.min(...templates.map((row) => row.received_at));
    const insertCase = db.prepare<[string, string, string, number]>("INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES (?, ?, ?, ?)");
    const insertRequest = db.prepare(
      `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, respond_by, submitted_at,
                             received_at, document, bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment,
                             source_organization, bagging_date, status, next_due_at, next_due_kind)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCategory = db.prepare<[string, string]>("INSERT INTO request_categories (request_id, category) VALUES (?, ?)");
    const insertSearch = db.prepare<[number | bigint, string]>("INSERT INTO request_search (rowid, body) VALUES (?, ?)");
    const copies = total - templates.length;
    const perTemplate = new Map(templates.map((row) => [row.document_id, 1]));

    db.transaction(() => {
      for (let index = 0; index < copies; index++) {
        const template = prepared[index % prepared.length];
        if (template === undefined) throw new Error("unreachable: no template");
        const { row } = template;
        const documentId = seedDocumentId(index);
        const requestId = `seed-request-${index}`;
        const caseId = `seed-case-${index}`;
        const receivedAt = oldest - (index + 1) * 60_000;
        // The document id appears once as "id": the authorities' ids are other values.
        const document = row.document.replace(template.idJson, `"id":${JSON.stringify(documentId)}`);
        if (document === row.document) throw new Error(`template ${row.document_id}: its "id" was not found in the document JSON`);
        insertCase.run(caseId, row.authority_id, documentId, receivedAt);
        const inserted = insertRequest.run(
          requestId,
          caseId,
          row.authority_id,
          documentId,
          row.instrument,
          row.urgency_level,
          row.respond_by,
          row.submitted_at,
          receivedAt,
          document,
          sha256(`bundle:${documentId}`),
          sha256(`sealed:${documentId}`),
          row.signer_key_id,
          row.signer_trusted_comment,
          row.source_organization,
          row.bagging_date,
          row.status,
          row.next_due_at,
          row.next_due_kind,
        );
        for (const category of template.categories) insertCategory.run(requestId, category);
        insertSearch.run(inserted.lastInsertRowid, template.body.replace(template.foldedId, foldForSearch(documentId)));
        perTemplate.set(row.document_id, (perTemplate.get(row.document_id) ?? 0) + 1);
      }
    })();

    // The copies must be as consistent as imported rows: no dangling reference, an index entry
    // (and a category set) for every request, and an FTS index that checks.
    setJournalMode(db, "wal");
    const dangling = db.prepare("PRAGMA foreign_key_check").all();
    if (dangling.length > 0) throw new Error(`seeding left foreign-key violations: ${JSON.stringify(dangling.slice(0, 3))}`);
    const count = (sql: string): number => Number(db.prepare(sql).pluck().get());
    const stored = count("SELECT count(*) FROM requests");
    const indexed = count("SELECT count(*) FROM request_search");
    const categorised = count("SELECT count(DISTINCT request_id) FROM request_categories");
    if (stored !== total || indexed !== total || categorised !== total) {
      throw new Error(`after seeding: ${stored} requests, ${indexed} search rows, ${categorised} categorised (wanted ${total} each)`);
    }
    db.exec("INSERT INTO request_search (request_search) VALUES ('integrity-check')");
    return { total: stored, copyId: seedDocumentId, copies, perTemplate, ms: performance.now() - started };
  } finally {
    db.close();
  }
}
