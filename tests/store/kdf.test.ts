// The key derivation's cost: the recommended default, the record beside the store that names the
// cost (so it can be raised without a new format), old stores without a record, a passphrase
// change that moves a store to the current cost, and a change cut off half-way by a crash.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createStore,
  KdfRecordError,
  kdfRecordFile,
  LEGACY_KDF,
  openStore,
  readKdfRecord,
  RECOMMENDED_KDF,
  WrongPassphraseError,
} from "../../electron/core/store/index.js";
import type { KdfParameters } from "../../electron/core/store/kdf.js";
import { writeKdfRecord } from "../../electron/core/store/kdf-record.js";
import { TEST_KDF } from "../helpers/runtime.js";
import { closeLater, newStore, PASSPHRASE, sampleKey, tempDir, REVIEWER } from "./helpers.js";
import { testRuntime } from "../helpers/runtime.js";

/** A second cheap cost, distinct from TEST_KDF, to watch a store move from one to the other. */
const RAISED_KDF: KdfParameters = { tcost: 2, mcost: 128, pcost: 1 };
const NEW_PASSPHRASE = "a second, equally long passphrase";

const withKdf = (storeKdf: KdfParameters) => ({ ...testRuntime(), storeKdf });

describe("the default cost", () => {
  it("is at least RFC 9106's second recommendation (64 MiB, 3 passes), the measured 192 MiB and 3 passes", () => {
    expect(RECOMMENDED_KDF).toEqual({ tcost: 3, mcost: 192 * 1024, pcost: 1 });
    expect(RECOMMENDED_KDF.mcost).toBeGreaterThanOrEqual(64 * 1024);
    expect(RECOMMENDED_KDF.tcost).toBeGreaterThanOrEqual(3);
  });

  it("is what a store is keyed and recorded with when the runtime names no cost", () => {
    const { storeKdf: _cheap, ...production } = testRuntime();
    const dir = tempDir();
    const store = closeLater(createStore(dir, PASSPHRASE, production));
    expect(store.diagnostics().kdf).toEqual(RECOMMENDED_KDF);
    expect(readKdfRecord(dir)).toEqual({ kdf: RECOMMENDED_KDF });
  });
});

describe("the record beside the store", () => {
  it("names the cost the store was created with, and opening uses it", () => {
    const { store, dir } = newStore(withKdf(RAISED_KDF));
    store.close();
    expect(readKdfRecord(dir)).toEqual({ kdf: RAISED_KDF });
    const json = JSON.parse(readFileSync(kdfRecordFile(dir), "utf8")) as Record<string, unknown>;
    expect(json).toMatchObject({ format: "counterseal-store-kdf", version: 1, algorithm: "argon2id", kdf: RAISED_KDF });
    // Opening with a runtime that would create stores at another cost still reads the record.
    expect(closeLater(openStore(dir, PASSPHRASE, withKdf(TEST_KDF))).diagnostics().kdf).toEqual(RAISED_KDF);
  });

  it("missing: the store is one from before records, opened with the old 19 MiB, t = 2 cost", () => {
    const { store, dir } = newStore(withKdf(LEGACY_KDF));
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    store.close();
    rmSync(kdfRecordFile(dir));
    const reopened = closeLater(openStore(dir, PASSPHRASE, testRuntime()));
    expect(reopened.diagnostics().kdf).toEqual(LEGACY_KDF);
    expect(reopened.keyring.listKeyring()).toHaveLength(1);
  });

  it("missing from a store keyed at another cost: the wrong-passphrase error says the record is missing", () => {
    const { store, dir } = newStore();
    store.close();
    rmSync(kdfRecordFile(dir));
    const attempt = (): unknown => openStore(dir, PASSPHRASE, testRuntime());
    expect(attempt).toThrow(WrongPassphraseError);
    expect(attempt).toThrow(/no key-derivation record \(counterseal\.kdf\.json\).*19456 KiB, t=2/);
  });

  it.each([
    ["not JSON", (text: string) => text.slice(0, 40), /not JSON/],
    ["edited by hand", (text: string) => text.replace('"mcost": 64', '"mcost": 65'), /checksum does not match/],
    ["a field it does not know", (text: string) => text.replace('"version": 1,', '"version": 1, "extra": true,'), /unexpected content/],
  ])("garbled (%s): a clear error naming the file, and the store is left alone", (_case, garble, reason) => {
    const { store, dir } = newStore();
    store.close();
    const database = readFileSync(`${dir}/counterseal.db`);
    writeFileSync(kdfRecordFile(dir), garble(readFileSync(kdfRecordFile(dir), "utf8")));
    const attempt = (): unknown => openStore(dir, PASSPHRASE, testRuntime());
    expect(attempt).toThrow(KdfRecordError);
    expect(attempt).toThrow(reason);
    expect(attempt).toThrow(/counterseal\.kdf\.json is damaged.*Restore that file/);
    expect(readFileSync(`${dir}/counterseal.db`).equals(database)).toBe(true);
  });

  it("refuses a recorded cost outside Argon2's and our bounds, even with a matching checksum", () => {
    const { store, dir } = newStore();
    store.close();
    writeKdfRecord(dir, { kdf: { tcost: 1, mcost: 64 * 1024 * 1024, pcost: 1 } });
    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(/damaged \(mcost must be a whole number from 8 to 2097152/);
  });
});

describe("a passphrase change moves the store to the current cost", () => {
  it("re-derives with the runtime's cost and records it", () => {
    const { store, dir } = newStore(withKdf(TEST_KDF));
    store.close();
    const opened = openStore(dir, PASSPHRASE, withKdf(RAISED_KDF));
    opened.rekey(NEW_PASSPHRASE);
    expect(opened.diagnostics().kdf).toEqual(RAISED_KDF);
    expect(opened.audit.listAudit().at(-1)).toMatchObject({ action: "store.rekeyed", details: { kdf: RAISED_KDF } });
    opened.close();
    expect(readKdfRecord(dir)).toEqual({ kdf: RAISED_KDF });
    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(WrongPassphraseError);
    expect(closeLater(openStore(dir, NEW_PASSPHRASE, testRuntime())).diagnostics().kdf).toEqual(RAISED_KDF);
  });

  it("gives a store from before records its first record", () => {
    const { store, dir } = newStore(withKdf(LEGACY_KDF));
    store.close();
    rmSync(kdfRecordFile(dir));
    const opened = openStore(dir, PASSPHRASE, withKdf(RAISED_KDF));
    opened.rekey(NEW_PASSPHRASE);
    opened.close();
    expect(readKdfRecord(dir)).toEqual({ kdf: RAISED_KDF });
    closeLater(openStore(dir, NEW_PASSPHRASE, testRuntime()));
  });

  // The record names both costs while the pages are rekeyed; these are the two states a crash
  // can leave between the record's first write and its last.
  it("cut off before the rekey committed: the old passphrase opens it, and the record settles on the old cost", () => {
    const { store, dir } = newStore(withKdf(TEST_KDF));
    store.close();
    writeKdfRecord(dir, { kdf: TEST_KDF, pending: RAISED_KDF });
    const reopened = closeLater(openStore(dir, PASSPHRASE, testRuntime()));
    expect(reopened.diagnostics().kdf).toEqual(TEST_KDF);
    expect(readKdfRecord(dir)).toEqual({ kdf: TEST_KDF });
  });

  it("cut off after the rekey committed: the new passphrase opens it, and the record settles on the new cost", () => {
    const { store, dir } = newStore(withKdf(TEST_KDF));
    store.close();
    const opened = openStore(dir, PASSPHRASE, withKdf(RAISED_KDF));
    opened.rekey(NEW_PASSPHRASE);
    opened.close();
    writeKdfRecord(dir, { kdf: TEST_KDF, pending: RAISED_KDF }); // as if the last record write never happened
    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(WrongPassphraseError);
    const reopened = closeLater(openStore(dir, NEW_PASSPHRASE, testRuntime()));
    expect(reopened.diagnostics().kdf).toEqual(RAISED_KDF);
    expect(readKdfRecord(dir)).toEqual({ kdf: RAISED_KDF });
  });
});
