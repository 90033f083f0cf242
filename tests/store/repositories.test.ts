import { describe, expect, it } from "vitest";
import {
  DuplicateBundleError,
  DuplicateKeyError,
  KeyAlreadyRevokedError,
  RevisionConflictError,
  StoreError,
  UnknownKeyError,
} from "../../electron/core/store/index.js";
import { deterministicBytes, T0, testRuntime } from "../helpers/runtime.js";
import { attachmentIn, keptEvidence } from "../helpers/kept-evidence.js";
import { filled, newStore, sampleKey, sampleRevisionInput, REVIEWER } from "./helpers.js";

const actions = (store: ReturnType<typeof newStore>["store"]): string[] => store.audit.listAudit().map((e) => e.action);

describe("reviewer", () => {
  const reviewer = { name: "A. Reviewer", office: "Oversight Office", keyId: filled(8, 9), publicKey: filled(32, 9), secretKey: filled(64, 9) };

  it("is absent until saved, then returned with its keys as Uint8Array", () => {
    const { store } = newStore();
    expect(store.reviewer.getReviewer()).toBeUndefined();

    store.reviewer.saveReviewer(REVIEWER, reviewer);

    const saved = store.reviewer.getReviewer();
    expect(saved).toEqual({ ...reviewer, createdAt: T0, updatedAt: T0 });
    expect(saved?.secretKey).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(saved?.secretKey)).toBe(false);
  });

  it("updates the name and office, keeps the creation time, and audits without the secret key", () => {
    const runtime = testRuntime();
    const { store } = newStore(runtime);
    store.reviewer.saveReviewer(REVIEWER, reviewer);
    runtime.advance(60_000);
    store.reviewer.saveReviewer(REVIEWER, { ...reviewer, office: "New Office" });

    expect(store.reviewer.getReviewer()).toMatchObject({ office: "New Office", createdAt: T0, updatedAt: new Date(T0.getTime() + 60_000) });
    const last = store.audit.listAudit().at(-1);
    expect(last).toMatchObject({ action: "reviewer.updated", details: { office: "New Office", keyId: "09".repeat(8) } });
    expect(last?.detailsJson).not.toContain("09".repeat(64));
  });

  it("refuses to replace the signing key", () => {
    const { store } = newStore();
    store.reviewer.saveReviewer(REVIEWER, reviewer);
    expect(() => store.reviewer.saveReviewer(REVIEWER, { ...reviewer, keyId: filled(8, 1) })).toThrow(StoreError);
    expect(store.reviewer.getReviewer()?.keyId).toEqual(reviewer.keyId);
  });
});

describe("office age identities", () => {
  const identity = { identity: "AGE-SECRET-KEY-1ABCDEF", recipient: "age1abcdef", label: "office 2025" };

  it("adds once, and reports an already held recipient as not new without another audit row", () => {
    const { store } = newStore();
    const first = store.ageIdentities.addAgeIdentity(REVIEWER, identity);
    const again = store.ageIdentities.addAgeIdentity(REVIEWER, { ...identity, label: "other label" });

    expect(first).toEqual({ added: true, identity: { ...identity, id: "id-0001", addedAt: T0 } });
    expect(again).toEqual({ added: false, identity: first.identity });
    expect(store.ageIdentities.listAgeIdentities()).toEqual([first.identity]);
    expect(actions(store)).toEqual(["store.created", "age-identity.added"]);
    expect(store.audit.listAudit().at(-1)?.detailsJson).not.toContain("AGE-SECRET-KEY");
  });

  it("refuses the same recipient with a different identity, and malformed identities", () => {
    const { store } = newStore();
    store.ageIdentities.addAgeIdentity(REVIEWER, identity);
    expect(() => store.ageIdentities.addAgeIdentity(REVIEWER, { ...identity, identity: "AGE-SECRET-KEY-1OTHER" })).toThrow(StoreError);
    expect(() => store.ageIdentities.addAgeIdentity(REVIEWER, { ...identity, identity: "secret", recipient: "age1x" })).toThrow(
      /age_identity_format/,
    );
  });
});

describe("keyring", () => {
  it("adds keys, finds them by key id, and lists them per authority", () => {
    const { store } = newStore();
    const from = new Date("2025-01-01T00:00:00Z");
    const until = new Date("2026-01-01T00:00:00Z");
    const added = store.keyring.addAuthorityKey(
      REVIEWER,
      sampleKey(1, { ageRecipient: "age1pnf", validFrom: from, validUntil: until }),
    );
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(2, { authorityId: "de-bka", name: "Bundeskriminalamt", country: "DE" }));
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(3));

    expect(added).toEqual({
      keyId: filled(8, 1),
      authorityId: "fr-pnf",
      kind: "authority",
      authorityName: "Parquet national financier",
      country: "FR",
      publicKey: filled(32, 1),
      ageRecipient: "age1pnf",
      validFrom: from,
      validUntil: until,
      revokedAt: null,
      addedAt: T0,
    });
    expect(store.keyring.findKeyById(filled(8, 1))).toEqual(added);
    expect(store.keyring.findKeyById(filled(8, 7))).toBeUndefined();
    expect(store.keyring.listKeyring().map((k) => [k.authorityId, k.keyId[0]])).toEqual([
      ["de-bka", 2],
      ["fr-pnf", 1],
      ["fr-pnf", 3],
    ]);
    expect(store.audit.listAudit().at(1)?.details).toMatchObject({ validFrom: from.getTime(), validUntil: until.getTime() });
  });

  it("refuses a key id or a public key that is already in the keyring", () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    expect(() => store.keyring.addAuthorityKey(REVIEWER, sampleKey(1, { authorityId: "de-bka" }))).toThrow(DuplicateKeyError);
    expect(() => store.keyring.addAuthorityKey(REVIEWER, sampleKey(2, { publicKey: filled(32, 1) }))).toThrow(DuplicateKeyError);
    expect(store.keyring.listKeyring()).toHaveLength(1);
  });

  it("updates an authority's display name from a later key, recording the old one", () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(2, { name: "PNF" }));
    expect(store.keyring.findKeyById(filled(8, 1))?.authorityName).toBe("PNF");
    expect(store.audit.listAudit().at(-1)?.details).toMatchObject({ previousAuthority: { name: "Parquet national financier", country: "FR" } });
  });

  it("refuses a validity window that ends before it starts", () => {
    const { store } = newStore();
    const key = sampleKey(1, { validFrom: new Date("2026-01-01T00:00:00Z"), validUntil: new Date("2025-01-01T00:00:00Z") });
    expect(() => store.keyring.addAuthorityKey(REVIEWER, key)).toThrow(/authority_key_window_ordered/);
  });

  it("revokes a key once; a second revocation or an unknown key is an error", () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const at = new Date("2025-02-15T12:00:00Z");

    expect(store.keyring.revokeKey(REVIEWER, filled(8, 1), at).revokedAt).toEqual(at);
    expect(() => store.keyring.revokeKey(REVIEWER, filled(8, 1), new Date())).toThrow(KeyAlreadyRevokedError);
    expect(() => store.keyring.revokeKey(REVIEWER, filled(8, 2), at)).toThrow(UnknownKeyError);
    expect(store.keyring.findKeyById(filled(8, 1))?.revokedAt).toEqual(at);
    expect(store.audit.listAudit().at(-1)).toMatchObject({ action: "authority-key.revoked", details: { revokedAt: at.getTime() } });
  });
});

describe("requests", () => {
  function storeWithKeyring() {
    const opened = newStore();
    opened.store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    opened.store.keyring.addAuthorityKey(REVIEWER, sampleKey(2, { authorityId: "de-bka", name: "BKA", country: "DE" }));
    return opened;
  }

  it("stores a revision with its attachments and opens a case for it", () => {
    const { store } = storeWithKeyring();
    const stream = deterministicBytes("tar stream", 9000);
    const pdf = attachmentIn(stream, "attachments/order.pdf", 1024, 5000);
    const empty = attachmentIn(stream, "attachments/empty.txt", 6144, 0);
    const input = sampleRevisionInput(store, {
      respondBy: new Date("2025-03-15T17:00:00Z"),
      evidence: keptEvidence(store, stream),
      attachments: [
        { ...pdf, title: "Order", mediaType: "application/pdf" },
        { ...empty, title: "Empty", mediaType: "text/plain" },
      ],
    });
    const stored = store.requests.insertRequestRevision(REVIEWER, input);

    expect(stored).toMatchObject({
      caseId: expect.any(String),
      authorityId: "fr-pnf",
      documentId: "PNF-2025-0042",
      revision: 1,
      respondBy: new Date("2025-03-15T17:00:00Z"),
      submittedAt: new Date("2025-02-27T09:00:00Z"),
      receivedAt: T0,
      document: input.document,
      signerKeyId: filled(8, 1),
      status: "received",
    });
    expect(stored.attachments).toEqual([
      { id: expect.any(String), position: 0, path: "attachments/order.pdf", title: "Order", mediaType: "application/pdf", size: 5000, sha256: pdf.sha256, offset: 1024 },
      { id: expect.any(String), position: 1, path: "attachments/empty.txt", title: "Empty", mediaType: "text/plain", size: 0, sha256: empty.sha256, offset: 6144 },
    ]);
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")).toEqual(stored);
    expect(store.audit.listAudit().at(-1)).toMatchObject({
      action: "request.stored",
      objectId: stored.id,
      details: { newCase: true, revision: 1, attachments: [{ path: "attachments/order.pdf", size: 5000, sha256: pdf.sha256 }, { path: "attachments/empty.txt", size: 0 }] },
    });
  });

  it("links a later revision to the same case and returns the latest by default", () => {
    const { store } = storeWithKeyring();
    const first = store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { revision: 1 }));
    const second = store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { revision: 2, urgencyLevel: "expedited" }));

    expect(second.caseId).toBe(first.caseId);
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042")?.revision).toBe(2);
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042", 1)?.id).toBe(first.id);
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042", 3)).toBeUndefined();
    expect(store.requests.getRequest("fr-pnf", "PNF-2025-0042", 2)?.urgencyLevel).toBe("expedited");
    expect(store.requests.listRevisions(first.caseId).map((r) => r.revision)).toEqual([1, 2]);
    expect(store.audit.listAudit().at(-1)?.details).toMatchObject({ newCase: false, caseId: first.caseId });
  });

  it("refuses the same digest again (duplicate) and another digest for a stored revision (conflict)", () => {
    const { store } = storeWithKeyring();
    store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store));

    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store))).toThrow(DuplicateBundleError);
    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { bundleDigest: "e".repeat(64) }))).toThrow(
      RevisionConflictError,
    );
    expect(store.requests.listAllRevisions({ limit: 10, offset: 0 })).toHaveLength(1);
  });

  it("refuses a signer key registered for another authority", () => {
    const { store } = storeWithKeyring();
    // Key 02… belongs to de-bka; the request claims fr-pnf.
    expect(() => store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { signerKeyId: filled(8, 2) }))).toThrow(/FOREIGN KEY/);
  });

  it("refuses an attachment that lies outside its kept bundle's tar stream, storing nothing", () => {
    const { store } = storeWithKeyring();
    const stream = deterministicBytes("short stream", 3000);
    const input = sampleRevisionInput(store, {
      evidence: keptEvidence(store, stream),
      attachments: [{ ...attachmentIn(stream, "a.pdf", 0, 3000), size: 3001 }],
    });
    expect(() => store.requests.insertRequestRevision(REVIEWER, input)).toThrow(/lies outside its bundle's 3000 bytes/);
    expect(store.requests.listAllRevisions({ limit: 10, offset: 0 })).toEqual([]);
  });

  it("lists every revision, most recently received first, page by page", () => {
    const runtime = testRuntime();
    const { store } = newStore(runtime);
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const receive = (documentId: string, revision: number, digest: number): void => {
      runtime.advance(1000);
      store.requests.insertRequestRevision(REVIEWER, sampleRevisionInput(store, { documentId, revision, bundleDigest: "0".repeat(62) + digest.toString(16).padStart(2, "0") }));
    };
    receive("A", 1, 1);
    receive("B", 1, 2);
    receive("A", 2, 3);
    receive("C", 1, 4);

    const page = (offset: number) => store.requests.listAllRevisions({ limit: 2, offset }).map((r) => `${r.documentId}/${r.revision}`);
    expect(page(0)).toEqual(["C/1", "A/2"]);
    expect(page(2)).toEqual(["B/1", "A/1"]);
    expect(page(4)).toEqual([]);
    expect(() => store.requests.listAllRevisions({ limit: -1, offset: 0 })).toThrow(StoreError);
  });
});
