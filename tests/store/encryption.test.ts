import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3-multiple-ciphers";
import { describe, expect, it } from "vitest";
import { openStore, StoreError, TransactionBusyError, WrongPassphraseError, type Store } from "../../electron/core/store/index.js";
import { attachmentIn, keptEvidence } from "../helpers/kept-evidence.js";
import { testRuntime } from "../helpers/runtime.js";
import { closeLater, newStore, PASSPHRASE, sampleKey, sampleRevisionInput, tempDir, withRawConnection, REVIEWER } from "./helpers.js";

const REQUEST_MARKER = "ZEBRA-WHISKEY-REQUEST-7731";
const ATTACHMENT_MARKER = "QUOKKA-TANGO-ATTACHMENT-5529";

/** Which files in `dir` contain `marker` in their raw bytes. */
const filesContaining = (dir: string, marker: string): string[] =>
  readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(Buffer.from(marker, "utf8")));

/** Every file under `dir` (one level of folders: evidence/), relative. */
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? readdirSync(join(dir, entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name],
  );
const filesContainingDeep = (dir: string, marker: string): string[] =>
  allFiles(dir).filter((name) => readFileSync(join(dir, name)).includes(Buffer.from(marker, "utf8")));

function storeRequestWithMarkers(store: Store): { read: () => Buffer; content: Buffer } {
  store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
  const content = Buffer.from(`${ATTACHMENT_MARKER}\n`.repeat(50_000)); // ~1.4 MiB: a kept file in evidence/
  const stored = store.requests.insertRequestRevision(
    REVIEWER,
    sampleRevisionInput(store, {
      document: JSON.stringify({ schema: "counterseal.request/1", facts: REQUEST_MARKER }),
      evidence: keptEvidence(store, content),
      attachments: [{ ...attachmentIn(content, "attachments/notes.txt", 0, content.length), mediaType: "text/plain" }],
    }),
  );
  const read = (): Buffer => {
    const kept = store.evidence.open(stored.id);
    try {
      return Buffer.concat([...kept.range(0, content.length)]);
    } finally {
      kept.close();
    }
  };
  return { read, content };
}

describe("encryption at rest", () => {
  it("the grep would find the markers in a plaintext SQLite file (control)", () => {
    const dir = tempDir();
    const plain = new Database(join(dir, "plain.db"));
    plain.exec("CREATE TABLE t (document TEXT, data BLOB)");
    plain.prepare("INSERT INTO t VALUES (?, ?)").run(REQUEST_MARKER, Buffer.from(ATTACHMENT_MARKER));
    plain.close();

    expect(filesContaining(dir, REQUEST_MARKER)).toEqual(["plain.db"]);
    expect(filesContaining(dir, ATTACHMENT_MARKER)).toEqual(["plain.db"]);
  });

  it("leaves no trace of a request or an attachment in the database, WAL or shm files", () => {
    const { store, dir } = newStore();
    const { read, content } = storeRequestWithMarkers(store);

    // While open, the latest commits sit in the WAL.
    expect(statSync(join(dir, "counterseal.db-wal")).size).toBeGreaterThan(0);
    expect(filesContainingDeep(dir, REQUEST_MARKER)).toEqual([]);
    expect(filesContainingDeep(dir, ATTACHMENT_MARKER)).toEqual([]);
    // …and the content is really there, readable through the store.
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")?.document).toContain(REQUEST_MARKER);
    expect(read().equals(content)).toBe(true);

    store.close();
    // Beside the database only the key-derivation record, which holds no request data, and the
    // kept bundle, re-wrapped to the store's own key.
    expect(allFiles(dir).sort()).toEqual(["counterseal.db", "counterseal.kdf.json", expect.stringMatching(/^evidence\/[0-9a-f]{64}\.age$/)]);
    expect(filesContainingDeep(dir, REQUEST_MARKER)).toEqual([]);
    expect(filesContainingDeep(dir, ATTACHMENT_MARKER)).toEqual([]);
  });
});

describe("rekey", () => {
  it("re-encrypts under the new passphrase: the old one fails, the new one opens intact data", () => {
    const { store, dir } = newStore();
    const { content } = storeRequestWithMarkers(store);

    store.rekey("a much better passphrase", REVIEWER);
    // The open store keeps working, back in WAL mode.
    expect(store.diagnostics().journalMode).toBe("wal");
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")?.document).toContain(REQUEST_MARKER);
    store.close();

    expect(() => openStore(dir, PASSPHRASE, testRuntime())).toThrow(WrongPassphraseError);
    const reopened = closeLater(openStore(dir, "a much better passphrase", testRuntime()));
    const id = reopened.requests.getRequest("fr-pnf", "PNF-2025-0042")?.id ?? "";
    const kept = reopened.evidence.open(id);
    expect(Buffer.concat([...kept.range(0, content.length)]).equals(content)).toBe(true);
    kept.close();
    expect(reopened.requests.getRequest("fr-pnf", "PNF-2025-0042")?.attachments).toHaveLength(1);
    expect(reopened.audit.listAudit().at(-1)).toMatchObject({ action: "store.rekeyed", actor: "reviewer:1F2E3D4C5B6A7988" });
    expect(reopened.audit.verifyAuditChain()).toMatchObject({ ok: true });
    expect(reopened.diagnostics().journalMode).toBe("wal");
    expect(filesContainingDeep(dir, REQUEST_MARKER)).toEqual([]);
  });

  it("refuses an empty passphrase, which would decrypt the store onto the disk", () => {
    const { store, dir } = newStore();
    expect(() => store.rekey("")).toThrow(StoreError);
    store.close();
    closeLater(openStore(dir, PASSPHRASE, testRuntime()));
  });

  it("refuses while an async transaction is open", async () => {
    const { store } = newStore();
    let release!: () => void;
    const held = store.asyncTransaction(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => store.rekey("new passphrase")).toThrow(TransactionBusyError);
    release();
    await held;
  });

  it("refuses while another connection has the store open, and leaves it usable", () => {
    const { store, dir } = newStore();
    withRawConnection(store.file, () => {
      expect(() => store.rekey("new passphrase")).toThrow(/another program may have it open/);
    });
    expect(store.diagnostics().journalMode).toBe("wal");
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    store.close();
    expect(existsSync(join(dir, "counterseal.db-wal"))).toBe(false);
    closeLater(openStore(dir, PASSPHRASE, testRuntime()));
  });
});
