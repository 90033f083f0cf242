// Shared fixtures for the store tests: stores closed after each test, raw connections for
// checking what is on disk, and sample inputs. The runtime is tests/helpers/runtime.ts, folders
// tests/helpers/temp.ts, the request document tests/helpers/sample-request.ts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import { afterEach } from "vitest";
import type { Runtime } from "../../electron/core/runtime.js";
import type { Actor } from "../../electron/core/store/index.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { createStore, type AuthorityKeyInput, type RequestRevisionInput, type Store } from "../../electron/core/store/index.js";
import { keptEvidence } from "../helpers/kept-evidence.js";
import { testRuntime } from "../helpers/runtime.js";
import { sampleRequest } from "../helpers/sample-request.js";
import { tempFolder } from "../helpers/temp.js";

export const PASSPHRASE = "correct horse battery staple";

/** The acting reviewer the audit log names (a minisign key id as minisign prints it). */
export const reviewerActor = (keyId: string): Actor => ({ kind: "reviewer", keyId });
export const REVIEWER: Actor = reviewerActor("1F2E3D4C5B6A7988");

const openStores: Store[] = [];

// Registered after temp.ts's hook, so it runs first (vitest runs after-hooks last to first):
// the stores close before their folders are removed.
afterEach(() => {
  for (const store of openStores.splice(0).reverse()) if (store.isOpen) store.close();
});

export const tempDir = (): string => tempFolder("counterseal-store-");

/** Closes the store after the test (if the test has not) so its files can be removed. */
export function closeLater(store: Store): Store {
  openStores.push(store);
  return store;
}

export function newStore(runtime: Runtime = testRuntime()): { store: Store; dir: string; runtime: Runtime } {
  const dir = tempDir();
  return { store: closeLater(createStore(dir, PASSPHRASE, runtime)), dir, runtime };
}

/** A second, raw connection to a store file: for looking at or tampering with what is on disk. */
export function withRawConnection<T>(file: string, fn: (db: Database.Database) => T, passphrase = PASSPHRASE): T {
  const db = openKeyedConnection(file, passphrase);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function countRows(file: string, table: string): number {
  return countRowsOf(file, [table])[table] ?? Number.NaN;
}

/** Row counts of several tables through one raw connection (each connection pays the KDF). */
export function countRowsOf(file: string, tables: readonly string[]): Record<string, number> {
  return withRawConnection(file, (db) =>
    Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number])),
  );
}

/**
 * Every file in a directory with the SHA-256 of its bytes, to prove a refusal changed nothing.
 * Digests, not the bytes: a deep comparison of megabyte Buffers takes vitest tens of seconds.
 */
export function snapshotDir(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]));
}

export const filled = (length: number, value: number): Uint8Array => new Uint8Array(length).fill(value);

/** The authority the store tests' keys and requests belong to. */
const PNF = { id: "fr-pnf", name: "Parquet national financier", country: "FR", kind: "prosecutor" } as const;

export function sampleKey(n: number, overrides: Partial<AuthorityKeyInput> = {}): AuthorityKeyInput {
  return {
    authorityId: PNF.id,
    name: PNF.name,
    country: PNF.country,
    keyId: filled(8, n),
    publicKey: filled(32, n),
    ...overrides,
  };
}

export const hex64 = (n: number): string => n.toString(16).padStart(2, "0").repeat(32);

/**
 * The repository input an import makes from the sample request document (tests/helpers), with a
 * kept bundle of its own (tests/helpers/kept-evidence.ts) unless `overrides.evidence` gives one.
 */
export function sampleRevisionInput(store: Store, overrides: Partial<RequestRevisionInput> = {}): RequestRevisionInput {
  const evidence = overrides.evidence ?? keptEvidence(store);
  const revision = overrides.revision ?? 1;
  const documentId = overrides.documentId ?? "PNF-2025-0042";
  const document = sampleRequest({ id: documentId, revision, issuingAuthority: PNF, submittedAt: "2025-02-27T10:00:00+01:00" });
  return {
    authorityId: PNF.id,
    documentId,
    revision,
    instrument: String(document["instrument"]),
    urgencyLevel: "routine",
    submittedAt: new Date(String(document["submittedAt"])),
    document: JSON.stringify(document),
    bundleDigest: hex64(revision),
    sealedSha256: evidence.sealed.sha256,
    signerKeyId: filled(8, 1),
    signerTrustedComment: "timestamp:1740646800\tfile:tagmanifest-sha256.txt",
    sourceOrganization: PNF.name,
    baggingDate: "2025-02-27",
    attachments: [],
    ...overrides,
    evidence,
  };
}
