// The typed audit vocabulary: actors and their stored text, per-action detail schemas, and the
// entry the API returns.
import { describe, expect, it } from "vitest";
import {
  AUDIT_DETAILS,
  AuditFormatError,
  auditEntry,
  auditVerification,
  formatActor,
  parseActor,
  parseAuditDetails,
  SYSTEM_ACTOR,
} from "../../shared/formats/audit.js";
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, isAuditAction } from "../../shared/vocabulary/audit-actions.js";

const hex = (byte: string, bytes: number): string => byte.repeat(bytes);

describe("Actor", () => {
  it("keeps the stored texts of existing rows: reviewer:<KEYID> and system", () => {
    expect(formatActor({ kind: "reviewer", keyId: "9C8F0A3B5D7E1F24" })).toBe("reviewer:9C8F0A3B5D7E1F24");
    expect(formatActor({ kind: "reviewer", keyId: "0" })).toBe("reviewer:0");
    expect(formatActor(SYSTEM_ACTOR)).toBe("system");
    expect(parseActor("reviewer:9C8F0A3B5D7E1F24")).toEqual({ kind: "reviewer", keyId: "9C8F0A3B5D7E1F24" });
    expect(parseActor("reviewer:ABC")).toEqual({ kind: "reviewer", keyId: "ABC" });
    expect(parseActor("system")).toEqual({ kind: "system" });
  });

  it("refuses texts formatActor would never write, so each actor has exactly one stored text", () => {
    for (const text of ["", "reviewer", "reviewer:", "reviewer:0ABC", "reviewer:abc", "reviewer:12345678901234567", "System", "cli", "reviewer:AB\n"]) {
      expect(() => parseActor(text), text).toThrow(AuditFormatError);
    }
    expect(() => formatActor({ kind: "reviewer", keyId: "0ab" })).toThrow(/Not an audit actor/);
    expect(() => formatActor({ kind: "system", keyId: "1" } as never)).toThrow(AuditFormatError);
    expect(() => formatActor({ kind: "cli" } as never)).toThrow(AuditFormatError);
  });
});

describe("details schemas", () => {
  it("cover every action of the vocabulary, each with its object type", () => {
    expect(Object.keys(AUDIT_DETAILS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(AUDIT_OBJECT_TYPES).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(isAuditAction("store.created")).toBe(true);
    expect(isAuditAction("note.added")).toBe(false);
  });

  it("accept what the store writes and refuse extra, missing or mistyped fields, naming them", () => {
    const saved = { path: "attachments/a.pdf", sha256: hex("ab", 32), bytes: 12 };
    expect(parseAuditDetails("attachment.saved", saved)).toEqual(saved);
    expect(() => parseAuditDetails("attachment.saved", { ...saved, extra: 1 })).toThrow(/attachment.saved[\s\S]*extra/);
    expect(() => parseAuditDetails("attachment.saved", { path: "a" })).toThrow(/sha256/);
    expect(() => parseAuditDetails("attachment.saved", { ...saved, bytes: 1.5 })).toThrow(/bytes/);
    expect(() => parseAuditDetails("attachment.saved", { ...saved, sha256: "AB".repeat(32) })).toThrow(/lower-case hex/);
    expect(() => parseAuditDetails("store.rekeyed", { reason: "x" })).toThrow(AuditFormatError);
    expect(() => parseAuditDetails("blobs.orphans-deleted", { blobIds: [] })).toThrow(/blobIds/);
    expect(() => parseAuditDetails("settings.changed", { theme: "dark" })).toThrow(/theme/);
    expect(() => parseAuditDetails("note.added" as never, {})).toThrow(/Unknown audit action/);
    expect(
      parseAuditDetails("authority-key.revoked", { authorityId: "fr-pnf", keyId: hex("01", 8), revokedAt: 1_740_819_600_000 }),
    ).toMatchObject({ authorityId: "fr-pnf" });
  });
});

describe("auditEntry", () => {
  const entry = {
    seq: 2,
    at: "2026-11-20T10:00:00.000Z",
    actor: { kind: "reviewer", keyId: "1F2E" },
    action: "age-identity.added",
    objectType: "age-identity",
    objectId: "id-0003",
    details: { recipient: "age1qqq", label: "Office (generated)" },
    detailsDigest: hex("1a", 32),
    prevHash: hex("2b", 32),
    rowHash: hex("3c", 32),
  };

  it("types the details by the entry's action", () => {
    const parsed = auditEntry.parse(entry);
    expect(parsed.action === "age-identity.added" && parsed.details.recipient).toBe("age1qqq");
  });

  it("refuses details of another action, a wrong object type, a free-form actor or an unknown action", () => {
    expect(auditEntry.safeParse({ ...entry, details: { schemaVersion: 2 } }).success).toBe(false);
    expect(auditEntry.safeParse({ ...entry, objectType: "store" }).success).toBe(false);
    expect(auditEntry.safeParse({ ...entry, actor: "reviewer:1F2E" }).success).toBe(false);
    expect(auditEntry.safeParse({ ...entry, action: "note.added" }).success).toBe(false);
    expect(auditEntry.safeParse({ ...entry, extra: true }).success).toBe(false);
  });

  it("has a verification result that is either intact with its head or the first broken link", () => {
    expect(auditVerification.parse({ ok: true, count: 3, headSeq: 3, headHash: hex("ab", 32) })).toMatchObject({ ok: true });
    expect(auditVerification.parse({ ok: false, seq: 2, reason: "row 2 is missing (next row is 3)" })).toMatchObject({ seq: 2 });
    expect(auditVerification.safeParse({ ok: false, count: 3 }).success).toBe(false);
  });
});
