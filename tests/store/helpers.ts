// Shared fixtures for the store tests: temp dirs, a frozen runtime, raw connections for
// checking what is on disk, and sample inputs.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3-multiple-ciphers";
import { afterEach } from "vitest";
import type { Runtime } from "../../electron/core/runtime.js";
import { TEST_KDF } from "../helpers/runtime.js";
import { openKeyedConnection } from "../../electron/core/store/connection.js";
import { createStore, type AuthorityKeyInput, type RequestRevisionInput, type Store } from "../../electron/core/store/index.js";

export const PASSPHRASE = "correct horse battery staple";
export const T0 = new Date("2025-03-01T09:00:00.000Z");

export interface TestRuntime extends Runtime {
  advance(ms: number): void;
}

/** A clock that moves only when told to, and ids id-0001, id-0002, … */
export function testRuntime(start: Date = T0): TestRuntime {
  let now = start.getTime();
  let counter = 0;
  return {
    storeKdf: TEST_KDF,
    clock: { now: () => new Date(now) },
    ids: {
      newId: () => `id-${String(++counter).padStart(4, "0")}`,
      randomBytes: (length) => new Uint8Array(length).fill(0x5a),
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "counterseal-store-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Closes the store after the test (if the test has not) so its files can be removed. */
export function closeLater(store: Store): Store {
  cleanups.push(() => {
    if (store.isOpen) store.close();
  });
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

/** Deterministic pseudo-random bytes (xorshift32), so blob tests need no randomness. */
export function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export const filled = (length: number, value: number): Uint8Array => new Uint8Array(length).fill(value);

export function sampleKey(n: number, overrides: Partial<AuthorityKeyInput> = {}): AuthorityKeyInput {
  return {
    authorityId: "fr-pnf",
    name: "Parquet national financier",
    country: "FR",
    keyId: filled(8, n),
    publicKey: filled(32, n),
    ...overrides,
  };
}

export const hex64 = (n: number): string => n.toString(16).padStart(2, "0").repeat(32);

export function sampleRequest(overrides: Partial<RequestRevisionInput> = {}): RequestRevisionInput {
  const revision = overrides.revision ?? 1;
  const documentId = overrides.documentId ?? "PNF-2025-0042";
  return {
    authorityId: "fr-pnf",
    documentId,
    revision,
    instrument: "eu-production-order",
    urgencyLevel: "routine",
    submittedAt: new Date("2025-02-27T10:00:00+01:00"),
    document: JSON.stringify({ schema: "counterseal.request/1", id: documentId, revision }),
    bundleDigest: hex64(revision),
    sealedSha256: hex64(0xa0 + revision),
    signerKeyId: filled(8, 1),
    signerTrustedComment: "timestamp:1740646800\tfile:tagmanifest-sha256.txt",
    sourceOrganization: "Parquet national financier",
    baggingDate: "2025-02-27",
    attachments: [],
    ...overrides,
  };
}
