// Refusals of the tar layer. Archives are built block by block (tar-build.ts) from a valid
// forged bag, so each carries exactly one hostile entry or framing fault; most put it after
// the 1.5 MiB attachment, so that the refusal has a kept file (evidence/) to remove.
import { describe, it } from "vitest";
import { buildTar, END_OF_ARCHIVE, rawTarEntries, type RawEntry } from "../../helpers/forge-layers.js";
import { sharedBench, type RefusalBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["tar-invalid", "tar-unsafe-entry", "tar-duplicate-entry", "tar-layout"]);
const shared = sharedBench();

const MiB = 1024 * 1024;

/** A valid bag's archive with `extra` entries appended after all of its own. */
function sealWith(bench: RefusalBench, extra: readonly RawEntry[], trailer?: Uint8Array): Promise<string> {
  const bag = bench.bagWithAttachments();
  return bench.sealPlaintext(buildTar([...rawTarEntries(bag), ...extra], trailer));
}

describe("tar-invalid", () => {
  const badChecksum = (bench: RefusalBench): Promise<string> => {
    const entries = rawTarEntries(bench.bag()).map((entry): RawEntry => (String(entry.name).endsWith("/bag-info.txt") ? { ...entry, badChecksum: true } : entry));
    return bench.sealPlaintext(buildTar(entries));
  };
  const garbageAfterEnd = (bench: RefusalBench): Promise<string> =>
    sealWith(bench, [], Buffer.concat([END_OF_ARCHIVE, Buffer.from("garbage after the end of the archive")]));

  it("refuses a header with a bad checksum, naming the header's byte offset", async () => {
    const bench = shared();
    await expectRefusal(bench, await badChecksum(bench), "tar-invalid", { names: [/the tar header at byte \d+ is not valid/, /checksum/] });
  });

  it("refuses bytes after the end-of-archive marker that are not zero padding, naming where they start", async () => {
    const bench = shared();
    await expectRefusal(bench, await garbageAfterEnd(bench), "tar-invalid", {
      names: [/data after its end-of-archive marker, at byte \d+/],
      streamedBytes: MiB,
    });
  });

  it("refuses an entry hidden after the end-of-archive marker (tar -x would never see it)", async () => {
    const bench = shared();
    const bag = bench.bag();
    const hidden = buildTar([{ name: `${bag.root}/data/attachments/hidden.txt`, data: "hidden" }]);
    const file = await bench.sealPlaintext(Buffer.concat([buildTar(rawTarEntries(bag)), hidden]));
    await expectRefusal(bench, file, "tar-invalid", { names: ['"nl-om-rotterdam-OM-RTM-2026-0117-r1/data/attachments/hidden.txt"', "end-of-archive marker"] });
  });

  it("refuses an archive cut before its end-of-archive marker", async () => {
    const bench = shared();
    await expectRefusal(bench, await sealWith(bench, [], new Uint8Array()), "tar-invalid", { names: ["without an end-of-archive marker"], streamedBytes: MiB });
  });

  it("refuses a header whose size field is not octal, naming its byte offset", async () => {
    const bench = shared();
    const bag = bench.bag();
    const file = await bench.sealPlaintext(buildTar([...rawTarEntries(bag), { name: `${bag.root}/data/attachments/x.txt`, data: "x", sizeField: "00000000001x" }]));
    await expectRefusal(bench, file, "tar-invalid", { names: [/the tar header at byte \d+ has a malformed size field/, '"00000000001x"'] });
  });
});

describe("tar-unsafe-entry", () => {
  it("refuses a symbolic link", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const file = await sealWith(bench, [{ name: `${root}/data/attachments/passwd`, type: "2", linkname: "/etc/passwd" }]);
    await expectRefusal(bench, file, "tar-unsafe-entry", { names: [`"${root}/data/attachments/passwd"`, "symbolic link"], streamedBytes: MiB });
  });

  it("refuses a hard link", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const file = await sealWith(bench, [{ name: `${root}/data/attachments/copy.pdf`, type: "1", linkname: `${root}/data/attachments/order.pdf` }]);
    await expectRefusal(bench, file, "tar-unsafe-entry", { names: [`"${root}/data/attachments/copy.pdf"`, "hard link"] });
  });

  it("refuses a FIFO", async () => {
    const bench = shared();
    const root = bench.bag().root;
    await expectRefusal(bench, await sealWith(bench, [{ name: `${root}/data/pipe`, type: "6" }]), "tar-unsafe-entry", { names: [`"${root}/data/pipe"`, "FIFO"] });
  });

  it('refuses a ".." component', async () => {
    const bench = shared();
    const root = bench.bag().root;
    const name = `${root}/data/../../escaped.txt`;
    await expectRefusal(bench, await sealWith(bench, [{ name, data: "out" }]), "tar-unsafe-entry", { names: [JSON.stringify(name), '".." path segment'] });
  });

  it("refuses an absolute path", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const name = `/${root}/data/attachments/abs.txt`;
    await expectRefusal(bench, await sealWith(bench, [{ name, data: "abs" }]), "tar-unsafe-entry", { names: [JSON.stringify(name), "absolute path"] });
  });

  it("refuses a backslash in a name", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const name = `${root}/data/attachments\\evil.txt`;
    await expectRefusal(bench, await sealWith(bench, [{ name, data: "evil" }]), "tar-unsafe-entry", { names: [JSON.stringify(name), "backslash"] });
  });

  it("refuses a NUL byte in a pax path", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const file = await sealWith(bench, [{ name: `${root}/data/x`, data: "x", pax: { path: `${root}/data/attachments/a\0b.txt` } }]);
    await expectRefusal(bench, file, "tar-unsafe-entry", { names: ["NUL"] });
  });
});

describe("tar-duplicate-entry", () => {
  it("refuses the same path twice", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const file = await sealWith(bench, [{ name: `${root}/data/attachments/annex.txt`, data: "a second annex" }]);
    await expectRefusal(bench, file, "tar-duplicate-entry", { names: [`"${root}/data/attachments/annex.txt"`, "appears twice"], streamedBytes: MiB });
  });

  it("refuses two names equal after case folding", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const file = await sealWith(bench, [{ name: `${root}/data/attachments/ORDER.PDF`, data: "another order" }]);
    await expectRefusal(bench, file, "tar-duplicate-entry", { names: [`"${root}/data/attachments/ORDER.PDF"`, `"${root}/data/attachments/order.pdf"`, "case folding"] });
  });

  it("refuses two names equal after Unicode NFC normalisation", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const composed = `${root}/data/attachments/r\u00e9sum\u00e9.txt`;
    const decomposed = `${root}/data/attachments/re\u0301sume\u0301.txt`;
    const file = await sealWith(bench, [
      { name: composed, data: "one" },
      { name: decomposed, data: "two" },
    ]);
    await expectRefusal(bench, file, "tar-duplicate-entry", { names: [JSON.stringify(decomposed), "Unicode normalisation"] });
  });

  it("refuses a file that is also a directory", async () => {
    const bench = shared();
    const root = bench.bag().root;
    const file = await sealWith(bench, [{ name: `${root}/bagit.txt/inner.txt`, data: "inner" }]);
    await expectRefusal(bench, file, "tar-duplicate-entry", { names: [`"${root}/bagit.txt"`, "which is a file"] });
  });
});

describe("tar-layout", () => {
  it("refuses a second top-level directory", async () => {
    const bench = shared();
    await expectRefusal(bench, await sealWith(bench, [{ name: "second-bag/", type: "5" }]), "tar-layout", { names: ['"second-bag"', "outside the top-level directory"], streamedBytes: MiB });
  });

  it("refuses a file at the top level", async () => {
    const bench = shared();
    await expectRefusal(bench, await sealWith(bench, [{ name: "README.txt", data: "read me" }]), "tar-layout", { names: ['"README.txt"', "at the top level"] });
  });

  it("refuses an archive with no entries at all", async () => {
    const bench = shared();
    await expectRefusal(bench, await bench.sealPlaintext(buildTar([])), "tar-layout", { names: ["the archive is empty"] });
  });
});
