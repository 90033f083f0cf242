// listAudit and verifyAudit through the dispatcher, as the renderer calls them, over a store
// filled by the real services; tampering shows up as the first broken link.
import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../electron/api/dispatch.js";
import { createApiHandlers } from "../../electron/api/handlers/index.js";
import { apiContract } from "../../shared/api/contract.js";
import type { ApiResult } from "../../shared/api/result.js";
import type { AuditEntry, AuditVerification } from "../../shared/formats/audit.js";
import { testRuntime } from "../helpers/runtime.js";
import { noSaving } from "../api/doors.js";
import { busyOffice, NEW_PASSPHRASE, tamperAudit } from "./helpers.js";

async function apiOverBusyStore() {
  const office = await busyOffice();
  office.session.store.close();
  const table = createApiHandlers({ storeDir: office.storeDir, files: noSaving, runtime: testRuntime() });
  const { dispatch } = createDispatcher(table);
  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = (await dispatch(method, args)) as ApiResult<T>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  };
  return { dispatch, call, storeDir: office.storeDir, close: () => table.close() };
}

describe("the audit API", () => {
  it("is in the contract", () => {
    expect(Object.keys(apiContract)).toEqual(expect.arrayContaining(["listAudit", "verifyAudit"]));
  });

  it("is locked until unlocked, pages entries, verifies the chain, and reports tampering", async () => {
    const api = await apiOverBusyStore();
    try {
      expect(await api.dispatch("verifyAudit", {})).toMatchObject({ ok: false, error: { code: "locked" } });
      await api.call("unlock", { passphrase: NEW_PASSPHRASE });

      const all = await api.call<AuditEntry[]>("listAudit");
      expect(all.map((entry) => entry.seq)).toEqual(Array.from({ length: 46 }, (_, index) => index + 1));
      expect(all[4]).toMatchObject({ action: "request.stored", objectType: "request", details: { newCase: true, revision: 1 } });
      const page = await api.call<AuditEntry[]>("listAudit", { afterSeq: 4, limit: 2 });
      expect(page).toEqual(all.slice(4, 6));

      const intact = await api.call<AuditVerification>("verifyAudit");
      expect(intact).toEqual({ ok: true, count: 46, headSeq: 46, headHash: all.at(-1)?.rowHash });

      expect(await api.dispatch("listAudit", { limit: 0 })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
      expect(await api.dispatch("listAudit", { afterSeq: 1.5 })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });
      expect(await api.dispatch("verifyAudit", { deep: true })).toMatchObject({ ok: false, error: { code: "invalid-arguments" } });

      tamperAudit(api.storeDir, "DELETE FROM audit_log WHERE seq = 9");
      expect(await api.call<AuditVerification>("verifyAudit")).toEqual({ ok: false, seq: 9, reason: "row 9 is missing (next row is 10)" });
      expect((await api.call<AuditEntry[]>("listAudit", { afterSeq: 8, limit: 1 }))[0]?.seq).toBe(10);
    } finally {
      api.close();
    }
  });
  it("records each unlock of the app with the failed attempts before it, counted again from zero after", async () => {
    const api = await apiOverBusyStore();
    try {
      for (const wrong of ["not the passphrase at all", "still not the passphrase"]) {
        expect(await api.dispatch("unlock", { passphrase: wrong })).toMatchObject({ ok: false, error: { code: "wrong-passphrase" } });
      }
      await api.call("unlock", { passphrase: NEW_PASSPHRASE });
      await api.call("lock");
      await api.call("unlock", { passphrase: NEW_PASSPHRASE });
      const unlocks = (await api.call<AuditEntry[]>("listAudit")).filter((entry) => entry.action === "store.unlocked");
      // The fixture's own unlock first, then these two.
      expect(unlocks.map((entry) => entry.details)).toEqual([{ failedAttempts: 1 }, { failedAttempts: 2 }, { failedAttempts: 0 }]);
    } finally {
      api.close();
    }
  });
});
