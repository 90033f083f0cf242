// Stores written before the typed audit log must still verify: the same details must give the
// same details_json and the same row hashes. These hashes were computed by the previous code
// (the hand-written canonical JSON and free-form actors) for exactly these appends.
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../electron/core/store/bytes.js";
import { auditRowHash, GENESIS_HASH, LATEST_SCHEMA_VERSION } from "../../electron/core/store/index.js";
import type { Actor } from "../../shared/formats/audit.js";
import { testRuntime } from "../helpers/runtime.js";
import { newStore } from "../store/helpers.js";

const reviewer: Actor = { kind: "reviewer", keyId: "9C8F0A3B5D7E1F24" };

const PINNED_ROW_HASHES = [
  "51c09417af90b52387436da77234f69c49a0c78b8970dd04cc0748b6b7e61f49",
  "b24d66f0d79eca66ca809e6a1dc2102bf639a83ece39968d524af8f8e056e2ff",
  "cd1f84e268086ca3c1655fb8f71576129fe55eb109cbfdb40ce4e98bc90821f5",
  "6db1130d475c3f52d60c5d593ec44c4c6b26e3463ef29fc130dd9c9690cf10bd",
  "1dff6dda211131765a7072fda017a3a91f723d331b3526afd50238b39ddfd342",
  "76f3003e75d8db5358f2a663dd25bd1b4386d2c9e96316d618834866124c93ac",
];

describe("audit rows written by the typed log", () => {
  it("are byte for byte what the previous code wrote for the same details", () => {
    // The clock the previous code's store tests started at: the pinned hashes cover the times.
    const runtime = testRuntime(new Date("2025-03-01T09:00:00.000Z"));
    const { store } = newStore(runtime);
    const step = () => runtime.advance(1000);
    step();
    store.audit.appendAudit({ actor: reviewer, action: "settings.changed", objectId: "settings", details: { locale: "fr-FR", idleLockMinutes: 15 } });
    step();
    store.audit.appendAudit({
      actor: reviewer,
      action: "reviewer.created",
      objectId: "241f7e5d3b0a8f9c",
      details: { name: "Zoë Ångström-Łukasiewicz \u{1F600}", office: 'Office "du" Défenseur\n\t<&>', keyId: "241f7e5d3b0a8f9c" },
    });
    step();
    store.audit.appendAudit({
      actor: reviewer,
      action: "authority-key.added",
      objectId: "0101010101010101",
      details: {
        authorityId: "fr-pnf",
        name: "Parquet national financier",
        country: "FR",
        keyId: "0101010101010101",
        publicKey: "01".repeat(32),
        ageRecipient: null,
        validFrom: 1740819600000,
        validUntil: null,
        previousAuthority: { name: "PNF", country: "FR" },
      },
    });
    step();
    store.audit.appendAudit({
      actor: reviewer,
      action: "request.stored",
      objectId: "id-0002",
      details: {
        caseId: "id-0001",
        newCase: true,
        authorityId: "fr-pnf",
        documentId: "PNF-2025-0042",
        revision: 1,
        bundleDigest: "ab".repeat(32),
        sealedSha256: "cd".repeat(32),
        signerKeyId: "0101010101010101",
        attachments: [
          { path: "attachments/b.pdf", size: 1048577, sha256: "ef".repeat(32) },
          { path: "attachments/a€.txt", size: 0, sha256: "00".repeat(32) },
        ],
      },
    });
    step();
    store.audit.appendAudit({ actor: { kind: "system" }, action: "store.rekeyed", objectId: "store", details: {} });

    const rows = store.audit.listAudit();
    // The pins were taken on a store at schema 2; its first row records the schema version, and
    // every later row hashes the one before. So each row is hashed again as it was then: the first
    // with schema 2's details, each later one on the pinned hash before it. Everything else of
    // every row (seq, time, actor, action, object, details digest) is what this code wrote.
    expect(rows[0]?.details).toEqual({ schemaVersion: LATEST_SCHEMA_VERSION });
    const asPinned = rows.map((row, index) =>
      auditRowHash({
        ...row,
        at: row.at.getTime(),
        detailsDigest: index === 0 ? sha256Hex('{"schemaVersion":2}') : row.detailsDigest,
        prevHash: index === 0 ? GENESIS_HASH : (PINNED_ROW_HASHES[index - 1] ?? ""),
      }),
    );
    expect(asPinned).toEqual(PINNED_ROW_HASHES);
    expect(rows[1]?.detailsJson).toBe('{"idleLockMinutes":15,"locale":"fr-FR"}');
    expect(rows[2]?.detailsJson).toBe('{"keyId":"241f7e5d3b0a8f9c","name":"Zoë Ångström-Łukasiewicz 😀","office":"Office \\"du\\" Défenseur\\n\\t<&>"}');
    expect(rows.map((row) => row.actor)).toEqual(["system", ...Array<string>(4).fill("reviewer:9C8F0A3B5D7E1F24"), "system"]);
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: true, count: 6, headHash: rows[5]?.rowHash });
  });
});
