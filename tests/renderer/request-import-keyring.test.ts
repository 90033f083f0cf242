import { describe, expect, it, vi } from "vitest";
import { ApiCallError, isLockedError, toFailure, unwrapResult } from "../../renderer/src/api/errors.js";
import { failureFrom, onStoreLocked } from "../../renderer/src/store/failure.js";
import { baseName, countOutcomes, progressFraction } from "../../renderer/src/features/import/import-model.js";
import { isRefusalCode } from "../../shared/vocabulary/refusal-codes.js";
import { checkAddKey, dayToIso, entryIdOf, extractMinisignKey, isAgeRecipient, keyStatus, minisignKeyId } from "../../renderer/src/features/keyring/keyring-model.js";
import { base64ToBytes, changedField, describeChangeValue, readRequestDocument, viewerKind } from "../../renderer/src/features/request/request-model.js";
import { parseIdleMinutes } from "../../renderer/src/features/settings/settings-model.js";
import { isCountryCode } from "../../shared/formats/countries.js";

/** A minisign public key line for an 8-byte key id (little-endian) and a zero Ed25519 key. */
function publicKeyLine(id: bigint): string {
  const bytes = new Uint8Array(42);
  bytes[0] = 0x45; // E
  bytes[1] = 0x64; // d
  new DataView(bytes.buffer).setBigUint64(2, id, true);
  return Buffer.from(bytes).toString("base64");
}

describe("api errors", () => {
  it("unwraps values and throws readable errors with codes", () => {
    expect(unwrapResult("lock", { ok: true, value: null })).toBeNull();
    let caught: unknown;
    try {
      unwrapResult("unlock", { ok: false, error: { code: "wrong-passphrase", message: "The passphrase is wrong." } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiCallError);
    expect(caught).toMatchObject({ code: "wrong-passphrase", message: "The passphrase is wrong.", method: "unlock" });
    expect(toFailure(caught)).toEqual({ message: "The passphrase is wrong.", code: "wrong-passphrase" });
    expect(toFailure(new Error("the file went away"))).toEqual({ message: "the file went away", code: null });
    expect(isLockedError(new ApiCallError("queryInbox", "locked", "locked"))).toBe(true);
    expect(isLockedError(caught)).toBe(false);
  });

  it("locks the UI for 'locked' only; an import holding the store is an ordinary failure", () => {
    const locked = vi.fn();
    onStoreLocked(locked);
    expect(failureFrom(new ApiCallError("queryInbox", "locked", "The store is locked."))).toBeNull();
    expect(locked).toHaveBeenCalledOnce();
    const busy = new ApiCallError("unlock", "import-busy", "An import is still finishing; try again in a moment.");
    expect(failureFrom(busy, (message) => `Could not unlock: ${message}`)).toEqual({
      message: "Could not unlock: An import is still finishing; try again in a moment.",
      code: "import-busy",
    });
    expect(failureFrom(new Error("disk"))).toEqual({ message: "disk", code: null });
    expect(locked).toHaveBeenCalledOnce();
  });
});

describe("request view", () => {
  it("reads only request documents", () => {
    expect(readRequestDocument({ schema: "counterseal.request/1", id: "A", targets: [] })).not.toBeNull();
    expect(readRequestDocument({ schema: "other", id: "A", targets: [] })).toBeNull();
    expect(readRequestDocument(null)).toBeNull();
  });

  it("describes revision changes", () => {
    expect(describeChangeValue(undefined)).toEqual({ kind: "absent", text: "" });
    expect(describeChangeValue("2026-01-01")).toEqual({ kind: "text", text: "2026-01-01" });
    expect(describeChangeValue(12)).toEqual({ kind: "json", text: "12" });
    expect(describeChangeValue({ a: 1 }).text).toBe('{\n  "a": 1\n}');
    expect(changedField("$.period.to")).toBe("period");
    expect(changedField("$.targets[2].value")).toBe("targets");
  });

  it("shows PDFs, plain text and raster images, and only saves the rest", () => {
    expect(viewerKind("application/pdf")).toBe("pdf");
    expect(viewerKind("text/plain; charset=utf-8")).toBe("text");
    expect(viewerKind("IMAGE/PNG")).toBe("image");
    expect(viewerKind("image/webp")).toBe("image");
    expect(viewerKind("image/svg+xml")).toBe("none");
    expect(viewerKind("text/html")).toBe("none");
    expect([...base64ToBytes("AAEC/w==")]).toEqual([0, 1, 2, 255]);
  });
});

describe("import", () => {
  it("reports progress across files", () => {
    expect(progressFraction({ active: true, fileIndex: 0, fileCount: 0, bytesRead: 0, bytesTotal: 0 })).toBeNull();
    expect(progressFraction({ active: true, fileIndex: 1, fileCount: 4, bytesRead: 50, bytesTotal: 100 })).toBeCloseTo(0.375);
    expect(progressFraction({ active: false, fileIndex: 4, fileCount: 4, bytesRead: 0, bytesTotal: 0 })).toBe(1);
  });

  it("counts outcomes, names files, knows refusal codes", () => {
    const stored = { authority: "nl-om-rotterdam", id: "REQ-1", revision: 1 };
    const refused = (file: string) => ({ file, status: "refused" as const, code: "tar-invalid" as const, message: `${file}: malformed` });
    expect(countOutcomes([{ file: "a", status: "imported", ...stored }, refused("b"), refused("c")])).toEqual({
      imported: 1,
      duplicate: 0,
      refused: 2,
    });
    expect(baseName("/home/ada/in/REQ-1.sealed")).toBe("REQ-1.sealed");
    expect(baseName("C:\\Users\\ada\\REQ-2.sealed")).toBe("REQ-2.sealed");
    expect(isRefusalCode("signer-unknown")).toBe(true);
    expect(isRefusalCode("made-up")).toBe(false);
  });
});

describe("keyring", () => {
  const line = publicKeyLine(0x8e0a0f1b2e6c3d4an);

  it("reads the key line from a .pub file or a pasted line, and its key id as minisign prints it", () => {
    expect(extractMinisignKey(`untrusted comment: minisign public key 8E0A0F1B2E6C3D4A\n${line}\n`)).toBe(line);
    expect(extractMinisignKey(`  ${line}  `)).toBe(line);
    expect(minisignKeyId(line)).toBe("8E0A0F1B2E6C3D4A");
    expect(minisignKeyId(publicKeyLine(0x00ffn))).toBe("FF");
    expect(minisignKeyId("RWQ" + "A".repeat(53))).toBe("0");
    expect(minisignKeyId("RUQ" + "A".repeat(53))).toBeNull(); // "ED": the legacy algorithm name is not a key
    expect(minisignKeyId("not a key")).toBeNull();
  });

  it("checks a new key before asking the core", () => {
    const draft = { kind: "authority" as const, authorityId: "nl-om", name: "OM", country: "nl", publicKeyText: line, ageRecipient: "", validFrom: "2026-01-01", validUntil: "2027-12-31" };
    expect(checkAddKey(draft, isCountryCode)).toEqual([]);
    expect(checkAddKey({ ...draft, authorityId: " ", country: "XX", publicKeyText: "abc", ageRecipient: "age1nope" }, isCountryCode)).toEqual([
      "authority-id",
      "country",
      "key",
      "age-recipient",
    ]);
    expect(checkAddKey({ ...draft, validFrom: "2027-01-01", validUntil: "2026-01-01" }, isCountryCode)).toEqual(["window"]);
    expect(isAgeRecipient("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")).toBe(true);
  });

  it("asks an authority for its id, and lets a colleague or committee take the default <kind>:<key id>", () => {
    const colleague = { kind: "reviewer" as const, authorityId: "", name: "Nikos", country: "GR", publicKeyText: line, ageRecipient: "", validFrom: "", validUntil: "" };
    expect(checkAddKey(colleague, isCountryCode)).toEqual([]);
    expect(entryIdOf(colleague)).toBe(`reviewer:${minisignKeyId(line) ?? "?"}`);
    expect(entryIdOf({ ...colleague, kind: "committee" })).toBe(`committee:${minisignKeyId(line) ?? "?"}`);
    expect(entryIdOf({ ...colleague, authorityId: " reviewer:nikos " })).toBe("reviewer:nikos");
    expect(entryIdOf({ ...colleague, kind: "authority" })).toBe("");
    expect(checkAddKey({ ...colleague, kind: "authority" }, isCountryCode)).toEqual(["authority-id"]);
    expect(checkAddKey({ ...colleague, authorityId: "reviewer nikos" }, isCountryCode)).toEqual(["entry-id"]);
    expect(checkAddKey({ ...colleague, kind: "authority", authorityId: "x".repeat(129) }, isCountryCode)).toEqual(["entry-id"]);
  });

  it("turns date fields into the start or end of the local day", () => {
    expect(Date.parse(dayToIso("2026-02-03", "start") ?? "")).toBe(new Date(2026, 1, 3).getTime());
    expect(Date.parse(dayToIso("2026-02-03", "end") ?? "")).toBe(new Date(2026, 1, 3, 23, 59, 59).getTime());
    expect(dayToIso("2026-02-31", "start")).toBeNull();
    expect(dayToIso("yesterday", "start")).toBeNull();
  });

  it("derives a key's status", () => {
    const now = Date.parse("2026-06-01T00:00:00Z");
    const key = { revokedAt: null, validFrom: null, validUntil: null };
    expect(keyStatus(key, now)).toBe("active");
    expect(keyStatus({ ...key, revokedAt: "2026-05-01T00:00:00Z" }, now)).toBe("revoked");
    expect(keyStatus({ ...key, validFrom: "2026-07-01T00:00:00Z" }, now)).toBe("not-yet-valid");
    expect(keyStatus({ ...key, validUntil: "2026-05-31T00:00:00Z" }, now)).toBe("expired");
  });
});

it("parses idle minutes within 1..240", () => {
  expect(parseIdleMinutes("10")).toBe(10);
  expect(parseIdleMinutes(" 240 ")).toBe(240);
  expect(parseIdleMinutes("0")).toBeNull();
  expect(parseIdleMinutes("241")).toBeNull();
  expect(parseIdleMinutes("2.5")).toBeNull();
  expect(parseIdleMinutes("")).toBeNull();
});
