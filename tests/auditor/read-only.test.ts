// Case data in an auditor's store cannot be changed by any command: review, decide and imports of
// request bundles refuse with a clear error and change nothing; underneath, the database refuses
// requests, reviews and decisions of its own, changes to a pack's cases, and a change of mode.
import { afterEach, describe, expect, it } from "vitest";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { assertOfficeStore, storeModeOf } from "../../electron/core/auditor/store-mode.js";
import { importAuditPack } from "../../electron/core/auditor/pack-import.js";
import { decide } from "../../electron/core/decisions/decide.js";
import { changeScope, declareIndependence, setAnswer } from "../../electron/core/review/review-service.js";
import type { Session } from "../../electron/core/session/session.js";
import { openKeyedConnection, storeFile } from "../../electron/core/store/index.js";
import { STORE_PASSPHRASE } from "../helpers/office.js";
import { REASONS } from "../decisions/decide-office.js";
import { decidedOffice, makePack, openAuditorStore, trustOffice } from "./auditor-fixture.js";

const open: Session[] = [];
afterEach(() => {
  for (const session of open.splice(0)) if (session.store.isOpen) session.store.close();
});

const failure = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (error) {
    return { code: (error as { code?: string }).code ?? "uncoded", message: (error as Error).message };
  }
  return { code: "no error", message: "" };
};

describe("an auditor's store", () => {
  it("refuses review, decide and request imports with one clear error, changing nothing", async () => {
    const office = await decidedOffice();
    const auditor = openAuditorStore();
    open.push(office.session, auditor.session);
    trustOffice(auditor, office.session);
    await importAuditPack(auditor.session, (await makePack(office, auditor.recipient)).file);
    const ref = { authority: "nl-om-rotterdam", id: "AUD-2026-002", revision: 1 };
    const before = auditor.session.store.audit.auditHead();
    expect(storeModeOf(auditor.session)).toBe("auditor");
    expect(storeModeOf(office.session)).toBe("office");
    for (const [what, run] of [
      ["declare independence", () => declareIndependence(auditor.session, { ...ref, conflict: false })],
      ["answer", () => setAnswer(auditor.session, { ...ref, item: "L1", answer: "met" })],
      ["narrow the scope", () => changeScope(auditor.session, { ...ref, change: { op: "strike-category", category: "traffic" } })],
      ["decide", () => decide(auditor.session, { ...ref, outcome: "refused", reasons: REASONS })],
      ["import", () => assertOfficeStore(auditor.session, "import request bundles")],
    ] as const) {
      const result = failure(run);
      expect(result.code, what).toBe("auditor-store-read-only");
      expect(result.message, what).toMatch(/this is an auditor's store, where case data are read-only/);
    }
    expect(auditor.session.store.audit.auditHead()).toEqual(before);
    // The import pipeline itself (which the CLI and the API guard before it) finds nothing it may store either.
    const outcome = await importBundleFile(auditor.session, await office.seal({ name: "to-auditor.sealed" }));
    expect(outcome.status).toBe("refused");
    expect(auditor.session.store.requests.listAllRevisions({ limit: 10, offset: 0 })).toEqual([]);
  });

  it("is fixed underneath: the database refuses case rows, changes to a pack and a change of mode", async () => {
    const office = await decidedOffice();
    const auditor = openAuditorStore();
    open.push(office.session);
    trustOffice(auditor, office.session);
    await importAuditPack(auditor.session, (await makePack(office, auditor.recipient)).file);
    expect(() => auditor.session.store.settings.update(auditor.session.actor, { storeMode: "auditor" })).toThrow(/the store mode cannot be changed/);
    expect(() => office.session.store.settings.update(office.session.actor, { storeMode: "auditor" })).toThrow(/only in a store without requests/);
    auditor.session.store.close();
    const db = openKeyedConnection(storeFile(auditor.storeDir), STORE_PASSPHRASE);
    try {
      expect(() => db.prepare("DELETE FROM settings WHERE key = 'storeMode'").run()).toThrow(/the store mode cannot be changed/);
      expect(() => db.prepare("UPDATE audit_pack_cases SET request = '{}'").run()).toThrow(/audit_pack_cases are kept as received/);
      expect(() => db.prepare("DELETE FROM audit_pack_decisions").run()).toThrow(/audit_pack_decisions are kept as received/);
      expect(() => db.prepare("UPDATE audit_packs SET frame = ''").run()).toThrow(/audit_packs are kept as received/);
      expect(() => db.prepare("INSERT INTO decisions (id) VALUES ('D-1')").run()).toThrow(/holds no decisions of its own/);
      expect(() => db.prepare("INSERT INTO reviews (id) VALUES ('R-1')").run()).toThrow(/holds no reviews of its own/);
      expect(() => db.prepare("INSERT INTO requests (id) VALUES ('Q-1')").run()).toThrow(/holds no requests of its own/);
    } finally {
      db.close();
    }
  });
});
