// The audit service over a real encrypted store filled through the real services: every row
// parses as its action's typed entry, pages add up, and tampering done with SQL behind the
// store's back is found and named.
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeCheckpoint } from "../../electron/core/audit/checkpoint.js";
import { exportAudit } from "../../electron/core/audit/export-audit.js";
import {
  allAuditEntries,
  AuditPageError,
  AuditRowError,
  auditHead,
  listAuditEntries,
  verifyAudit,
} from "../../electron/core/audit/audit-service.js";
import { openSession, type Session } from "../../electron/core/session/session.js";
import { sha256Hex } from "../../electron/core/store/bytes.js";
import { AUDIT_DETAILS, formatActor } from "../../shared/formats/audit.js";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from "../../shared/vocabulary/audit-actions.js";
import { testRuntime } from "../helpers/runtime.js";
import { busyOffice, NEW_PASSPHRASE, tamperAudit } from "./helpers.js";

const open: Session[] = [];
afterEach(() => {
  for (const session of open.splice(0)) if (session.store.isOpen) session.store.close();
});

async function filledStore(): Promise<{ session: Session; storeDir: string }> {
  const office = await busyOffice();
  open.push(office.session);
  return { session: office.session, storeDir: office.storeDir };
}

const reopen = (storeDir: string): Session => {
  const session = openSession(storeDir, NEW_PASSPHRASE, testRuntime());
  open.push(session);
  return session;
};

describe("the audit service", () => {
  it("reads every row the real operations write as its action's schema, actor and object type", async () => {
    const { session, storeDir } = await filledStore();
    makeCheckpoint(session);
    exportAudit(session, join(dirname(storeDir), "audit.jsonl"));
    const rows = session.store.audit.listAudit();
    const entries = [...allAuditEntries(session)];

    expect(entries.map((entry) => entry.action)).toEqual([
      "store.created",
      "reviewer.created",
      "age-identity.added",
      "authority-key.added",
      "request.stored",
      "bundle.refused",
      "attachment.viewed",
      "attachment.saved",
      "settings.changed",
      "age-identity.added",
      "authority-key.added",
      "authority-key.revoked",
      "request.original-exported",
      "request.stored",
      "request.deleted",
      "review.started",
      "review.independence-declared",
      "review.answer-set",
      "review.finding-reviewed",
      "review.scope-changed",
      "request.stored",
      "review.started",
      "review.independence-declared",
      "review.carried-over-confirmed",
      "settings.changed",
      "decision.signed",
      "authority-key.added",
      "countersignature.requested",
      "countersignature.received",
      "countersignature.request-received",
      "countersignature.given",
      "grievance.registered",
      "grievance.responded",
      "document.exported",
      "request.stored",
      "review.started",
      "review.independence-declared",
      "review.answer-set",
      "decision.signed",
      "execution.recorded",
      "report.exported",
      "audit.checkpointed",
      "audit-pack.exported",
      "store.rekeyed",
      "store.unlocked",
      "audit.checkpointed",
      "audit.exported",
    ]);
    // Every action the code can write, but a reviewer's profile change (no operation does it
    // yet), the removal of chunk blobs (the layout before kept evidence: readable in old logs)
    // and the sweep of orphan evidence files at open (tests/store/evidence.test.ts); and what
    // only an auditor's store writes (tests/auditor/).
    const written = new Set<string>(entries.map((entry) => entry.action));
    expect(AUDIT_ACTIONS.filter((action) => !written.has(action))).toEqual([
      "reviewer.updated",
      "blobs.orphans-deleted",
      "evidence.orphans-removed",
      "audit-pack.imported",
      "auditor.finding-recorded",
      "auditor.report-signed",
    ]);
    for (const [index, entry] of entries.entries()) {
      const row = rows[index];
      expect(AUDIT_DETAILS[entry.action].safeParse(row?.details).success, entry.action).toBe(true);
      expect(entry.objectType).toBe(AUDIT_OBJECT_TYPES[entry.action]);
      expect(formatActor(entry.actor)).toBe(row?.actor);
      expect(entry).toMatchObject({ seq: index + 1, rowHash: row?.rowHash, at: row?.at.toISOString() });
    }
    const reviewerKey = session.actor.kind === "reviewer" ? session.actor.keyId : "";
    expect(entries[0]?.actor).toEqual({ kind: "system" });
    expect(entries.slice(1).every((entry) => entry.actor.kind === "reviewer" && entry.actor.keyId === reviewerKey)).toBe(true);
    expect(entries.find((entry) => entry.action === "settings.changed")?.details).toEqual({ idleLockMinutes: 3, locale: "fr-FR" });
  });

  it("pages through the log in chain order, and refuses a page it cannot serve", async () => {
    const { session } = await filledStore();
    const whole = listAuditEntries(session);
    const paged = [];
    for (let after = 0; ; ) {
      const page = listAuditEntries(session, { afterSeq: after, limit: 5 });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(5);
      paged.push(...page);
      after = page.at(-1)?.seq ?? after;
    }
    expect(paged).toEqual(whole);
    expect(listAuditEntries(session, { afterSeq: 43 }).map((entry) => entry.seq)).toEqual([44, 45]);
    expect(() => listAuditEntries(session, { limit: 0 })).toThrow(AuditPageError);
    expect(() => listAuditEntries(session, { limit: 1001 })).toThrow(/from 1 to 1000/);
    expect(() => listAuditEntries(session, { afterSeq: -1 })).toThrow(/afterSeq -1/);
  });

  it("verifies an intact chain and returns its head", async () => {
    const { session } = await filledStore();
    const last = session.store.audit.listAudit().at(-1);
    expect(verifyAudit(session)).toEqual({ ok: true, count: 45, headSeq: 45, headHash: last?.rowHash });
    expect(auditHead(session)).toEqual({ seq: 45, hash: last?.rowHash });
  });

  it("names a row whose details were rewritten through a second connection", async () => {
    const { session, storeDir } = await filledStore();
    session.store.close();
    tamperAudit(storeDir, `UPDATE audit_log SET details_json = '{"idleLockMinutes":240,"locale":"fr-FR"}' WHERE seq = 9`);
    expect(verifyAudit(reopen(storeDir))).toEqual({ ok: false, seq: 9, reason: "details do not match their digest" });
  });

  it("names a row rewritten with a matching digest: its row hash no longer holds", async () => {
    const { session, storeDir } = await filledStore();
    session.store.close();
    const forged = '{"idleLockMinutes":240,"locale":"fr-FR"}';
    tamperAudit(storeDir, `UPDATE audit_log SET details_json = '${forged}', details_digest = '${sha256Hex(forged)}' WHERE seq = 9`);
    const reopened = reopen(storeDir);
    expect(verifyAudit(reopened)).toEqual({ ok: false, seq: 9, reason: "row_hash does not match the row's contents" });
    // Reading still works: the row is well-formed, only the chain says it was changed.
    expect(listAuditEntries(reopened, { afterSeq: 8, limit: 1 })[0]?.details).toEqual({ idleLockMinutes: 240, locale: "fr-FR" });
  });

  it("names the gap a deleted row leaves", async () => {
    const { session, storeDir } = await filledStore();
    session.store.close();
    tamperAudit(storeDir, "DELETE FROM audit_log WHERE seq = 5");
    expect(verifyAudit(reopen(storeDir))).toEqual({ ok: false, seq: 5, reason: "row 5 is missing (next row is 6)" });
  });

  it("refuses to list a row outside the vocabulary, naming its seq", async () => {
    const { session, storeDir } = await filledStore();
    session.store.close();
    tamperAudit(storeDir, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3; UPDATE audit_log SET details_json = '{}' WHERE seq = 4");
    const reopened = reopen(storeDir);
    expect(() => listAuditEntries(reopened, { limit: 3 })).toThrow(AuditRowError);
    expect(() => listAuditEntries(reopened, { limit: 3 })).toThrow(/Audit entry 3: Unknown audit actor "mallory"/);
    expect(() => listAuditEntries(reopened, { afterSeq: 3, limit: 1 })).toThrow(/Audit entry 4 \(authority-key.added\) does not match its schema at details/);
    expect(verifyAudit(reopened)).toMatchObject({ ok: false, seq: 3 });
  });
});
