import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BLOB_CHUNK_BYTES, BlobCorruptError, BlobNotFoundError } from "../../electron/core/store/index.js";
import { deterministicBytes } from "../helpers/runtime.js";
import { countRows, newStore, sampleKey, sampleRevisionInput, withRawConnection, REVIEWER } from "./helpers.js";

const MiB = 1024 * 1024;
const sha256 = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** Writes `data` in pieces of uneven sizes, as a decrypting tar stream would hand them over. */
function writeInPieces(write: (chunk: Uint8Array) => void, data: Uint8Array, sizes: readonly number[]): void {
  let offset = 0;
  for (let i = 0; offset < data.length; i += 1) {
    const size = sizes[i % sizes.length] ?? 1;
    write(data.subarray(offset, offset + size));
    offset += size;
  }
}

describe("blobs", () => {
  it("round-trips 5 MiB and a bit, in chunks of at most 1 MiB", () => {
    const { store } = newStore();
    const data = deterministicBytes("blob", 5 * MiB + 12_345);

    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writeInPieces((chunk) => writer.write(chunk), data, [700_000, 1, 65_536, 3 * MiB]);
      return writer.finish();
    });

    expect(info).toEqual({ blobId: expect.any(String), size: data.length, sha256: sha256(data) });
    expect(store.blobs.getBlobInfo(info.blobId)).toEqual(info);
    const chunks = [...store.blobs.readBlob(info.blobId)];
    expect(chunks.map((c) => c.length)).toEqual([MiB, MiB, MiB, MiB, MiB, 12_345]);
    expect(Buffer.concat(chunks).equals(Buffer.from(data))).toBe(true);
    expect(countRows(store.file, "blob_chunks")).toBe(6);
  });

  it("stores exactly one chunk for exactly 1 MiB", () => {
    const { store } = newStore();
    const data = deterministicBytes("blob-7", BLOB_CHUNK_BYTES);
    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writer.write(data);
      return writer.finish();
    });
    expect([...store.blobs.readBlob(info.blobId)].map((c) => c.length)).toEqual([BLOB_CHUNK_BYTES]);
  });

  it("keeps its own copy of a piece it holds, so the caller may reuse its buffer", () => {
    const { store } = newStore();
    const reused = new Uint8Array(1000).fill(1);
    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writer.write(reused);
      reused.fill(2); // the caller's next read lands in the same buffer
      writer.write(reused);
      return writer.finish();
    });
    const stored = Buffer.concat([...store.blobs.readBlob(info.blobId)]);
    expect([stored[0], stored[999], stored[1000], stored[1999]]).toEqual([1, 1, 2, 2]);
    expect(info.sha256).toBe(sha256(stored));
  });

  it("records the caller's SHA-256 when made with givenSha256, and insists on it", () => {
    const { store } = newStore();
    const data = deterministicBytes("blob-3", 2 * MiB + 5);
    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter({ givenSha256: true });
      writeInPieces((chunk) => writer.write(chunk), data, [MiB, 65_536]);
      expect(() => writer.finish()).toThrow(/needs the SHA-256 its caller computed/);
      return writer.finish(sha256(data));
    });
    expect(info).toEqual({ blobId: expect.any(String), size: data.length, sha256: sha256(data) });
    expect(Buffer.concat([...store.blobs.readBlob(info.blobId)]).equals(Buffer.from(data))).toBe(true);
    store.transaction(() => {
      const own = store.blobs.createBlobWriter();
      expect(() => own.finish("0".repeat(64))).toThrow(/computes its own SHA-256/);
      own.finish();
    });
  });

  it("stores a 0-byte blob with no chunks", () => {
    const { store } = newStore();
    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writer.write(new Uint8Array(0));
      return writer.finish();
    });

    expect(info.size).toBe(0);
    expect(info.sha256).toBe(sha256(new Uint8Array(0)));
    expect([...store.blobs.readBlob(info.blobId)]).toEqual([]);
    expect(countRows(store.file, "blob_chunks")).toBe(0);
  });

  it("lets other writes happen between the chunks being read", () => {
    const { store } = newStore();
    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writer.write(deterministicBytes("blob", 3 * MiB));
      return writer.finish();
    });
    const reading = store.blobs.readBlob(info.blobId)[Symbol.iterator]();
    reading.next();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1)); // an open cursor would make this throw
    expect([reading.next(), reading.next(), reading.next()].map((r) => r.done)).toEqual([false, false, true]);
  });

  it("refuses a writer used after finish", () => {
    const { store } = newStore();
    store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writer.finish();
      expect(() => writer.write(new Uint8Array(1))).toThrow(/already finished/);
    });
  });

  it("reports an unknown blob", () => {
    const { store } = newStore();
    expect(() => store.blobs.readBlob("nope")).toThrow(BlobNotFoundError);
  });

  it("detects a missing chunk and content that does not match the digest", () => {
    const { store } = newStore();
    const info = store.transaction(() => {
      const writer = store.blobs.createBlobWriter();
      writer.write(deterministicBytes("blob", 2 * MiB + 1));
      return writer.finish();
    });
    withRawConnection(store.file, (db) => {
      db.prepare("UPDATE blob_chunks SET data = zeroblob(length(data)) WHERE blob_id = ? AND seq = 0").run(info.blobId);
    });
    expect(() => [...store.blobs.readBlob(info.blobId)]).toThrow(BlobCorruptError);
    withRawConnection(store.file, (db) => {
      db.prepare("DELETE FROM blob_chunks WHERE blob_id = ? AND seq = 1").run(info.blobId);
    });
    expect(() => [...store.blobs.readBlob(info.blobId)]).toThrow(/missing chunk 1/);
  });

  it("deletes only blobs no attachment uses, with an audit row", () => {
    const { store } = newStore();
    store.keyring.addAuthorityKey(REVIEWER, sampleKey(1));
    const [kept, orphan] = store.transaction(() =>
      [1, 2].map((seed) => {
        const writer = store.blobs.createBlobWriter();
        writer.write(deterministicBytes(`blob-${String(seed)}`, MiB + 10));
        return writer.finish();
      }),
    );
    if (kept === undefined || orphan === undefined) throw new Error("fixture");
    store.requests.insertRequestRevision(
      REVIEWER,
      sampleRevisionInput({ attachments: [{ path: "a.bin", title: "A", mediaType: "application/octet-stream", blobId: kept.blobId }] }),
    );

    expect(store.blobs.deleteOrphanBlobs(REVIEWER)).toBe(1);
    expect(store.blobs.getBlobInfo(orphan.blobId)).toBeUndefined();
    expect(store.blobs.getBlobInfo(kept.blobId)).toEqual(kept);
    expect(countRows(store.file, "blob_chunks")).toBe(2);
    expect(store.audit.listAudit().at(-1)).toMatchObject({ action: "blobs.orphans-deleted", details: { blobIds: [orphan.blobId] } });
    expect(store.blobs.deleteOrphanBlobs(REVIEWER)).toBe(0);
  });
});
