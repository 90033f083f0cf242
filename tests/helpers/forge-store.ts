// What a store holds, counted two ways, to prove that a refused import left nothing behind:
// through the session's own repositories (which would also see rows of a transaction left
// open on that connection) and through a second, raw connection to the encrypted file (which
// sees only what was committed to disk, including kept bundles, which no repository lists).
import { existsSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import { evidenceDir } from "../../electron/core/store/index.js";
import type { Session } from "../../electron/core/session/session.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { STORE_PASSPHRASE } from "./office.js";

/** Every table an import writes to, and the keyring, which an import must never touch. */
export const STORE_TABLES = ["requests", "cases", "attachments", "evidence", "audit_log", "authority_keys"] as const;

export interface StoreSnapshot {
  /** Row counts read from the file. */
  rows: Record<(typeof STORE_TABLES)[number], number>;
  /** Bytes of every kept bundle the rows name: a row rewritten in place would not change a count. */
  keptBytes: number;
  /** The files in the store's evidence/ folder: a refusal must leave none behind. */
  keptFiles: string[];
  /** The last audit row's hash on disk: the chain's head moves with any appended row. */
  auditHead: string | null;
  /** Through the session: every stored revision's digest, and the verified audit chain. */
  revisions: string[];
  audit: { ok: boolean; count: number; headHash: string | null };
}

/**
 * A second connection to the store file, opened once per test (each opening pays the store's
 * KDF) and made query-only, so the snapshot cannot itself change what it measures.
 */
export interface StoreReader {
  snapshot(): StoreSnapshot;
  close(): void;
}

export function openStoreReader(session: Session): StoreReader {
  const db = openKeyedConnection(session.store.file, STORE_PASSPHRASE);
  db.pragma("query_only = ON");
  return {
    snapshot: () => readSnapshot(session, db),
    close: () => db.close(),
  };
}

/** One snapshot through a reader of its own; use openStoreReader to take several. */
export function snapshotStore(session: Session, reader?: StoreReader): StoreSnapshot {
  if (reader) return reader.snapshot();
  const own = openStoreReader(session);
  try {
    return own.snapshot();
  } finally {
    own.close();
  }
}

function readSnapshot(session: Session, db: Database.Database): StoreSnapshot {
  const count = (table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const rows = Object.fromEntries(STORE_TABLES.map((table) => [table, count(table)])) as StoreSnapshot["rows"];
  const chain = session.store.audit.verifyAuditChain();
  return {
    rows,
    keptBytes: db.prepare("SELECT coalesce(sum(kept_size), 0) FROM evidence").pluck().get() as number,
    keptFiles: existsSync(evidenceDir(dirname(session.store.file))) ? readdirSync(evidenceDir(dirname(session.store.file))).sort() : [],
    auditHead: (db.prepare("SELECT row_hash FROM audit_log ORDER BY seq DESC LIMIT 1").pluck().get() as string | undefined) ?? null,
    revisions: session.store.requests.listAllRevisions({ limit: 10_000, offset: 0 }).map((revision) => revision.bundleDigest),
    audit: chain.ok ? { ok: true, count: chain.count, headHash: chain.headHash } : { ok: false, count: chain.seq, headHash: null },
  };
}
