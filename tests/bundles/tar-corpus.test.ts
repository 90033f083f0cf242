// The tar reader against archives nobody on this project wrote: node-tar's parse fixtures
// (with node-tar's expected parse events) and CPython's testtar.tar / recursion.tar.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPORA } from "./helpers/corpora.js";
import { END_OF_ARCHIVE, readAnyTar, readBundleTar, type ReadResult } from "./helpers/tar-build.js";
import { splitMembers } from "./helpers/tar-members.js";

const NODE_TAR = join(CORPORA, "node-tar", "test");
const CPYTHON = join(CORPORA, "cpython-tarfile");
const nodeTar = (name: string): Buffer => readFileSync(join(NODE_TAR, "fixtures", "tars", name));

type Outcome = "accepted" | "tar-invalid" | "tar-unsafe-entry" | "tar-duplicate-entry" | "tar-layout" | "limit-exceeded";
const outcomeOf = (result: ReadResult): Outcome => (result.refusal?.code as Outcome | undefined) ?? "accepted";

/** node-tar's expected "entry" events of a fixture, as [path without trailing slash, type, size]. */
function nodeTarEntries(fixture: string): Array<[string, string, number]> {
  const events = JSON.parse(readFileSync(join(NODE_TAR, "fixtures", "parse", `${fixture}.json`), "utf8")) as unknown[][];
  return events
    .filter((event) => event[0] === "entry")
    .map((event) => {
      const entry = event[1] as { path: string; type: string; size: number };
      return [entry.path.replace(/\/$/, ""), entry.type === "Directory" ? "directory" : "file", entry.size];
    });
}

// Every fixture archive, with what readTarArchive (no bag layout) and readTarEntries (bag
// layout) make of it, and how many entries come out before a refusal.
const NODE_TAR_FIXTURES: ReadonlyArray<[file: string, archive: Outcome, entriesBefore: number, bundle: Outcome, why: string]> = [
  ["bad-cksum.tar", "tar-invalid", 1, "tar-layout", "the second header's checksum is wrong"],
  ["body-byte-counts.tar", "accepted", 4, "tar-layout", "files of 1024, 512, 1 and 0 bytes at the top level"],
  ["dir.tar", "accepted", 1, "accepted", "one directory"],
  ["emptypax.tar", "tar-invalid", 1, "tar-layout", "an empty pax header, which tar-stream misframes (policy)"],
  ["file.tar", "accepted", 1, "tar-layout", "one top-level file"],
  ["global-header.tar", "tar-invalid", 0, "tar-invalid", "a global pax header sets path=ab; GNU tar names the file ab, node-tar and tar-stream one-byte.txt"],
  ["links-invalid.tar", "tar-unsafe-entry", 1, "tar-layout", "a hard link"],
  ["links-strip.tar", "tar-unsafe-entry", 2, "tar-unsafe-entry", "a hard link inside strip-dir/"],
  ["links.tar", "tar-unsafe-entry", 1, "tar-layout", "a hard link"],
  ["long-paths.tar", "accepted", 32, "tar-layout", "ustar prefix and pax long names, up to 170-byte segments"],
  ["long-pax.tar", "tar-invalid", 1, "tar-layout", "no end-of-archive marker after its one entry (policy: an archive must end with one)"],
  ["next-file-has-long.tar", "tar-unsafe-entry", 1, "tar-layout", "a GNU long name, then a symbolic link with a GNU long link name"],
  ["null-byte.tar", "accepted", 2, "accepted", "a GNU long name with a NUL terminator inside a directory"],
  ["path-missing.tar", "tar-unsafe-entry", 0, "tar-unsafe-entry", "an entry with an empty name"],
  ["trailing-slash-corner-case.tar", "accepted", 3, "accepted", "a 99-byte directory name; files named through the ustar prefix"],
  ["utf8.tar", "accepted", 3, "tar-layout", "UTF-8 names in pax headers"],
];

describe("node-tar parse fixtures", () => {
  it("covers every fixture archive", () => {
    const files = readdirSync(join(NODE_TAR, "fixtures", "tars")).sort();
    expect(files).toHaveLength(16);
    expect(NODE_TAR_FIXTURES.map(([file]) => file)).toEqual(files);
  });

  it.each(NODE_TAR_FIXTURES)("%s: %s with %i entries read first; as a bundle %s (%s)", async (file, archive, before, bundle) => {
    const bytes = nodeTar(file);
    const read = await readAnyTar(bytes);
    expect(outcomeOf(read)).toBe(archive);
    expect(read.entries).toHaveLength(before);
    expect(outcomeOf(await readBundleTar(bytes))).toBe(bundle);
  });

  it.each(NODE_TAR_FIXTURES.filter(([, archive]) => archive === "accepted").map(([file]) => file))(
    "%s: the same paths, types and sizes as node-tar's expected events, and bodies of that size",
    async (file) => {
      const read = await readAnyTar(nodeTar(file));
      expect(read.entries.map((e) => [e.path, e.type, e.size])).toEqual(nodeTarEntries(file.replace(/\.tar$/, "")));
      for (const entry of read.entries) expect(entry.data.length).toBe(entry.size);
    },
  );

  it.each(NODE_TAR_FIXTURES.filter(([, archive]) => archive === "accepted").map(([file]) => file))(
    "%s: every prefix shorter than its entries plus the end-of-archive marker is refused as tar-invalid",
    async (file) => {
      const bytes = nodeTar(file);
      let lastData = bytes.length;
      while (lastData > 0 && bytes[lastData - 1] === 0) lastData--;
      const complete = Math.ceil(lastData / 512) * 512 + END_OF_ARCHIVE.length;
      const cuts = new Set<number>();
      for (let block = 0; block < complete; block += 512) for (const cut of [block - 1, block, block + 1, block + 100]) if (cut >= 0 && cut < complete) cuts.add(cut);
      for (const cut of cuts) expect(outcomeOf(await readAnyTar(bytes.subarray(0, cut))), `cut at ${cut}`).toBe("tar-invalid");
      expect(outcomeOf(await readAnyTar(bytes.subarray(0, complete)))).toBe("accepted");
    },
  );

  it("long-pax.tar, once the missing end-of-archive marker is appended, reads like node-tar's events", async () => {
    const read = await readAnyTar(Buffer.concat([nodeTar("long-pax.tar"), END_OF_ARCHIVE]));
    expect(read.refusal).toBeUndefined();
    expect(read.entries.map((e) => [e.path, e.type, e.size])).toEqual(nodeTarEntries("long-pax"));
    expect(read.entries[0]?.data.length).toBe(100);
  });

  it.each<[string, Outcome, string]>([
    ["fixtures/long-linkname.tar", "tar-unsafe-entry", "a symbolic link with a pax linkpath"],
    ["fixtures/excessively-deep.tar", "tar-unsafe-entry", 'a 450 KB name that starts with "./"'],
    ["dir-normalization.tar", "tar-unsafe-entry", "symbolic links, one absolute"],
  ])("%s is refused as %s (%s)", async (path, outcome) => {
    expect(outcomeOf(await readAnyTar(readFileSync(join(NODE_TAR, path))))).toBe(outcome);
  });
});

const MD5_REGTYPE = "65f477c818ad9e15f7feab0c6d37742f"; // CPython test_tarfile's md5_regtype
const MD5_SPARSE = "a54fbc4ca4f4399a90e1b27164012fc6"; // and md5_sparse
const md5 = (data: Uint8Array): string => createHash("md5").update(data).digest("hex");

// CPython's testtar.tar, member by member (each with the headers in front of it, then the
// end-of-archive marker): what the bundle reader makes of it and why.
const TESTTAR_MEMBERS: ReadonlyArray<[label: string, outcome: Outcome, why: string]> = [
  ["ustar/conttype", "tar-unsafe-entry", "contiguous file"],
  ["ustar/regtype", "accepted", "regular file"],
  ["ustar/dirtype/", "accepted", "directory"],
  ["ustar/dirtype-with-size/", "tar-invalid", "a directory with 255 bytes of data, which tar-stream would read as headers"],
  ["ustar/symtype", "tar-unsafe-entry", "symbolic link"],
  ["ustar/blktype", "tar-unsafe-entry", "block device"],
  ["ustar/chrtype", "tar-unsafe-entry", "character device"],
  ["ustar/fifotype", "tar-unsafe-entry", "FIFO"],
  ["ustar/sparse", "accepted", "ustar has no sparse type: an ordinary 86016-byte file"],
  ["ustar/umlauts-\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\u00df", "tar-unsafe-entry", "a latin-1 name, not UTF-8"],
  ["ustar/" + "12345/".repeat(39) + "1234567/longname", "accepted", "a 255-byte name through the ustar prefix"],
  ["./ustar/linktest2/symtype", "tar-unsafe-entry", "symbolic link"],
  ["ustar/linktest1/regtype", "accepted", "regular file"],
  ["./ustar/linktest2/lnktype", "tar-unsafe-entry", "hard link"],
  ["symtype2", "tar-unsafe-entry", "symbolic link"],
  ["gnu/" + "123/".repeat(24), "accepted", "a GNU long name"],
  ["gnu/" + "123/".repeat(24), "tar-unsafe-entry", "hard link with GNU long names"],
  ["gnu/sparse", "tar-unsafe-entry", "old GNU sparse member (type S)"],
  ["gnu/sparse-0.0", "tar-unsafe-entry", "pax GNU.sparse 0.0"],
  ["gnu/GNUSparseFile.18567/sparse-0.1", "tar-unsafe-entry", "pax GNU.sparse 0.1"],
  ["gnu/GNUSparseFile.18633/sparse-1.0", "tar-unsafe-entry", "pax GNU.sparse 1.0"],
  ["gnu/regtype-gnu-uid", "accepted", "regular file with a base-256 uid"],
  ["misc/regtype-old-v7", "tar-invalid", "V7 header without ustar magic (we read ustar, pax and GNU)"],
  ["misc/regtype-hpux-signed-chksum-\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\u00df", "tar-invalid", "checksum computed over signed bytes"],
  ["misc/regtype-old-v7-signed-chksum-\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\u00df", "tar-invalid", "V7 header, signed checksum"],
  ["misc/dirtype-old-v7/", "tar-invalid", "V7 header"],
  ["misc/regtype-suntar", "tar-unsafe-entry", "a Solaris X extended header is an entry of unsupported type"],
  ["misc/regtype-xstar", "accepted", "xstar header, ustar compatible"],
  ["123/".repeat(25), "accepted", "a pax long name"],
  ["123/".repeat(25), "tar-unsafe-entry", "hard link with pax long names"],
  ["pax/umlauts-\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\u00df", "accepted", "UTF-8 name from pax"],
  ["pax/regtype1", "accepted", "global pax header with uname, gname and a vendor key"],
  ["pax/regtype2", "accepted", "global pax header with an empty uname"],
  ["pax/regtype3", "accepted", "global pax header with uname and gname"],
  ["pax/regtype4", "accepted", "pax size overrides a header size of 0"],
  ["pax/bad-pax-\u00e4\u00f6\u00fc", "tar-unsafe-entry", "pax path that is not UTF-8"],
  ["pax/hdrcharset-\u00e4\u00f6\u00fc", "tar-unsafe-entry", "pax hdrcharset=BINARY"],
  ["misc/eof", "accepted", "empty regular file"],
];

describe("CPython testtar.tar", () => {
  const testtar = readFileSync(join(CPYTHON, "testtar.tar"));
  const members = splitMembers(testtar);

  it("is refused as a whole at its first member, a contiguous file", async () => {
    const read = await readAnyTar(testtar);
    expect(read.refusal?.code).toBe("tar-unsafe-entry");
    expect(read.refusal?.message).toContain("ustar/conttype");
  });

  it("splits into the members the table expects", () => {
    expect(members.map((member) => member.label)).toEqual(TESTTAR_MEMBERS.map(([label]) => label));
  });

  it.each(TESTTAR_MEMBERS.map((row, index) => [index, ...row] as const))("member %i %s: %s (%s)", async (index, _label, outcome) => {
    const member = members[index];
    if (member === undefined) throw new Error(`no member ${index}`);
    const alone = Buffer.concat([testtar.subarray(member.start, member.end), END_OF_ARCHIVE]);
    const read = await readAnyTar(alone);
    expect(outcomeOf(read)).toBe(outcome);
    if (outcome !== "accepted") return;
    const [entry] = read.entries;
    if (entry === undefined) throw new Error("no entry");
    if (entry.type === "file" && entry.size === 7011) expect(md5(entry.data)).toBe(MD5_REGTYPE);
    if (entry.path === "ustar/sparse") expect(md5(entry.data)).toBe(MD5_SPARSE);
  });

  it("every link, device, FIFO, contiguous and sparse member is refused as tar-unsafe-entry", async () => {
    const linkLike = members.filter((member) => ["1", "2", "3", "4", "6", "7", "S"].includes(member.type) || /sparse-\d/.test(member.label));
    expect(linkLike).toHaveLength(14);
    for (const member of linkLike) {
      const read = await readAnyTar(Buffer.concat([testtar.subarray(member.start, member.end), END_OF_ARCHIVE]));
      expect(read.refusal?.code, member.label).toBe("tar-unsafe-entry");
    }
  });
});

describe("CPython recursion.tar", () => {
  it("is refused as tar-invalid", async () => {
    const read = await readAnyTar(readFileSync(join(CPYTHON, "recursion.tar")));
    expect(read.refusal?.code).toBe("tar-invalid");
    expect(read.entries).toEqual([]);
  });
});
