import { describe, expect, it } from "vitest";
import { NestedTransactionError, StoreError, TransactionBusyError } from "../../electron/core/store/index.js";
import { readdirSync } from "node:fs";
import { evidenceDir } from "../../electron/core/store/index.js";
import { keptEvidence } from "../helpers/kept-evidence.js";
import { deterministicBytes } from "../helpers/runtime.js";
import { countRows, countRowsOf, newStore, sampleKey, sampleRevisionInput, REVIEWER, reviewerActor } from "./helpers.js";

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A promise the test resolves by hand, to hold a transaction open at a known point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const TABLES = ["evidence", "requests", "cases", "attachments", "audit_log"] as const;
/** The kept bundle files of a store (what no transaction may leave behind when it rolls back). */
const keptFiles = (dir: string): string[] => {
  try {
    return readdirSync(evidenceDir(dir));
  } catch {
    return [];
  }
};
/** A kept bundle large enough to be a file in evidence/. */
const LARGE = 300_000;
const counts = (file: string): Record<string, number> => countRowsOf(file, TABLES);

describe("asyncTransaction", () => {
  it("commits everything written across awaits", async () => {
    const { store, dir } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));

    const stored = await store.asyncTransaction(async () => {
      const evidence = keptEvidence(store, deterministicBytes("stream", LARGE));
      await tick();
      return store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { evidence }));
    });

    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")?.id).toEqual(stored.id);
    expect(countRows(store.file, "evidence")).toBe(1);
    expect(keptFiles(dir)).toHaveLength(1);
  });

  it("rolls back everything when it throws after a kept file was published, and removes the file", async () => {
    const { store, dir } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const before = counts(store.file);

    const importing = store.asyncTransaction(async () => {
      const evidence = keptEvidence(store, deterministicBytes("stream", LARGE));
      store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { evidence }));
      expect(keptFiles(dir)).toHaveLength(1);
      keptEvidence(store, deterministicBytes("second", LARGE)); // a partial file, never stored
      await tick();
      throw new Error("tar stream truncated");
    });

    await expect(importing).rejects.toThrow("tar stream truncated");
    expect(counts(store.file)).toEqual(before);
    expect(keptFiles(dir)).toEqual([]);
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")).toBeUndefined();
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("runs two concurrent transactions one after the other", async () => {
    const { store } = newStore();
    const events: string[] = [];
    const holdA = gate();

    const a = store.asyncTransaction(async () => {
      events.push("A begins");
      await holdA.opened;
      store.keyring.addAuthorityKey(reviewerActor("A"), sampleKey(1));
      events.push("A ends");
    });
    const b = store.asyncTransaction(async () => {
      events.push("B begins");
      // B starts only after A committed, so it sees A's key.
      events.push(`B sees ${store.keyring.listKeyring().length} key(s)`);
      store.keyring.addAuthorityKey(reviewerActor("B"), sampleKey(2));
      events.push("B ends");
    });
    await tick();
    await tick();
    expect(events).toEqual(["A begins"]);
    holdA.open();
    await Promise.all([a, b]);

    expect(events).toEqual(["A begins", "A ends", "B begins", "B sees 1 key(s)", "B ends"]);
    expect(store.audit.listAudit().map((e) => e.actor)).toEqual(["system", "reviewer:A", "reviewer:B"]);
  });

  it("lets the next transaction run after one that failed", async () => {
    const { store } = newStore();
    await expect(store.asyncTransaction(async () => Promise.reject(new Error("first fails")))).rejects.toThrow("first fails");
    await store.asyncTransaction(async () => {
      store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    });
    expect(store.keyring.listKeyring()).toHaveLength(1);
  });

  it("refuses to nest, clearly, and the outer transaction can still commit", async () => {
    const { store } = newStore();
    await store.asyncTransaction(async () => {
      await expect(store.asyncTransaction(async () => undefined)).rejects.toThrow(NestedTransactionError);
      store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    });
    expect(store.keyring.listKeyring()).toHaveLength(1);
  });

  it("refuses to start inside a synchronous transaction", async () => {
    const { store } = newStore();
    let nested: Promise<unknown> = Promise.resolve();
    store.transaction(() => {
      nested = store.asyncTransaction(async () => undefined);
    });
    await expect(nested).rejects.toThrow(NestedTransactionError);
  });

  it("refuses writes from outside while it is open, instead of letting them join it", async () => {
    const { store } = newStore();
    const hold = gate();
    const importing = store.asyncTransaction(async () => {
      await hold.opened;
      throw new Error("import fails later");
    });
    await tick();

    expect(() => store.keyring.addAuthorityKey(REVIEWER, sampleKey(1))).toThrow(TransactionBusyError);
    expect(() => store.transaction(() => undefined)).toThrow(TransactionBusyError);
    expect(() => store.close()).toThrow(TransactionBusyError);
    hold.open();
    await expect(importing).rejects.toThrow("import fails later");
    // Once it is over, writes go through again.
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    expect(store.keyring.listKeyring()).toHaveLength(1);
  });
});

describe("transaction (synchronous)", () => {
  it("rolls back every repository call in it when it throws", () => {
    const { store } = newStore();
    expect(() =>
      store.transaction(() => {
        store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
        store.ageIdentities.addAgeIdentity(REVIEWER, { identity: "AGE-SECRET-KEY-1QQQ", recipient: "age1qqq", label: "office" });
        throw new Error("changed my mind");
      }),
    ).toThrow("changed my mind");
    expect(store.keyring.listKeyring()).toEqual([]);
    expect(store.ageIdentities.listAgeIdentities()).toEqual([]);
    expect(store.audit.listAudit()).toHaveLength(1);
  });

  it("returns the function's value", () => {
    const { store } = newStore();
    expect(store.transaction(() => 42)).toBe(42);
  });

  it("refuses an async function, which would commit before its awaits", () => {
    const { store } = newStore();
    expect(() => store.transaction((async () => undefined) as unknown as () => void)).toThrow(/promise/);
  });
});

describe("transaction hooks", () => {
  it("are refused outside a transaction", () => {
    const { store } = newStore();
    expect(() => store.transaction(() => undefined)).not.toThrow();
    expect(() => (store as unknown as { evidence: { remove(id: string): void } }).evidence.remove("x")).toThrow(StoreError);
  });
});

describe("savepoint inside an asyncTransaction", () => {
  const withKeptFile = (store: ReturnType<typeof newStore>["store"], documentId: string) =>
    sampleRevisionInput(store, {
      documentId,
      bundleDigest: documentId.padEnd(64, "0").slice(0, 64).replace(/[^0-9a-f]/g, "a"),
      evidence: keptEvidence(store, deterministicBytes(documentId, LARGE)),
    });

  it("rolls back only the failed savepoint's rows; the others commit together", async () => {
    const { store, dir } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const before = counts(store.file);

    const outcomes = await store.asyncTransaction(async () => {
      const results: string[] = [];
      for (const documentId of ["first", "broken", "third"]) {
        try {
          await store.savepoint(async () => {
            const input = withKeptFile(store, documentId);
            await tick();
            store.requests.insertRequestRevision(REVIEWER, input);
            if (documentId === "broken") throw new Error("signature does not verify");
          });
          results.push(`${documentId}: stored`);
        } catch (error) {
          results.push(`${documentId}: ${(error as Error).message}`);
        }
      }
      return results;
    });

    expect(outcomes).toEqual(["first: stored", "broken: signature does not verify", "third: stored"]);
    const after = counts(store.file);
    expect(after["requests"]).toBe((before["requests"] ?? 0) + 2);
    expect(after["evidence"]).toBe((before["evidence"] ?? 0) + 2);
    expect(keptFiles(dir)).toHaveLength(2);
    expect(store.requests.getRequest("fr-pnf", "broken", 1)).toBeUndefined();
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("is refused outside an asyncTransaction", async () => {
    const { store } = newStore();
    await expect(store.savepoint(async () => {})).rejects.toThrow(/inside store.asyncTransaction/);
  });
});
