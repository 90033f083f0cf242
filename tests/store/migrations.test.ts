import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import { describe, expect, it } from "vitest";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { StoreError, StoreTooNewError } from "../../electron/core/store/index.js";
import { migrate, readUserVersion } from "../../electron/core/store/migrate.js";
import { migration001Initial } from "../../electron/core/store/migrations/001-initial.js";
import { MIGRATIONS } from "../../electron/core/store/migrations/index.js";
import { COUNTERSEAL_APPLICATION_ID, type Migration } from "../../electron/core/store/migrations/migration.js";
import { newStore, PASSPHRASE, sampleKey, sampleRevisionInput, tempDir, REVIEWER } from "./helpers.js";

/** A keyed connection on a brand-new, empty file: schema version 0. */
function emptyDatabase(): Database.Database {
  const file = join(tempDir(), "empty.db");
  closeSync(openSync(file, "wx"));
  return openKeyedConnection(file, PASSPHRASE);
}

const tableNames = (db: Database.Database): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe("migration 001 (from an empty database)", () => {
  it("creates every table, STRICT, with the audit triggers, and records version 1", () => {
    const db = emptyDatabase();
    try {
      expect(readUserVersion(db)).toBe(0);
      expect(migrate(db, [migration001Initial])).toBe(1);

      expect(readUserVersion(db)).toBe(1);
      expect(db.pragma("application_id", { simple: true })).toBe(COUNTERSEAL_APPLICATION_ID);
      expect(tableNames(db)).toEqual([
        "attachments",
        "audit_log",
        "authorities",
        "authority_keys",
        "blob_chunks",
        "blobs",
        "cases",
        "office_age_identities",
        "requests",
        "reviewer",
      ]);
      const tables = db.pragma("table_list") as { schema: string; name: string; strict: number }[];
      const ours = tables.filter((t) => t.schema === "main" && !t.name.startsWith("sqlite_"));
      expect(ours).toHaveLength(10);
      expect(ours.filter((t) => t.strict !== 1)).toEqual([]);
      const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
      expect(triggers).toEqual(["audit_log_extends_chain", "audit_log_no_delete", "audit_log_no_update"]);
    } finally {
      db.close();
    }
  });

  it("is a no-op on a store that is already at version 1", () => {
    const db = emptyDatabase();
    try {
      migrate(db);
      expect(migrate(db)).toBe(MIGRATIONS.length);
    } finally {
      db.close();
    }
  });
});

describe("schema after all migrations", () => {
  it("matches the committed snapshot: a schema change needs a new migration, not an edited one", () => {
    const db = emptyDatabase();
    try {
      migrate(db);
      const schema = db
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
        .all();
      expect(schema).toMatchSnapshot();
    } finally {
      db.close();
    }
  });
});

describe("migrate", () => {
  it("runs each migration in one transaction with its user_version: a failure leaves the version before", () => {
    const db = emptyDatabase();
    const broken: Migration = {
      version: 2,
      name: "broken",
      up(inner) {
        inner.exec("CREATE TABLE half_done (x INTEGER) STRICT");
        throw new Error("disk on fire");
      },
    };
    try {
      expect(() => migrate(db, [migration001Initial, broken])).toThrow("disk on fire");
      expect(readUserVersion(db)).toBe(1);
      expect(tableNames(db)).not.toContain("half_done");
    } finally {
      db.close();
    }
  });

  it("refuses a database newer than its last migration, before writing anything", () => {
    const db = emptyDatabase();
    try {
      migrate(db);
      db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
      expect(() => migrate(db)).toThrow(StoreTooNewError);
      expect(readUserVersion(db)).toBe(MIGRATIONS.length + 1);
    } finally {
      db.close();
    }
  });

  it("refuses a migration list with gaps", () => {
    const db = emptyDatabase();
    const skipped: Migration = { version: 2, name: "skips one", up: () => undefined };
    try {
      expect(() => migrate(db, [skipped])).toThrow(StoreError);
      expect(readUserVersion(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe("STRICT tables and named constraints", () => {
  it("rejects values of the wrong type instead of storing them", () => {
    const { store, dir } = newStore();
    store.close();
    const db = openKeyedConnection(join(dir, "counterseal.db"), PASSPHRASE);
    try {
      expect(() => db.prepare("INSERT INTO store_keys (id, evidence_key, created_at) VALUES (1, ?, 'now')").run(Buffer.alloc(32))).toThrow(
        expect.objectContaining({ code: "SQLITE_CONSTRAINT_DATATYPE" }),
      );
      expect(() =>
        db
          .prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('a', 'A', 'FR', '2025-01-01', 0)")
          .run(),
      ).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_DATATYPE" }));
      db.prepare("INSERT INTO authorities (id, name, country, added_at, updated_at) VALUES ('a', 'A', 'FR', 0, 0)").run();
      expect(() =>
        db
          .prepare("INSERT INTO authority_keys (key_id, authority_id, public_key, added_at) VALUES ('12345678', 'a', ?, 0)")
          .run(Buffer.alloc(32)),
      ).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_DATATYPE" }));
    } finally {
      db.close();
    }
  });

  it("names the rule a repository input breaks", () => {
    const { store } = newStore();
    expect(() => store.keyring.addAuthorityKey(REVIEWER, sampleKey(1, { keyId: new Uint8Array(7) }))).toThrow(
      /authority_key_id_is_8_bytes/,
    );
    expect(() => store.keyring.addAuthorityKey(REVIEWER, sampleKey(2, { country: "fr" }))).toThrow(
      /authority_country_is_alpha2/,
    );
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { documentId: "PNF/2025" }))).toThrow(
      /case_document_id_format/,
    );
    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { baggingDate: "27.02.2025" }))).toThrow(
      /request_bagging_date_format/,
    );
    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { bundleDigest: "ABC" }))).toThrow(
      /request_bundle_digest_is_sha256/,
    );
    // A failed call leaves nothing behind, audit row included.
    expect(store.requests.listAllRevisions({ limit: 10, offset: 0 })).toEqual([]);
    expect(store.audit.listAudit().map((e) => e.action)).toEqual(["store.created", "authority-key.added"]);
  });

  it("accepts every document id character the request format allows", () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const id = "Az09._:-";
    expect(store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { documentId: id })).documentId).toBe(id);
  });
});
