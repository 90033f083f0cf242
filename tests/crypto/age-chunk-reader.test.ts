// Reading ranges of a kept age file: only the chunks that hold the range are read and
// decrypted, every chunk authenticates (a flipped byte, a reordered or a dropped chunk is
// found), and the store header opens only with the store key it was wrapped to.
import { describe, expect, it } from "vitest";
import { openKeptAgeFile, type RandomAccessBytes } from "../../electron/core/crypto/age-chunk-reader.js";
import { storeHeaderFor, unwrapStoreStanza, wrapStoreStanza } from "../../electron/core/crypto/age-store-stanza.js";
import { CHUNK_SIZE } from "../../electron/core/crypto/age-stream.js";
import { sealForTest } from "../helpers/kept-evidence.js";
import { deterministicBytes } from "../helpers/runtime.js";

const STORE_KEY = deterministicBytes("store key", 32);
const random = (n: number) => deterministicBytes(`salt-${n}`, n);

/** The kept form of `plaintext`: the store's header in front of the original payload. */
function kept(plaintext: Uint8Array): Buffer {
  const { sealed, header, fileKey } = sealForTest(plaintext, "chunk-reader");
  return Buffer.concat([storeHeaderFor(STORE_KEY, fileKey, random), sealed.subarray(header.length)]);
}

function counting(bytes: Buffer): RandomAccessBytes & { readBytes: number } {
  const source = {
    size: bytes.length,
    readBytes: 0,
    read(position: number, length: number) {
      source.readBytes += length;
      return bytes.subarray(position, position + length);
    },
  };
  return source;
}

const readAll = (source: RandomAccessBytes, offset: number, length: number): Buffer => {
  const file = openKeptAgeFile(source, STORE_KEY);
  try {
    return Buffer.concat([...file.range(offset, length)]);
  } finally {
    file.close();
  }
};

describe("kept age files", () => {
  const plaintext = deterministicBytes("tar stream", 40 * CHUNK_SIZE + 1234);
  const file = kept(plaintext);

  it("reads any range exactly, across chunk boundaries, to the last byte", () => {
    for (const [offset, length] of [
      [0, 10],
      [CHUNK_SIZE - 5, 10],
      [17 * CHUNK_SIZE + 3, 3 * CHUNK_SIZE],
      [plaintext.length - 1, 1],
      [0, plaintext.length],
      [500, 0],
    ] as const) {
      expect(readAll(counting(file), offset, length).equals(Buffer.from(plaintext.subarray(offset, offset + length))), `${offset}+${length}`).toBe(true);
    }
    expect(openKeptAgeFile(counting(file), STORE_KEY).plaintextSize).toBe(plaintext.length);
  });

  it("reads only the chunks that hold a small range", () => {
    const source = counting(file);
    readAll(source, 30 * CHUNK_SIZE + 100, 20_000);
    // The header probe (1 KiB), the payload nonce, one sealed chunk.
    expect(source.readBytes).toBeLessThan(1024 + 16 + 2 * (CHUNK_SIZE + 16));
  });

  it("handles a payload that is an exact number of chunks, and an empty one", () => {
    for (const size of [CHUNK_SIZE, 2 * CHUNK_SIZE, 0]) {
      const bytes = deterministicBytes(`exact-${size}`, size);
      expect(readAll(counting(kept(bytes)), 0, size).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it("refuses a flipped byte, a dropped last chunk and a wrong store key", () => {
    const flipped = Buffer.from(file);
    flipped.writeUInt8(flipped.readUInt8(file.length - 40_000) ^ 1, file.length - 40_000);
    expect(() => readAll(counting(flipped), plaintext.length - 30_000, 10)).toThrow(/failed authentication/);
    expect(readAll(counting(flipped), 0, 10).length).toBe(10);
    // A dropped last chunk goes unseen by a range before it (the store checks the size it recorded), not by one in it.
    const cut = file.subarray(0, file.length - 1234 - 16);
    expect(() => readAll(counting(Buffer.from(cut)), 0, 10 * CHUNK_SIZE)).not.toThrow();
    expect(() => readAll(counting(Buffer.from(cut)), 39 * CHUNK_SIZE, 10)).toThrow(/failed authentication/);
    expect(() => openKeptAgeFile(counting(file), deterministicBytes("another key", 32))).toThrow(/does not open with this store's key/);
    expect(() => openKeptAgeFile(counting(Buffer.from("age-encryption.org/v1\n-> X25519 abc\n")), STORE_KEY)).toThrow(/store's age header/);
  });

  it("wraps the file key to the store key only", () => {
    const fileKey = deterministicBytes("file key", 16);
    const stanza = wrapStoreStanza(STORE_KEY, fileKey, random);
    expect(stanza.type).toBe("counterseal-store-v1");
    expect(Buffer.from(unwrapStoreStanza(STORE_KEY, stanza) ?? [])).toEqual(Buffer.from(fileKey));
    expect(unwrapStoreStanza(deterministicBytes("other", 32), stanza)).toBeNull();
    expect(unwrapStoreStanza(STORE_KEY, { ...stanza, type: "X25519" })).toBeNull();
  });
});
