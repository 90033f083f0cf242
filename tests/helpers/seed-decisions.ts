// Fills a store with many decided cases fast, for the report's benchmark and its scale test: a
// few cases are imported, reviewed, decided and executed for real, then each is copied as a new
// case with raw SQL (importing and deciding 100,000 requests would take hours). A copy keeps the
// store's rules (foreign keys, a unique bundle digest, its document id rewritten inside the JSON,
// its data categories and search words, its decision and execution record) and varies what the
// report counts (case_statistics refreshed for every case at the end): the provider (one of PROVIDERS), every tenth an emergency, receipt spread over
// 2026, decision and production some hours later. A copied decision keeps its template's signed
// bytes: copies are statistics data, never verified as documents. The audit log is left alone.
import { createHash } from "node:crypto";
import { setJournalMode } from "../../electron/core/store/cipher.js";
import { configureConnection, openKeyedConnection } from "../../electron/core/store/connection.js";
import { storeFile } from "../../electron/core/store/index.js";
import { searchTextOf } from "../../electron/core/store/search-text.js";
import { refreshAllCaseStatisticsSql } from "../../electron/core/store/statistics-facts.js";

export const SEED_PROVIDERS = ["Northwind Mail Ltd", "Contoso Cloud", "Fabrikam Telecom", "Tailspin Social", "Adatum Hosting", "Litware Messaging", "Proseware Mobile", "Woodgrove Payments"] as const;

const HOUR = 3_600_000;
const YEAR_2026 = Date.UTC(2026, 0, 1);
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

interface Template {
  rowid: number;
  id: string;
  authority_id: string;
  instrument: string;
  document: string;
  signer_key_id: Buffer;
  signer_trusted_comment: string;
  source_organization: string;
  bagging_date: string;
  status: string;
  decision_outcome: string | null;
  decision_document: Buffer | null;
  decision_signature: string | null;
  decision_sha256: string | null;
  countersignatures_required: number | null;
  execution_outcome: string | null;
  execution_ground: string | null;
  execution_produced_at: number | null;
}

export interface SeededCopy {
  provider: string;
  emergency: boolean;
  receivedAt: number;
  decidedAt: number;
  producedAt: number | null;
}

/** What copy `index` of a template gets: deterministic, so a test can count it. */
export function seededCopy(index: number, copies: number): SeededCopy {
  const receivedAt = YEAR_2026 + Math.floor((index * 364 * 24 * HOUR) / Math.max(copies, 1));
  return {
    provider: SEED_PROVIDERS[index % SEED_PROVIDERS.length] ?? "Northwind Mail Ltd",
    emergency: index % 10 === 0,
    receivedAt,
    decidedAt: receivedAt + (1 + (index % 97)) * HOUR,
    producedAt: receivedAt + (2 + (index % 240)) * HOUR,
  };
}

/** Copies the store's decided cases until it holds `total` cases; answers how many copies were made. */
export function seedDecisions(storeDir: string, passphrase: string, total: number): { copies: number; templates: number } {
  const db = openKeyedConnection(storeFile(storeDir), passphrase);
  try {
    configureConnection(db);
    db.pragma("cache_size = -400000");
    setJournalMode(db, "delete");
    const templates = db
      .prepare<[], Template>(
        `SELECT r.rowid, r.id, r.authority_id, r.instrument, r.document, r.signer_key_id, r.signer_trusted_comment, r.source_organization,
                r.bagging_date, r.status, d.outcome AS decision_outcome, d.document AS decision_document, d.signature AS decision_signature,
                d.sha256 AS decision_sha256, d.countersignatures_required, e.outcome AS execution_outcome, e.ground AS execution_ground,
                e.produced_at AS execution_produced_at
           FROM requests r LEFT JOIN decisions d ON d.request_id = r.id LEFT JOIN executions e ON e.decision_id = d.id
          ORDER BY r.rowid`,
      )
      .all();
    if (templates.length === 0) throw new Error("seedDecisions needs at least one stored case to copy");
    const categoriesOf = db.prepare<[string], string>("SELECT category FROM request_categories WHERE request_id = ?").pluck();
    const prepared = templates.map((row) => ({ row, categories: categoriesOf.all(row.id), document: JSON.parse(row.document) as Record<string, unknown> }));
    const insertCase = db.prepare("INSERT INTO cases (id, authority_id, document_id, opened_at) VALUES (?, ?, ?, ?)");
    const insertRequest = db.prepare(
      `INSERT INTO requests (id, case_id, authority_id, document_id, revision, instrument, urgency_level, submitted_at, received_at, document,
                             bundle_digest, sealed_sha256, signer_key_id, signer_trusted_comment, source_organization, bagging_date, status)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCategory = db.prepare("INSERT INTO request_categories (request_id, category) VALUES (?, ?)");
    const insertSearch = db.prepare("INSERT INTO request_search (rowid, body) VALUES (?, ?)");
    const insertDecision = db.prepare(
      "INSERT INTO decisions (id, request_id, outcome, document, signature, sha256, decided_at, countersignatures_required) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertExecution = db.prepare("INSERT INTO executions (id, decision_id, outcome, produced_at, ground, source, recorded_at) VALUES (?, ?, ?, ?, ?, 'hand', ?)");
    const copies = Math.max(0, total - templates.length);
    db.transaction(() => {
      for (let index = 0; index < copies; index++) {
        const template = prepared[index % prepared.length];
        if (template === undefined) throw new Error("unreachable: no template");
        const { row } = template;
        const copy = seededCopy(index, copies);
        const documentId = `SEED-${String(index).padStart(6, "0")}`;
        const requestId = `seed-request-${index}`;
        const urgency = copy.emergency ? { level: "emergency", reason: "Threat to life" } : { level: "routine" };
        const provider = { ...(template.document["provider"] as Record<string, unknown>), name: copy.provider };
        const document = { ...template.document, id: documentId, urgency, provider, submittedAt: new Date(copy.receivedAt - HOUR).toISOString() };
        insertCase.run(`seed-case-${index}`, row.authority_id, documentId, copy.receivedAt);
        const inserted = insertRequest.run(
          requestId, `seed-case-${index}`, row.authority_id, documentId, row.instrument, urgency.level, copy.receivedAt - HOUR, copy.receivedAt,
          JSON.stringify(document), sha256(`bundle:${documentId}`), sha256(`sealed:${documentId}`), row.signer_key_id, row.signer_trusted_comment,
          row.source_organization, row.bagging_date, row.status,
        );
        for (const category of template.categories) insertCategory.run(requestId, category);
        insertSearch.run(inserted.lastInsertRowid, searchTextOf(document));
        if (row.decision_outcome === null) continue;
        insertDecision.run(`seed-decision-${index}`, requestId, row.decision_outcome, row.decision_document, row.decision_signature, row.decision_sha256, copy.decidedAt, row.countersignatures_required);
        if (row.execution_outcome === null) continue;
        insertExecution.run(`seed-execution-${index}`, `seed-decision-${index}`, row.execution_outcome, row.execution_produced_at === null ? null : copy.producedAt, row.execution_ground, copy.decidedAt);
      }
      // Each copy's statistics row, as the repositories keep it for an imported case.
      db.exec(refreshAllCaseStatisticsSql());
    })();
    setJournalMode(db, "wal");
    const dangling = db.prepare("PRAGMA foreign_key_check").all();
    if (dangling.length > 0) throw new Error(`seeding left foreign-key violations: ${JSON.stringify(dangling.slice(0, 3))}`);
    return { copies, templates: templates.length };
  } finally {
    db.close();
  }
}
