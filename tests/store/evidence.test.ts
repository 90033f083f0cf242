// The store's folder and its rows agree: files no row names are removed at open (audited), a
// row whose file is missing or damaged is reported as store-damaged, and a deleted case leaves
// no byte behind: not in the database's pages (decrypted, to look), the WAL, or evidence/.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { readAttachmentInline } from "../../electron/core/requests/attachments-service.js";
import { deleteCase } from "../../electron/core/requests/evidence-service.js";
import { openSession } from "../../electron/core/session/session.js";
import { EvidenceDamagedError, evidenceDir, openKeyedConnection } from "../../electron/core/store/index.js";
import { openTestOffice, STORE_PASSPHRASE, type TestOffice } from "../helpers/office.js";
import { deterministicBytes } from "../helpers/runtime.js";
import { sampleRequest } from "../helpers/sample-request.js";
import { tempFolder } from "../helpers/temp.js";

const LARGE = 400_000;

async function importOne(office: TestOffice, id: string, size: number, facts = "Ordinary facts.") {
  const bytes = deterministicBytes(id, size);
  const document = sampleRequest({ id, facts, attachments: [{ path: "attachments/a.bin", title: "A", mediaType: "application/octet-stream" }] });
  const sealed = await office.seal({ document, attachments: [{ name: "a.bin", bytes }] });
  const outcome = await importBundleFile(office.session, sealed);
  if (outcome.status !== "imported") throw new Error(JSON.stringify(outcome));
  return { sealed, bytes, ref: { authority: outcome.authority, id: outcome.id, revision: outcome.revision } };
}

const reopen = (office: TestOffice) => {
  office.session.store.close();
  return openSession(office.storeDir, STORE_PASSPHRASE, office.runtime);
};

describe("evidence files at open", () => {
  it("removes files no row names (published and unfinished ones), audits it, and keeps the named one", async () => {
    const office = openTestOffice();
    await importOne(office, "KEPT-1", LARGE);
    const dir = evidenceDir(office.storeDir);
    const [kept] = readdirSync(dir);
    writeFileSync(join(dir, `${"ab".repeat(32)}.age`), "a batch that never committed");
    writeFileSync(join(dir, ".partial-id-9999"), "cut off while writing");

    const session = reopen(office);
    expect(readdirSync(dir)).toEqual([kept]);
    const entries = session.store.audit.listAudit();
    expect(entries.at(-1)).toMatchObject({ action: "evidence.orphans-removed", actor: "system", details: { files: 2, unfinished: 1 } });
    // A folder that agrees with the rows is not touched, nor audited, again.
    const again = reopen({ ...office, session });
    expect(again.store.audit.listAudit()).toHaveLength(entries.length);
    again.store.close();
  });

  it("leaves files alone while another process holds the write lock (its import's files are not orphans), and opens at once", async () => {
    const office = openTestOffice();
    await importOne(office, "KEPT-1", LARGE);
    const dir = evidenceDir(office.storeDir);
    office.session.store.close();
    const other = openKeyedConnection(join(office.storeDir, "counterseal.db"), STORE_PASSPHRASE);
    other.exec("BEGIN IMMEDIATE");
    writeFileSync(join(dir, ".partial-another-process"), "being written by the other process's import");
    const started = Date.now();
    const session = openSession(office.storeDir, STORE_PASSPHRASE, office.runtime);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(readdirSync(dir)).toContain(".partial-another-process");
    session.store.close();
    other.exec("ROLLBACK");
    other.close();
    // The other process is gone and its file is an orphan now: the next open removes it.
    const next = openSession(office.storeDir, STORE_PASSPHRASE, office.runtime);
    expect(readdirSync(dir)).not.toContain(".partial-another-process");
    next.store.close();
  });

  it("refuses to open, naming the file, when a row's kept file is missing; the folder is left as it was", async () => {
    const office = openTestOffice();
    await importOne(office, "KEPT-1", LARGE);
    const dir = evidenceDir(office.storeDir);
    const [kept] = readdirSync(dir);
    office.session.store.close();
    rmSync(join(dir, kept ?? ""));
    writeFileSync(join(dir, `${"cd".repeat(32)}.age`), "stray");

    let failure: unknown;
    try {
      openSession(office.storeDir, STORE_PASSPHRASE, office.runtime);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(EvidenceDamagedError);
    expect(failure).toMatchObject({ code: "store-damaged", message: expect.stringContaining(kept ?? "") });
    // Nothing was changed: not even the stray file was swept, since the store did not open.
    expect(readdirSync(dir)).toEqual([`${"cd".repeat(32)}.age`]);
  });

  it("reports a kept file that was cut short as store-damaged when it is read", async () => {
    const office = openTestOffice();
    const { ref } = await importOne(office, "KEPT-1", LARGE);
    const dir = evidenceDir(office.storeDir);
    const [kept] = readdirSync(dir);
    const file = join(dir, kept ?? "");
    writeFileSync(file, readFileSync(file).subarray(0, 100_000));
    expect(() => readAttachmentInline(office.session, { ...ref, path: "attachments/a.bin" })).toThrow(EvidenceDamagedError);
    expect(() => readAttachmentInline(office.session, { ...ref, path: "attachments/a.bin" })).toThrow(/has 100000 bytes, its row says/);
  });
});

describe("reading kept bundles", () => {
  it("opens an attachment while an import holds the store, in a session that has not yet used the store key", async () => {
    const office = openTestOffice();
    const { ref, bytes } = await importOne(office, "READ-1", 20_000);
    const session = reopen(office);
    let release!: () => void;
    const held = session.store.asyncTransaction(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    const content = readAttachmentInline(session, { ...ref, path: "attachments/a.bin" });
    expect(Buffer.from(content.base64, "base64").equals(Buffer.from(bytes))).toBe(true);
    // The view's audit row waits for the import, not the reviewer: it lands after the batch.
    const rows = () => session.store.audit.listAudit().filter((row) => row.action === "attachment.viewed");
    expect(rows()).toEqual([]);
    release();
    await held;
    await session.store.asyncTransaction(() => Promise.resolve());
    expect(rows()).toMatchObject([{ details: { path: "attachments/a.bin", bytes: 20_000 } }]);
    session.store.close();
  });
});

describe("deleting a case", () => {
  /** The database file decrypted in place (a copy), to look for what its pages still hold. */
  function decryptedCopy(storeDir: string): Buffer {
    const copy = tempFolder();
    for (const name of readdirSync(storeDir)) if (!name.startsWith("evidence")) copyFileSync(join(storeDir, name), join(copy, name));
    const db = openKeyedConnection(join(copy, "counterseal.db"), STORE_PASSPHRASE);
    db.pragma("journal_mode = DELETE");
    db.pragma("rekey = ''");
    db.close();
    return readFileSync(join(copy, "counterseal.db"));
  }

  it("removes rows, kept bundles and files; no byte of it survives in the store folder; the audit row says only which", async () => {
    const office = openTestOffice();
    const marker = "Zanzibarquokka";
    const small = await importOne(office, "GONE-1", 20_000, `The facts mention ${marker} twice: ${marker}.`);
    const large = await importOne(office, "GONE-2", LARGE, `Facts of ${marker}-large.`);
    const keep = await importOne(office, "STAYS-1", 1_000);
    // Short runs of each kept payload (age ciphertext, identical in the kept file; short, since
    // 4 KiB overflow pages cut a row's content every 4092 bytes) and of the document.
    const runsOf = (sealed: string) => {
      const bytes = readFileSync(sealed);
      return Array.from({ length: 8 }, (_, i) => bytes.subarray(bytes.length - 2000 - i * 1500, bytes.length - 1976 - i * 1500));
    };
    const found = (haystack: Buffer, runs: Buffer[]) => runs.filter((run) => haystack.includes(run)).length;
    const traces = { marker: [Buffer.from(marker)], small: runsOf(small.sealed), large: runsOf(large.sealed) };
    office.session.store.checkpoint();
    const before = decryptedCopy(office.storeDir);
    // The control: the decrypted pages do show what is stored (the large bundle is a file, not in the pages).
    expect(found(before, traces.marker)).toBe(1);
    expect(found(before, traces.small)).toBeGreaterThanOrEqual(6);
    expect(readdirSync(evidenceDir(office.storeDir))).toHaveLength(1);

    expect(deleteCase(office.session, small.ref)).toEqual({ revisions: 1 });
    expect(deleteCase(office.session, large.ref)).toEqual({ revisions: 1 });

    const store = office.session.store;
    expect(store.requests.getRequest(small.ref.authority, small.ref.id)).toBeUndefined();
    expect(store.requests.getRequest(keep.ref.authority, keep.ref.id)).toBeDefined();
    expect(readdirSync(evidenceDir(office.storeDir))).toEqual([]);
    const deleted = store.audit.listAudit().filter((entry) => entry.action === "request.deleted");
    expect(deleted).toHaveLength(2);
    expect(JSON.stringify(deleted.map((entry) => entry.details))).not.toContain(marker);
    expect(deleted[0]?.details).toEqual({ caseId: expect.any(String), revision: 1, bundleDigest: expect.any(String), sealedSha256: expect.any(String), caseDeleted: true });
    expect(existsSync(join(office.storeDir, "counterseal.db-wal")) ? readFileSync(join(office.storeDir, "counterseal.db-wal")).length : 0).toBe(0);

    store.close();
    const after = decryptedCopy(office.storeDir);
    expect([found(after, traces.marker), found(after, traces.small), found(after, traces.large)]).toEqual([0, 0, 0]);
    expect(after.includes(Buffer.from("STAYS-1"))).toBe(true);
  });
});
