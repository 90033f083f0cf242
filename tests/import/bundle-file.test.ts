// Opening a sealed file for import: only a regular file, refused unread otherwise, and read exactly
// as far as the size measured on the descriptor it is read through.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NotARegularFileError, openBundleFile, READ_CHUNK } from "../../electron/core/bundles/bundle-file.js";
import { importBundleFile } from "../../electron/core/bundles/import-bundle.js";
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";
import { openTestOffice } from "../helpers/office.js";
import { tempFolder } from "../helpers/temp.js";

async function readAll(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

const pattern = (length: number): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + 7) % 251));

describe("openBundleFile", () => {
  it("reads a small file whole and a large one in chunks, exactly its bytes", async () => {
    const dir = tempFolder();
    for (const length of [0, 1, READ_CHUNK, READ_CHUNK + 1, 3 * READ_CHUNK + 17]) {
      const file = path.join(dir, `f-${length}`);
      const bytes = pattern(length);
      writeFileSync(file, bytes);
      const opened = openBundleFile(file, 10 * READ_CHUNK);
      expect(opened.size).toBe(length);
      expect((await readAll(opened.chunks)).equals(bytes), `length ${length}`).toBe(true);
    }
  });

  it("reads no further than the size measured at open, even when the file grows", async () => {
    const file = path.join(tempFolder(), "growing");
    const measured = pattern(READ_CHUNK * 2 + 5);
    writeFileSync(file, measured);
    const opened = openBundleFile(file, 10 * READ_CHUNK);
    appendFileSync(file, Buffer.alloc(READ_CHUNK, 1));
    expect((await readAll(opened.chunks)).equals(measured)).toBe(true);

    const small = path.join(tempFolder(), "small");
    writeFileSync(small, "abc");
    const openedSmall = openBundleFile(small, 100);
    appendFileSync(small, "def");
    expect((await readAll(openedSmall.chunks)).toString()).toBe("abc");
  });

  it("refuses a folder, a FIFO and character devices, unread, as not regular files", () => {
    const dir = tempFolder();
    const folder = path.join(dir, "folder");
    mkdirSync(folder);
    const fifo = path.join(dir, "fifo");
    execFileSync("mkfifo", [fifo]);
    // Opening the FIFO must not wait for a writer: the test would hang here if it did.
    for (const [file, kind] of [
      [folder, "a folder"],
      [fifo, "a pipe (FIFO)"],
      ["/dev/zero", "a device"],
      ["/dev/null", "a device"],
    ] as const) {
      let refusal: unknown;
      try {
        openBundleFile(file, 1024);
      } catch (error) {
        refusal = error;
      }
      expect(refusal, file).toBeInstanceOf(NotARegularFileError);
      expect(refusal).toBeInstanceOf(BundleRefusal);
      expect(refusal).toMatchObject({ kind, refusal: "age-invalid", message: `${file} is ${kind}, not a regular file: nothing was read from it` });
    }
  });

  it("refuses a file over the limit before reading it", () => {
    const file = path.join(tempFolder(), "big");
    writeFileSync(file, pattern(2000));
    expect(() => openBundleFile(file, 1999)).toThrow(expect.objectContaining({ refusal: "limit-exceeded", message: "the sealed file is 2000 bytes; the limit is 1999" }));
    expect(openBundleFile(file, 2000).size).toBe(2000);
  });

  it("lets a missing file fail as the file error it is", () => {
    expect(() => openBundleFile(path.join(tempFolder(), "absent"), 10)).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });
});

describe("importBundleFile on what is not a regular file", () => {
  it("refuses /dev/zero, a FIFO and a folder with age-invalid, storing nothing, and then imports a bundle", async () => {
    const office = openTestOffice();
    const fifo = path.join(office.dir, "pipe.sealed");
    execFileSync("mkfifo", [fifo]);
    const folder = path.join(office.dir, "folder.sealed");
    mkdirSync(folder);
    for (const file of ["/dev/zero", fifo, folder]) {
      const outcome = await importBundleFile(office.session, file);
      expect(outcome).toMatchObject({ file, status: "refused", code: "age-invalid", message: expect.stringContaining("not a regular file: nothing was read") });
    }
    expect(office.session.store.requests.listAllRevisions({ limit: 10, offset: 0 })).toEqual([]);
    expect(await importBundleFile(office.session, await office.seal())).toMatchObject({ status: "imported" });
  });
});
