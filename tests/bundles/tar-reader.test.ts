import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileTempFolder } from "../helpers/temp.js";
import { DEFAULT_LIMITS } from "../../electron/core/bundles/limits.js";
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";
import { readTarEntries } from "../../electron/core/bundles/tar-reader.js";
import {
  buildTar,
  chunked,
  END_OF_ARCHIVE,
  entryBlocks,
  packWithTarStream,
  readAnyTar,
  readBundleTar,
  type PackEntry,
  type RawEntry,
} from "./helpers/tar-build.js";

const bag = (...entries: RawEntry[]): Uint8Array => buildTar([{ name: "REQ/", type: "5" }, ...entries]);
const file = (name: string | Uint8Array, data = "x", extra: Partial<RawEntry> = {}): RawEntry => ({ name, data, ...extra });

async function refusalOf(bytes: Uint8Array, limits = DEFAULT_LIMITS): Promise<{ code: string; message: string }> {
  const result = await readBundleTar(bytes, limits);
  if (result.refusal === undefined) throw new Error(`expected a refusal, read ${result.entries.map((e) => e.path).join(", ")}`);
  return result.refusal;
}

describe("readTarEntries accepts", () => {
  const archive = bag(file("REQ/bagit.txt", "BagIt-Version: 1.0\n"), { name: "REQ/data/", type: "5" }, file("REQ/data/request.json", "{}"), file("REQ/data/empty", ""));

  it.each([1, 7, 512, 4096, 1 << 20])("a bag-shaped archive, fed in chunks of %i bytes", async (chunk) => {
    const result = await readBundleTar(archive, DEFAULT_LIMITS, chunk);
    expect(result.refusal).toBeUndefined();
    expect(result.entries.map(({ path, bagPath, type, size, data }) => [path, bagPath, type, size, data.toString()])).toEqual([
      ["REQ", "", "directory", 0, ""],
      ["REQ/bagit.txt", "bagit.txt", "file", 19, "BagIt-Version: 1.0\n"],
      ["REQ/data", "data", "directory", 0, ""],
      ["REQ/data/request.json", "data/request.json", "file", 2, "{}"],
      ["REQ/data/empty", "data/empty", "file", 0, ""],
    ]);
  });

  it("a root directory that has no entry of its own", async () => {
    const result = await readBundleTar(buildTar([file("REQ/a"), file("REQ/b/c")]));
    expect(result.entries.map((e) => e.bagPath)).toEqual(["a", "b/c"]);
  });

  it("names from pax, GNU long-name and ustar prefix fields, checked as finally applied", async () => {
    const long = "REQ/" + "d".repeat(120) + "/" + "ü".repeat(60) + ".txt";
    const result = await readBundleTar(
      bag(
        file("REQ/ignored-by-pax", "p", { pax: { path: long } }),
        file("REQ/../ignored-by-gnu-long-name", "g", { name: "REQ/" + "g".repeat(150), gnuLongName: true }),
        file("REQ/" + "p".repeat(99) + "/x", "u", { prefixAt: 103 }),
      ),
    );
    expect(result.refusal).toBeUndefined();
    expect(result.entries.slice(1).map((e) => [e.path, e.data.toString()])).toEqual([
      [long, "p"],
      ["REQ/" + "g".repeat(150), "g"],
      ["REQ/" + "p".repeat(99) + "/x", "u"],
    ]);
  });

  it("a pax size that overrides the header's", async () => {
    const result = await readBundleTar(bag(file("REQ/a", "hello", { size: 0, pax: { size: "5" } })));
    expect(result.entries[1]?.data.toString()).toBe("hello");
  });

  it("a global pax header that sets only descriptive keys", async () => {
    const result = await readBundleTar(bag(file("REQ/a", "x", { globalPax: { comment: "made by hand", uname: "clerk" } })));
    expect(result.refusal).toBeUndefined();
  });

  it("zero padding after the end-of-archive marker, up to a full 10 KiB record", async () => {
    const padded = buildTar([file("REQ/a")], new Uint8Array(8 * 1024));
    expect((await readBundleTar(padded)).refusal).toBeUndefined();
  });

  it("a body left unread or half read: the rest is drained before the next entry", async () => {
    const big = "0123456789".repeat(20_000);
    const bytes = bag(file("REQ/big", big), file("REQ/after", "after"));
    const seen: string[] = [];
    for await (const entry of readTarEntries(chunked(bytes, 1000), DEFAULT_LIMITS)) {
      if (entry.path === "REQ/big") {
        for await (const chunk of entry.body) {
          expect(chunk.length).toBeGreaterThan(0);
          break;
        }
      }
      if (entry.path === "REQ/after") for await (const chunk of entry.body) seen.push(Buffer.from(chunk).toString());
    }
    expect(seen.join("")).toBe("after");
  });

  it("stops cleanly when the caller stops early", async () => {
    const bytes = bag(file("REQ/a"), file("REQ/b"), file("REQ/c"));
    const paths: string[] = [];
    for await (const entry of readTarEntries(chunked(bytes, 100), DEFAULT_LIMITS)) {
      paths.push(entry.path);
      if (paths.length === 2) break;
    }
    expect(paths).toEqual(["REQ", "REQ/a"]);
  });
});

describe("readTarEntries passes an input failure through unchanged", () => {
  it("e.g. an age authentication failure in the middle of a body", async () => {
    const failure = new BundleRefusal("age-corrupt", "payload chunk 3 fails authentication");
    async function* failing(): AsyncGenerator<Uint8Array> {
      const bytes = bag(file("REQ/big", "x".repeat(100_000)));
      yield bytes.subarray(0, 20_000);
      throw failure;
    }
    const read = async () => {
      for await (const entry of readTarEntries(failing(), DEFAULT_LIMITS)) for await (const _ of entry.body);
    };
    await expect(read()).rejects.toBe(failure);
  });
});

describe("readTarEntries refuses", () => {
  it.each<[string, RawEntry]>([
    ["a symbolic link", { name: "REQ/link", type: "2", linkname: "bagit.txt" }],
    ["a hard link", { name: "REQ/link", type: "1", linkname: "REQ/bagit.txt" }],
    ["a character device", { name: "REQ/dev", type: "3" }],
    ["a block device", { name: "REQ/dev", type: "4" }],
    ["a FIFO", { name: "REQ/fifo", type: "6" }],
    ["a contiguous file", { name: "REQ/c", type: "7", data: "x" }],
    ["an old GNU sparse file", { name: "REQ/s", type: "S", data: "x" }],
    ["a pax (GNU 1.0) sparse file", { name: "REQ/s", data: "x", pax: { "GNU.sparse.major": "1", "GNU.sparse.minor": "0" } }],
    ["a Solaris extended header", { name: "REQ/x", type: "X", data: "x" }],
    ["an absolute name", file("/etc/passwd")],
    ["a .. segment", file("REQ/../evil")],
    ["a .. segment that only pax names", file("REQ/fine", "x", { pax: { path: "REQ/data/../../evil" } })],
    ["a .. segment that only a GNU long name names", file("REQ/" + "a".repeat(100) + "/../../evil", "x", { gnuLongName: true })],
    ["a . segment", file("REQ/./a")],
    ["a leading ./", file("./REQ/a")],
    ["an empty segment", file("REQ//a")],
    ["a backslash", file("REQ/data\\..\\evil")],
    ["a drive letter", file("C:/REQ/a")],
    ["a NUL byte in a pax name", file("REQ/fine", "x", { pax: { path: "REQ/a\0b" } })],
    ["a name that is not UTF-8", file(Uint8Array.of(...Buffer.from("REQ/caf"), 0xe9))],
    ["a pax name that is not UTF-8", file("REQ/fine", "x", { pax: { path: Uint8Array.of(...Buffer.from("REQ/caf"), 0xe9) } })],
    ["a pax header declaring binary names", file("REQ/fine", "x", { pax: { hdrcharset: "BINARY", path: "REQ/a" } })],
    ["an empty name", file("")],
  ])("%s as tar-unsafe-entry", async (_what, entry) => {
    const refusal = await refusalOf(bag(entry));
    expect(refusal.code).toBe("tar-unsafe-entry");
  });

  it("names the entry in the sentence", async () => {
    expect(await refusalOf(bag({ name: "REQ/link", type: "2", linkname: "x" }))).toEqual({
      code: "tar-unsafe-entry",
      message: 'tar entry "REQ/link" is a symbolic link; bundles hold only regular files and directories',
    });
    expect((await refusalOf(bag(file("REQ/../evil")))).message).toBe('tar entry "REQ/../evil": the name has a ".." path segment');
  });

  it.each<[string, RawEntry[]]>([
    ["the same file twice", [file("REQ/a"), file("REQ/a")]],
    ["the same directory twice", [{ name: "REQ/d/", type: "5" }, { name: "REQ/d/", type: "5" }]],
    ["names equal after case folding", [file("REQ/Request.json"), file("REQ/request.JSON")]],
    ["names equal after NFC", [file("REQ/caf\u00e9"), file("REQ/cafe\u0301")]],
    ["a file that is also a directory", [file("REQ/a"), file("REQ/a/b")]],
    ["a directory's contents, then a file of its name", [file("REQ/a/b"), file("REQ/a")]],
    ["a file and a directory of the same name", [file("REQ/a"), { name: "REQ/a/", type: "5" }]],
  ])("%s as tar-duplicate-entry", async (_what, entries) => {
    expect((await refusalOf(bag(...entries))).code).toBe("tar-duplicate-entry");
  });

  it("says which earlier path a folded duplicate matches", async () => {
    expect((await refusalOf(bag(file("REQ/A.txt"), file("REQ/a.txt")))).message).toBe(
      'tar entry "REQ/a.txt" is the same path as "REQ/A.txt" after Unicode normalisation and case folding',
    );
  });

  it.each<[string, Uint8Array]>([
    ["a file at the top level", buildTar([file("bagit.txt")])],
    ["a file at the top level after the root", buildTar([{ name: "REQ/", type: "5" }, file("stray.txt")])],
    ["two top-level directories", buildTar([file("REQ/a"), file("OTHER/b")])],
    ["an archive with no entries", END_OF_ARCHIVE],
  ])("%s as tar-layout", async (_what, bytes) => {
    expect((await refusalOf(bytes)).code).toBe("tar-layout");
  });

  it("a directory-only top level is fine, whatever its name", async () => {
    expect((await readBundleTar(buildTar([{ name: "any name at all/", type: "5" }]))).refusal).toBeUndefined();
  });

  describe("as limit-exceeded", () => {
    const limits = { ...DEFAULT_LIMITS, entries: 3, fileBytes: 10, pathBytes: 20, segmentBytes: 8 };
    it.each<[string, RawEntry[]]>([
      ["more entries than allowed", [file("REQ/a"), file("REQ/b"), file("REQ/c")]],
      ["a file over the size limit (by its header, before any byte is read)", [file("REQ/a", "x".repeat(11))]],
      ["a pax size over the limit", [file("REQ/a", "", { pax: { size: "99999999999" } })]],
      ["a path over the byte limit", [file("REQ/abcdefgh/ghijklmn")]],
      ["a path over the byte limit counted in UTF-8", [file("REQ/éééé/éééé")]],
      ["a segment over the byte limit", [file("REQ/abcdefghi")]],
    ])("%s", async (_what, entries) => {
      expect((await refusalOf(bag(...entries), limits)).code).toBe("limit-exceeded");
    });

    it("allows exactly the limits", async () => {
      const result = await readBundleTar(bag(file("REQ/abcdefgh", "x".repeat(10)), file("REQ/ééé/éééé")), { ...limits, pathBytes: 19 });
      expect(result.refusal).toBeUndefined();
    });
  });

  describe("as tar-invalid", () => {
    const good = bag(file("REQ/a", "hello"), file("REQ/b", "world"));
    it.each<[string, Uint8Array]>([
      ["a bad header checksum", bag(file("REQ/a", "x", { badChecksum: true }))],
      ["a header without the ustar magic (V7)", bag(file("REQ/a", "x", { noMagic: true }))],
      ["a malformed octal size", bag(file("REQ/a", "x", { sizeField: "0000000001x\0" }))],
      ["a malformed pax record", Buffer.concat([entryBlocks({ name: "REQ/", type: "5" }), entryBlocks({ name: "PaxHeader/x", type: "x", data: "9 path=REQ/a\n" }), entryBlocks(file("REQ/a")), END_OF_ARCHIVE])],
      ["a pax size with trailing garbage", bag(file("REQ/a", "hello", { size: 0, pax: { size: "5abc" } }))],
      ["an empty pax header", Buffer.concat([entryBlocks({ name: "REQ/", type: "5" }), entryBlocks({ name: "PaxHeader/x", type: "x" }), entryBlocks(file("REQ/a")), END_OF_ARCHIVE])],
      ["two pax headers for one entry", Buffer.concat([entryBlocks({ name: "REQ/", type: "5" }), entryBlocks({ name: "P/x", type: "x", data: "12 path=REQ/b\n" }), entryBlocks(file("REQ/a", "x", { pax: { path: "REQ/c" } })), END_OF_ARCHIVE])],
      ["a global pax header that sets a path", bag(file("REQ/a", "x", { globalPax: { path: "REQ/b" } }))],
      ["a directory with data", bag({ name: "REQ/d/", type: "5", data: "not empty" })],
      ["an archive cut inside a header", good.subarray(0, 1024 + 300)],
      ["an archive cut inside a body", good.subarray(0, 1024 + 512 + 3)],
      ["an archive cut at an entry boundary, with no end-of-archive marker", good.subarray(0, good.length - 1024)],
      ["a lone zero block as the end", good.subarray(0, good.length - 512)],
      ["a partial block after the end", Buffer.concat([good, new Uint8Array(100)])],
      ["garbage after the end-of-archive marker", Buffer.concat([good, Buffer.from("hidden".padEnd(512, "!"))])],
      ["an entry hidden after the end-of-archive marker", Buffer.concat([good, entryBlocks(file("REQ/hidden")), END_OF_ARCHIVE])],
      ["a non-zero byte in the padding after the end", Buffer.concat([good, new Uint8Array(511), Uint8Array.of(1)])],
      ["nothing at all", new Uint8Array(0)],
    ])("%s", async (_what, bytes) => {
      expect((await refusalOf(bytes)).code).toBe("tar-invalid");
    });

    it("refuses an entry hidden behind more than 1 MiB of zeros", async () => {
      const hidden = Buffer.concat([good, new Uint8Array(2 * 1024 * 1024), entryBlocks(file("REQ/hidden")), END_OF_ARCHIVE]);
      expect(await refusalOf(hidden)).toMatchObject({ code: "tar-invalid", message: expect.stringContaining("follows the end-of-archive marker") });
    });

    it("accepts the same archive when it ends properly", async () => {
      expect((await readBundleTar(good)).refusal).toBeUndefined();
    });
  });

  it("checks entry type before the name, and the name before limits and duplicates", async () => {
    expect((await refusalOf(bag({ name: "REQ/../x", type: "2" }))).message).toContain("symbolic link");
    expect((await refusalOf(bag(file("REQ/../" + "x".repeat(300))))).code).toBe("tar-unsafe-entry");
    expect((await refusalOf(bag(file("REQ/a"), file("REQ/a", "x".repeat(11))), { ...DEFAULT_LIMITS, fileBytes: 10 })).code).toBe("limit-exceeded");
  });

  it("the same rules apply below the bag layout (readTarArchive)", async () => {
    expect((await readAnyTar(buildTar([file("a"), file("b")]))).refusal).toBeUndefined();
    expect((await readAnyTar(buildTar([file("a"), file("A")]))).refusal?.code).toBe("tar-duplicate-entry");
  });
});

describe("archives packed by tar-stream", () => {
  const root: PackEntry = { name: "REQ", type: "directory" };
  it.each<[string, PackEntry[], string]>([
    ["a symbolic link", [root, { name: "REQ/link", type: "symlink", linkname: "../../etc/passwd" }], "tar-unsafe-entry"],
    ["a hard link", [root, { name: "REQ/a", content: "x" }, { name: "REQ/b", type: "link", linkname: "REQ/a" }], "tar-unsafe-entry"],
    ["a character device", [root, { name: "REQ/null", type: "character-device", devmajor: 1, devminor: 3 }], "tar-unsafe-entry"],
    ["a block device", [root, { name: "REQ/sda", type: "block-device", devmajor: 8, devminor: 0 }], "tar-unsafe-entry"],
    ["a FIFO", [root, { name: "REQ/pipe", type: "fifo" }], "tar-unsafe-entry"],
    ["a .. name", [root, { name: "REQ/../x", content: "x" }], "tar-unsafe-entry"],
    ["an absolute name", [root, { name: "/REQ/x", content: "x" }], "tar-unsafe-entry"],
    ["a long name with .. (written as pax)", [root, { name: `REQ/${"a".repeat(120)}/../../x`, content: "x" }], "tar-unsafe-entry"],
    ["a directory twice", [root, { name: "REQ/d", type: "directory" }, { name: "REQ/D", type: "directory" }], "tar-duplicate-entry"],
    ["a file twice", [root, { name: "REQ/a", content: "1" }, { name: "REQ/a", content: "2" }], "tar-duplicate-entry"],
    ["two roots", [root, { name: "OTHER", type: "directory" }], "tar-layout"],
    ["a top-level file", [{ name: "bagit.txt", content: "x" }], "tar-layout"],
  ])("refuses %s as %s", async (_what, entries, code) => {
    expect((await refusalOf(await packWithTarStream(entries))).code).toBe(code);
  });

  it("reads a long, non-ASCII name it writes as pax", async () => {
    const name = `REQ/data/attachments/${"Übersetzung ".repeat(12).trim()}.pdf`;
    const result = await readBundleTar(await packWithTarStream([root, { name, content: "%PDF" }]));
    expect(result.entries.map((e) => e.path)).toEqual(["REQ", name]);
  });
});

describe("archives written by GNU tar", () => {
  const work = fileTempFolder("tar");

  const tree: Record<string, string> = {
    "REQ-0001/bagit.txt": "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
    "REQ-0001/data/request.json": '{"schema":"counterseal.request/1"}',
    "REQ-0001/data/attachments/empty.txt": "",
    "REQ-0001/data/attachments/Zeugenaussage – Übersetzung.pdf": "%PDF-1.7 " + "z".repeat(5000),
    ["REQ-0001/data/attachments/" + "deep/".repeat(20) + "file.bin"]: "\u0000\u0001binary",
  };
  const longNames: Record<string, string> = { ["REQ-0001/data/attachments/" + "L".repeat(200) + ".txt"]: "long" };

  function tarOf(format: string, files: Record<string, string>): Uint8Array {
    const root = mkdtempSync(join(work, `${format}-`));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const args = [...(format === "default" ? [] : [`--format=${format}`]), "--sort=name", "-C", root, "-cf", "-", "REQ-0001"];
    const run = spawnSync("tar", args, { maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr.toString()).toBe(0);
    return run.stdout;
  }

  const fileContents = (result: Awaited<ReturnType<typeof readBundleTar>>) =>
    Object.fromEntries(result.entries.filter((e) => e.type === "file").map((e) => [e.path, e.data.toString()]));

  it.each(["ustar", "pax", "gnu", "default"])("--format=%s reads back the same files and bytes", async (format) => {
    const result = await readBundleTar(tarOf(format, tree));
    expect(result.refusal).toBeUndefined();
    expect(fileContents(result)).toEqual(tree);
    expect(result.entries.filter((e) => e.type === "directory").map((e) => e.bagPath)).toContain("data/attachments/deep/deep");
  });

  it.each(["pax", "gnu"])("--format=%s with a 200-byte file name", async (format) => {
    const result = await readBundleTar(tarOf(format, { ...tree, ...longNames }));
    expect(result.refusal).toBeUndefined();
    expect(fileContents(result)).toEqual({ ...tree, ...longNames });
  });

  /** A bag directory with one file, changed by `setup` (shell commands run inside it), then tarred. */
  function tarOfSetup(setup: string, tarArgs: string[]): Uint8Array {
    const root = mkdtempSync(join(work, "setup-"));
    mkdirSync(join(root, "REQ-0001"));
    writeFileSync(join(root, "REQ-0001/bagit.txt"), "x");
    const prepared = spawnSync("sh", ["-c", setup], { cwd: join(root, "REQ-0001") });
    expect(prepared.status, prepared.stderr.toString()).toBe(0);
    const run = spawnSync("tar", ["--sort=name", "-C", root, ...tarArgs, "-cf", "-", "REQ-0001"], { maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr.toString()).toBe(0);
    return run.stdout;
  }

  it.each<[string, string, string[], string]>([
    ["a symbolic link", "ln -s bagit.txt alias.txt", ["--format=pax"], "tar-unsafe-entry"],
    ["a hard link", "ln bagit.txt twin.txt", ["--format=pax"], "tar-unsafe-entry"],
    ["a FIFO", "mkfifo pipe", ["--format=ustar"], "tar-unsafe-entry"],
    ["an old GNU sparse file", "truncate -s 1M holes.bin && printf x >> holes.bin", ["--format=gnu", "--sparse"], "tar-unsafe-entry"],
    ["a pax sparse file (GNU.sparse 1.0)", "truncate -s 1M holes.bin && printf x >> holes.bin", ["--format=pax", "--sparse"], "tar-unsafe-entry"],
    ["a .. name made with --transform", "true", ["--format=pax", "--transform=s,bagit.txt,../escape.txt,"], "tar-unsafe-entry"],
    ["names that differ only in case", "printf y > BAGIT.TXT", ["--format=pax"], "tar-duplicate-entry"],
  ])("refuses %s", async (_what, setup, tarArgs, code) => {
    expect((await refusalOf(tarOfSetup(setup, tarArgs))).code).toBe(code);
  });

  it("refuses absolute names written with -P", async () => {
    const root = mkdtempSync(join(work, "absolute-"));
    writeFileSync(join(root, "x.txt"), "x");
    const run = spawnSync("tar", ["-P", "--format=pax", "-cf", "-", join(root, "x.txt")]);
    expect((await refusalOf(run.stdout)).code).toBe("tar-unsafe-entry");
  });

  it("refuses two top-level directories", async () => {
    const root = mkdtempSync(join(work, "two-"));
    for (const dir of ["REQ-0001", "REQ-0002"]) {
      mkdirSync(join(root, dir));
      writeFileSync(join(root, dir, "bagit.txt"), "x");
    }
    const run = spawnSync("tar", ["--sort=name", "-C", root, "-cf", "-", "REQ-0001", "REQ-0002"]);
    expect((await refusalOf(run.stdout)).code).toBe("tar-layout");
  });
});
