// Key bytes are wiped once used, where the libraries allow it (docs/threat-model.md says what
// cannot be: JavaScript strings). Observed through what the code hands out and gets back.
import type Database from "better-sqlite3-multiple-ciphers";
import { describe, expect, it } from "vitest";
import { ageRecipientOf, generateAgeIdentity } from "../../electron/core/crypto/age.js";
import type { Stanza } from "../../electron/core/crypto/age-header.js";
import { decodeAgeRecipient } from "../../electron/core/crypto/age-keys.js";
import { unwrapX25519Stanza, wrapX25519Stanza } from "../../electron/core/crypto/age-x25519.js";
import { x25519PrivateKey } from "../../electron/core/crypto/x25519.js";
import { decodeAgeIdentity } from "../../electron/core/crypto/age-keys.js";
import { keyConnection, rekeyConnection } from "../../electron/core/store/cipher.js";
import { TEST_KDF } from "../helpers/runtime.js";

const allZero = (bytes: Uint8Array): boolean => bytes.every((byte) => byte === 0);

/** A connection that records the key buffers it is handed, and what they held at that moment. */
function recordingConnection() {
  const handed: { buffer: Buffer; heldThen: Buffer }[] = [];
  let journal = "wal";
  const db = {
    pragma: (source: string) => {
      const mode = /^journal_mode = (\w+)$/.exec(source)?.[1];
      if (mode) journal = mode;
      return journal;
    },
    key: (buffer: Buffer) => handed.push({ buffer, heldThen: Buffer.from(buffer) }),
    rekey: (buffer: Buffer) => handed.push({ buffer, heldThen: Buffer.from(buffer) }),
  };
  return { db: db as unknown as Database.Database, handed };
}

describe("the store's passphrase key", () => {
  it("is handed to SQLite3MultipleCiphers, then wiped", () => {
    const { db, handed } = recordingConnection();
    keyConnection(db, "tests: correct horse battery staple", TEST_KDF);
    expect(handed).toHaveLength(1);
    expect(handed[0]?.heldThen.toString("utf8")).toBe("tests: correct horse battery staple");
    expect(allZero(handed[0]?.buffer ?? new Uint8Array(1).fill(1))).toBe(true);
  });

  it("is wiped after a rekey too", () => {
    const { db, handed } = recordingConnection();
    rekeyConnection(db, "tests: another horse, another staple", TEST_KDF);
    expect(handed[0]?.heldThen.toString("utf8")).toBe("tests: another horse, another staple");
    expect(allZero(handed[0]?.buffer ?? new Uint8Array(1).fill(1))).toBe(true);
  });
});

describe("X25519 scalars", () => {
  it("wraps a file key with an ephemeral scalar that is wiped, with the randomness it came from", () => {
    const identity = generateAgeIdentity();
    const given: Uint8Array[] = [];
    const random = (length: number): Uint8Array => {
      const bytes = new Uint8Array(length).map((_, index) => (index * 37 + 11) & 0xff);
      given.push(bytes);
      return bytes;
    };
    const fileKey = new Uint8Array(16).fill(9);
    const stanza: Stanza = wrapX25519Stanza(decodeAgeRecipient(ageRecipientOf(identity)), fileKey, random);
    expect(given).toHaveLength(1);
    expect(allZero(given[0] ?? new Uint8Array(1).fill(1))).toBe(true);
    // And the stanza is still right: the recipient unwraps the same file key.
    expect(unwrapX25519Stanza(x25519PrivateKey(decodeAgeIdentity(identity)), stanza)).toEqual(fileKey);
  });
});
