import { describe, expect, it } from "vitest";
import { NestedTransactionError, StoreError, TransactionBusyError } from "../../electron/core/store/index.js";
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

const TABLES = ["blobs", "blob_chunks", "requests", "cases", "attachments", "audit_log"] as const;
const counts = (file: string): Record<string, number> => countRowsOf(file, TABLES);

describe("asyncTransaction", () => {
  it("commits everything written across awaits", async () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));

    const stored = await store.asyncTransaction(async () => {
      const writer = store.blobs.createBlobWriter();
      writer.write(deterministicBytes("blob", 1000));
      await tick();
      const blob = writer.finish();
      await tick();
      return store.requests.insertRequestRevision(
        REVIEWER,
        sampleRevisionInput({ attachments: [{ path: "attachments/a.pdf", title: "A", mediaType: "application/pdf", blobId: blob.blobId }] }),
      );
    });

    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")?.attachments).toEqual(stored.attachments);
    expect(countRows(store.file, "blob_chunks")).toBe(1);
  });

  it("rolls back everything when it throws half-way through a blob", async () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const before = counts(store.file);

    const importing = store.asyncTransaction(async () => {
      const done = store.blobs.createBlobWriter();
      done.write(deterministicBytes("blob", 300_000));
      const first = done.finish();
      store.requests.insertRequestRevision(
        REVIEWER,
        sampleRevisionInput({ attachments: [{ path: "attachments/a.bin", title: "A", mediaType: "application/octet-stream", blobId: first.blobId }] }),
      );
      const writer = store.blobs.createBlobWriter();
      writer.write(deterministicBytes("blob", 2.5 * 1024 * 1024)); // two full chunks already inserted
      await tick();
      throw new Error("tar stream truncated");
    });

    await expect(importing).rejects.toThrow("tar stream truncated");
    expect(counts(store.file)).toEqual(before);
    expect(store.requests.getRequest(sampleRevisionInput().authorityId, sampleRevisionInput().documentId)).toBeUndefined();
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("fails the commit, and keeps nothing, when a blob writer was never finished", async () => {
    const { store } = newStore();
    const before = counts(store.file);

    const forgetful = store.asyncTransaction(async () => {
      // More than one chunk, so a chunk row reaches the database before the writer is dropped.
      store.blobs.createBlobWriter().write(deterministicBytes("blob", 1.5 * 1024 * 1024));
    });

    await expect(forgetful).rejects.toThrow(/FOREIGN KEY/);
    expect(counts(store.file)).toEqual(before);
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

describe("blob writer outside a transaction", () => {
  it("is refused", () => {
    const { store } = newStore();
    expect(() => store.blobs.createBlobWriter()).toThrow(StoreError);
    expect(() => store.blobs.createBlobWriter()).toThrow(/inside store.transaction or store.asyncTransaction/);
  });
});

describe("savepoint inside an asyncTransaction", () => {
  const withBlob = (store: ReturnType<typeof newStore>["store"], documentId: string) => {
    const writer = store.blobs.createBlobWriter();
    writer.write(deterministicBytes("blob", 1.5 * 1024 * 1024)); // a chunk row reaches the database
    const { blobId } = writer.finish();
    return sampleRevisionInput({
      documentId,
      bundleDigest: documentId.padEnd(64, "0").slice(0, 64).replace(/[^0-9a-f]/g, "a"),
      attachments: [{ path: "attachments/a.bin", title: "A", mediaType: "application/octet-stream", blobId }],
    });
  };

  it("rolls back only the failed savepoint's rows; the others commit together", async () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const before = counts(store.file);

    const outcomes = await store.asyncTransaction(async () => {
      const results: string[] = [];
      for (const documentId of ["first", "broken", "third"]) {
        try {
          await store.savepoint(async () => {
            const input = withBlob(store, documentId);
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
    expect(after["blobs"]).toBe((before["blobs"] ?? 0) + 2);
    expect(after["blob_chunks"]).toBe((before["blob_chunks"] ?? 0) + 4);
    expect(store.requests.getRequest("fr-pnf", "broken", 1)).toBeUndefined();
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("is refused outside an asyncTransaction", async () => {
    const { store } = newStore();
    await expect(store.savepoint(async () => {})).rejects.toThrow(/inside store.asyncTransaction/);
  });
});
