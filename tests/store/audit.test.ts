import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditHashInput } from "../../electron/core/store/audit-chain.js";
import { canonicalJson } from "../../electron/core/crypto/canonical-json.js";
import { GENESIS_HASH, StoreError } from "../../electron/core/store/index.js";
import { T0, testRuntime } from "../helpers/runtime.js";
import { newStore, REVIEWER, withRawConnection } from "./helpers.js";

const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

function storeWithEntries(count: number) {
  const runtime = testRuntime();
  const opened = newStore(runtime);
  for (let i = 1; i <= count; i += 1) {
    runtime.advance(1000);
    opened.store.audit.appendAudit({
      actor: REVIEWER,
      action: "attachment.saved",
      objectId: `attachment-${i}`,
      details: { path: `attachments/${i}.pdf`, sha256: sha256(`entry ${i}`), bytes: i },
    });
  }
  return opened;
}

describe("appendAudit", () => {
  it("chains each row to the previous one from the genesis hash", () => {
    const { store } = storeWithEntries(2);
    const [created, first, second] = store.audit.listAudit();

    expect(created).toMatchObject({ seq: 1, action: "store.created", prevHash: GENESIS_HASH });
    expect(first).toMatchObject({ seq: 2, prevHash: created?.rowHash, details: { path: "attachments/1.pdf", bytes: 1 } });
    expect(second).toMatchObject({ seq: 3, prevHash: first?.rowHash, at: new Date(T0.getTime() + 2000) });
    expect(store.audit.verifyAuditChain()).toEqual({ ok: true, count: 3, headSeq: 3, headHash: second?.rowHash });
  });

  it("stores the details as canonical JSON and hashes exactly the documented encoding", () => {
    const { store } = newStore();
    const entry = store.audit.appendAudit({
      actor: REVIEWER,
      action: "settings.changed",
      objectId: "réglages:b,c",
      details: { locale: "fr-FR", idleLockMinutes: 5 },
    });

    expect(entry.detailsJson).toBe('{"idleLockMinutes":5,"locale":"fr-FR"}');
    expect(entry.detailsDigest).toBe(sha256(entry.detailsJson));
    // The encoding written out by hand, as a third party would implement it from the docs.
    const netstring = (text: string): string => `${Buffer.byteLength(text, "utf8")}:${text},`;
    const encoded = [
      "counterseal.audit.v1",
      "2",
      String(T0.getTime()),
      "reviewer:1F2E3D4C5B6A7988",
      "settings.changed",
      "settings",
      "réglages:b,c",
      entry.detailsDigest,
      entry.prevHash,
    ]
      .map(netstring)
      .join("");
    expect(encoded).toContain("13:réglages:b,c,"); // UTF-8 byte length (12 characters)
    expect(entry.rowHash).toBe(sha256(Buffer.from(encoded, "utf8")));
    expect(auditHashInput({ ...entry, at: T0.getTime() }).toString("utf8")).toBe(encoded);
  });

  it("verifies the chain with the row hash's input written by SQLite, for texts of every UTF-8 width", () => {
    const { store } = newStore();
    const ids = ["", "plain", "réglages", "✓ checked", "𝄞 clef", "a,b:c", "12:x,"];
    for (const objectId of ids) store.audit.appendAudit({ actor: REVIEWER, action: "settings.changed", objectId, details: { idleLockMinutes: 5 } });
    const rows = store.audit.listAudit();
    // The walk reads SQLite's netstrings; each row's hash was made from auditHashInput's.
    for (const row of rows) expect(row.rowHash).toBe(sha256(auditHashInput({ ...row, at: row.at.getTime() })));
    expect(store.audit.verifyAuditChain()).toEqual({ ok: true, count: ids.length + 1, headSeq: ids.length + 1, headHash: rows.at(-1)?.rowHash });
    // The same text at another byte width (é written as e and a combining accent) breaks the row.
    withRawConnection(store.file, (db) => {
      db.exec("DROP TRIGGER audit_log_no_update");
      db.prepare("UPDATE audit_log SET object_id = ? WHERE seq = 4").run("re\u0301glages");
    });
    expect(store.audit.verifyAuditChain()).toEqual({ ok: false, seq: 4, reason: "row_hash does not match the row's contents" });
  });

  it("refuses details outside the action's schema or without a canonical JSON form, and writes nothing", () => {
    const { store } = newStore();
    const valid = { path: "attachments/a.pdf", sha256: "ab".repeat(32), bytes: 3 };
    const append = (details: Record<string, unknown>, action = "attachment.saved") => () =>
      store.audit.appendAudit({ actor: REVIEWER, action: action as never, objectId: "d", details: details as never });

    expect(append({ ...valid, bytes: Number.NaN })).toThrow(StoreError);
    expect(append({ ...valid, path: "attachments/\ud800.pdf" })).toThrow(/lone surrogate/i);
    expect(append({ ...valid, sha256: undefined })).toThrow(/attachment.saved do not match its schema[\s\S]*sha256/);
    expect(append({ ...valid, bytes: new Date(0) })).toThrow(/bytes/);
    expect(append({ ...valid, note: "extra" })).toThrow(/note/);
    expect(append(valid, "note.added")).toThrow(/Unknown audit action "note.added"/);
    expect(() =>
      store.audit.appendAudit({ actor: { kind: "reviewer", keyId: "0ab" }, action: "store.rekeyed", objectId: "store", details: {} }),
    ).toThrow(/Not an audit actor/);
    expect(store.audit.listAudit()).toHaveLength(1);
  });
});

describe("entriesOf", () => {
  it("reads one action's rows of one object, in chain order, and nothing else", () => {
    const { store } = storeWithEntries(3);
    const saved = (objectId: string, bytes: number) => store.audit.appendAudit({ actor: REVIEWER, action: "attachment.saved", objectId, details: { path: "attachments/x.pdf", sha256: sha256(objectId), bytes } });
    saved("attachment-2", 20);
    store.audit.appendAudit({ actor: REVIEWER, action: "settings.changed", objectId: "attachment-2", details: { idleLockMinutes: 5 } });
    expect(store.audit.entriesOf("attachment.saved", "attachment-2").map((entry) => [entry.seq, (entry.details as { bytes: number }).bytes])).toEqual([
      [3, 2],
      [5, 20],
    ]);
    expect(store.audit.entriesOf("settings.changed", "attachment-2").map((entry) => entry.seq)).toEqual([6]);
    expect(store.audit.entriesOf("attachment.saved", "attachment-9")).toEqual([]);
  });
});

describe("append-only", () => {
  it("blocks UPDATE and DELETE with the triggers", () => {
    const { store } = storeWithEntries(2);
    store.close();
    withRawConnection(store.file, (db) => {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2").run()).toThrow(
        "audit_log is append-only: rows cannot be updated",
      );
      expect(() => db.prepare("DELETE FROM audit_log WHERE seq = 3").run()).toThrow(
        "audit_log is append-only: rows cannot be deleted",
      );
      // Without WHERE SQLite would truncate, which skips triggers; it does not when triggers exist.
      expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
      expect(db.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(3);
    });
  });

  it("blocks an insert that does not extend the chain", () => {
    const { store } = storeWithEntries(1);
    store.close();
    withRawConnection(store.file, (db) => {
      const insert = db.prepare(
        `INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, details_json, details_digest, prev_hash, row_hash)
         VALUES (?, 0, 'mallory', 'x', 'x', 'x', '{}', ?, ?, ?)`,
      );
      const digest = sha256("{}");
      expect(() => insert.run(5, digest, GENESIS_HASH, "f".repeat(64))).toThrow(/must extend the chain/);
      expect(() => insert.run(3, digest, GENESIS_HASH, "f".repeat(64))).toThrow(/must extend the chain/);
    });
  });
});

describe("verifyAuditChain", () => {
  const tamper = (file: string, sql: string): void =>
    withRawConnection(file, (db) => {
      db.exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_extends_chain;");
      db.exec(sql);
    });

  it("finds a row changed behind the triggers' back", () => {
    const { store } = storeWithEntries(3);
    tamper(store.file, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    expect(store.audit.verifyAuditChain()).toEqual({ ok: false, seq: 3, reason: "row_hash does not match the row's contents" });
  });

  it("finds changed details even when the rest of the row is intact", () => {
    const { store } = storeWithEntries(3);
    tamper(store.file, `UPDATE audit_log SET details_json = '{"n":2,"text":"entry two"}' WHERE seq = 3`);
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: false, seq: 3, reason: "details do not match their digest" });
  });

  it("finds a deleted row", () => {
    const { store } = storeWithEntries(3);
    tamper(store.file, "DELETE FROM audit_log WHERE seq = 2");
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: false, seq: 2 });
  });

  it("finds a row whose own hash was recomputed, at the next link", () => {
    const { store } = storeWithEntries(3);
    const rows = store.audit.listAudit();
    const target = rows[1];
    if (target === undefined) throw new Error("fixture");
    // Rewrite row 2 consistently (new actor, new row_hash): row 3 no longer links to it.
    const forged = sha256(auditHashInput({ ...target, at: target.at.getTime(), actor: "mallory" }));
    tamper(store.file, `UPDATE audit_log SET actor = 'mallory', row_hash = '${forged}' WHERE seq = 2`);
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: false, seq: 3, reason: "prev_hash does not link to the previous row" });
  });
});

describe("canonicalJson", () => {
  const corpus = join(import.meta.dirname, "../../../shared/corpora/json-canonicalization/testdata");

  it.each(readdirSync(join(corpus, "input")))("matches the RFC 8785 vector %s", (name) => {
    const input: unknown = JSON.parse(readFileSync(join(corpus, "input", name), "utf8"));
    const expected = readFileSync(join(corpus, "output", name));
    expect(Buffer.from(canonicalJson(input), "utf8")).toEqual(expected);
  });
});
