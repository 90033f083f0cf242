// Keyring logic without a DOM: minisign public keys from a .pub file or a pasted line, their key
// ids as minisign prints them, validity status, and date fields to RFC 3339.
import type { KeyringEntry } from "../../../../shared/api/keyring.js";
import type { KeyringKind } from "../../../../shared/vocabulary/keyring-kinds.js";
import { base64ToBytes } from "../request/request-model.js";

/** The base64 key line of a minisign .pub file (skipping its "untrusted comment:" line), or the pasted line. */
export function extractMinisignKey(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^untrusted comment:/i.test(line));
  return lines[0] ?? "";
}

/**
 * The key id minisign prints for a public key line ("Ed" + 8-byte id + 32-byte key, base64),
 * as an upper-case hex number of the little-endian id; null when the line is not such a key.
 */
export function minisignKeyId(line: string): string | null {
  if (!/^[A-Za-z0-9+/]{56}$/.test(line)) return null;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(line);
  } catch {
    return null;
  }
  if (bytes.length !== 42 || bytes[0] !== 0x45 || bytes[1] !== 0x64) return null;
  let id = 0n;
  for (let i = 9; i >= 2; i--) id = (id << 8n) | BigInt(bytes[i] ?? 0);
  return id.toString(16).toUpperCase();
}

export const isAgeRecipient = (text: string): boolean => /^age1[023456789acdefghjklmnpqrstuvwxyz]{58}$/.test(text.trim());

export type KeyStatus = "active" | "revoked" | "not-yet-valid" | "expired";

export function keyStatus(entry: Pick<KeyringEntry, "revokedAt" | "validFrom" | "validUntil">, now: number): KeyStatus {
  if (entry.revokedAt) return "revoked";
  if (entry.validFrom && Date.parse(entry.validFrom) > now) return "not-yet-valid";
  if (entry.validUntil && Date.parse(entry.validUntil) < now) return "expired";
  return "active";
}

/** A date field's "YYYY-MM-DD" as the start (or end) of that day in the reviewer's time zone, RFC 3339. */
export function dayToIso(day: string, edge: "start" | "end"): string | null {
  const match = day.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const local = edge === "start" ? new Date(year, month - 1, date, 0, 0, 0, 0) : new Date(year, month - 1, date, 23, 59, 59, 0);
  if (local.getMonth() !== month - 1) return null;
  return local.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface AddKeyDraft {
  /** An issuing authority, a colleague reviewer (four eyes) or a committee (audit packs). */
  kind: KeyringKind;
  /** An authority's own id (required); a reviewer's or committee's id, or empty for `<kind>:<key id>`. */
  authorityId: string;
  name: string;
  country: string;
  publicKeyText: string;
  ageRecipient: string;
  validFrom: string;
  validUntil: string;
}

export type AddKeyProblem = "authority-id" | "entry-id" | "name" | "country" | "key" | "age-recipient" | "valid-from" | "valid-until" | "window";

/** The core's rule for an entry id (electron/core/keyring): checked here so the field can say so. */
const ENTRY_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id the entry is stored under: what the reviewer typed, or for a reviewer or committee left
 * empty the core's default, `<kind>:<key id>` (docs/decisions.md, Keyring entries).
 */
export function entryIdOf(draft: Pick<AddKeyDraft, "kind" | "authorityId" | "publicKeyText">): string {
  const typed = draft.authorityId.trim();
  if (typed || draft.kind === "authority") return typed;
  const keyId = minisignKeyId(extractMinisignKey(draft.publicKeyText));
  return keyId === null ? "" : `${draft.kind}:${keyId}`;
}

/** Field-by-field problems the reviewer can fix before asking the core (which checks again). */
export function checkAddKey(draft: AddKeyDraft, isCountry: (code: string) => boolean): AddKeyProblem[] {
  const problems: AddKeyProblem[] = [];
  const id = draft.authorityId.trim();
  if (draft.kind === "authority" && !id) problems.push("authority-id");
  else if (id && !ENTRY_ID.test(id)) problems.push("entry-id");
  if (!draft.name.trim()) problems.push("name");
  if (!isCountry(draft.country.trim().toUpperCase())) problems.push("country");
  if (minisignKeyId(extractMinisignKey(draft.publicKeyText)) === null) problems.push("key");
  if (draft.ageRecipient.trim() && !isAgeRecipient(draft.ageRecipient)) problems.push("age-recipient");
  const from = draft.validFrom ? dayToIso(draft.validFrom, "start") : "";
  const until = draft.validUntil ? dayToIso(draft.validUntil, "end") : "";
  if (from === null) problems.push("valid-from");
  if (until === null) problems.push("valid-until");
  if (from && until && Date.parse(from) > Date.parse(until)) problems.push("window");
  return problems;
}
