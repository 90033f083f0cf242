// Stores written before the typed audit log must still verify: the same details must give the
// same details_json and the same row hashes. These hashes were computed by the previous code
// (the hand-written canonical JSON and free-form actors) for exactly these appends.
import { describe, expect, it } from "vitest";
import type { Actor } from "../../shared/formats/audit.js";
import { testRuntime } from "../helpers/runtime.js";
import { newStore } from "../store/helpers.js";

const reviewer: Actor = { kind: "reviewer", keyId: "9C8F0A3B5D7E1F24" };

// Pinned again when the schema went to version 3: the first row (store.created) records the
// schema version, and every later hash chains from it. The details bytes of the rows after it
// are pinned by detailsJson below and did not change.
const PINNED_ROW_HASHES = [
  "f2b075c56e475278b7545738320fa888b1427b0d632879f22b8c494a2020b2d8",
  "2578b3a791a7473e3eb6589f9abf4a247a429abfe8c71ce86d8188d752115815",
  "6e67a3c80a60dbf071f5073bfc082d577b71c0ac1ec081a1bec704e3ae4573e9",
  "dbf528abacfa40069e55f16243652f4afbcc60d46929cdbab031b402ce7c8a12",
  "1dbde6780ba0e76e575632863e6e7dc6b3ed77ffecbd8788e30d80c499756286",
  "51459a251bfeb488eeabb068f83f78bf15a468bc5e9c178c64693b8349f824cc",
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
    expect(rows.map((row) => row.rowHash)).toEqual(PINNED_ROW_HASHES);
    expect(rows[1]?.detailsJson).toBe('{"idleLockMinutes":15,"locale":"fr-FR"}');
    expect(rows[2]?.detailsJson).toBe('{"keyId":"241f7e5d3b0a8f9c","name":"Zoë Ångström-Łukasiewicz 😀","office":"Office \\"du\\" Défenseur\\n\\t<&>"}');
    expect(rows.map((row) => row.actor)).toEqual(["system", ...Array<string>(4).fill("reviewer:9C8F0A3B5D7E1F24"), "system"]);
    expect(store.audit.verifyAuditChain()).toMatchObject({ ok: true, count: 6, headHash: PINNED_ROW_HASHES[5] });
  });
});
