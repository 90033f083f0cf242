import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeManifestPath, encodeManifestPath, manifestNameOf, parseManifestLines } from "../../electron/core/bundles/bagit-manifest.js";
import type { DigestAlgorithm } from "../../electron/core/bundles/bagit-manifest.js";

/** The manifest as path → digest, from the lines the bag check reads. */
const parseManifest = (bytes: Uint8Array, fileName: string, algorithm: DigestAlgorithm): Map<string, string> =>
  new Map(parseManifestLines(bytes, fileName, algorithm).map((entry) => [entry.path, entry.digest]));
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const H = "ab".repeat(32);
const H2 = "cd".repeat(32);
const parse = (text: string) => parseManifest(utf8(text), "manifest-sha256.txt", "sha256");

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BundleRefusal) return { code: error.refusal, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseManifest reads", () => {
  it("two spaces, one space, several spaces or a tab as the separator", () => {
    expect(parse(`${H}  data/a\n${H2} data/b\n${H}     data/c\n${H2}\tdata/d\n`)).toEqual(
      new Map([
        ["data/a", H],
        ["data/b", H2],
        ["data/c", H],
        ["data/d", H2],
      ]),
    );
  });

  it("CRLF line ends and a last line without one", () => {
    expect([...parse(`${H}  data/a\r\n${H2}  data/b`).keys()]).toEqual(["data/a", "data/b"]);
  });

  it("upper-case hex, kept in lower case", () => {
    expect(parse(`${H.toUpperCase()}  data/a\n`).get("data/a")).toBe(H);
  });

  it("sha256sum's binary marker after a single space, but a * after two spaces as part of the name", () => {
    expect([...parse(`${H} *data/a\n${H2}  *data/b\n`).keys()]).toEqual(["data/a", "*data/b"]);
  });

  it("%25, %0D and %0A (either case) as %, CR and LF, and no other escape", () => {
    expect([...parse(`${H}  data/100%25 %0d%0A%0D%0a.txt\n${H2}  data/%7Etilde %41 %2 %\n`).keys()]).toEqual(["data/100% \r\n\r\n.txt", "data/%7Etilde %41 %2 %"]);
  });

  it("spaces inside and at the end of names", () => {
    expect([...parse(`${H}  data/test file with spaces.txt \n`).keys()]).toEqual(["data/test file with spaces.txt "]);
  });

  it("one leading ./, dropped", () => {
    expect([...parse(`${H}  ./data/a\n`).keys()]).toEqual(["data/a"]);
  });

  it("line numbers with each entry", () => {
    expect(parseManifestLines(utf8(`${H}  data/a\n${H2}  data/b\n`), "manifest-sha256.txt", "sha256")).toEqual([
      { path: "data/a", digest: H, line: 1 },
      { path: "data/b", digest: H2, line: 2 },
    ]);
  });

  it("digests of the length of each algorithm", () => {
    expect(parseManifest(utf8(`${"a".repeat(128)}  data/x\n`), "manifest-sha512.txt", "sha512").get("data/x")).toBe("a".repeat(128));
    expect(parseManifest(utf8(`${"a".repeat(32)}  data/x\n`), "manifest-md5.txt", "md5").get("data/x")).toBe("a".repeat(32));
  });
});

describe("parseManifest refuses as bag-invalid, naming file and line", () => {
  it.each<[string, string, string]>([
    ["a short digest", `${H}  data/a\n${H.slice(1)}  data/b\n`, 'manifest-sha256.txt line 2: expected "<64 hex digits> <path>"'],
    ["a long digest", `${H}0  data/a\n`, "line 1: expected"],
    ["a digest with a non-hex digit", `${H.slice(1)}g  data/a\n`, "line 1: expected"],
    ["no separator", `${H}data/a\n`, "line 1: expected"],
    ["no path", `${H}  \n`, 'line 1: path "" is empty'],
    ["an empty line", `${H}  data/a\n\n${H2}  data/b\n`, "line 2: expected"],
    ["a path leaving the bag", `${H}  data/../../etc/passwd\n`, 'line 1: path "data/../../etc/passwd" leaves the bag'],
    ["an absolute path", `${H}  /etc/passwd\n`, "is absolute"],
    ["a drive letter", `${H}  C:/x\n`, "is absolute"],
    ["a backslash", `${H}  data\\x\n`, "contains a backslash"],
    ["an empty segment", `${H}  data//x\n`, 'has a "" path segment'],
    ["a . segment", `${H}  data/./x\n`, 'has a "." path segment'],
    ["a trailing slash", `${H}  data/dir/\n`, 'has a "" path segment'],
    ["a raw carriage return inside a line", `${H}  data/a\rb\n`, "line 1: a carriage return"],
    ["a byte order mark", `\ufeff${H}  data/a\n`, "starts with a byte order mark"],
    ["the same path twice", `${H}  data/a\n${H2}  data/b\n${H2}  data/a\n`, 'line 3: path "data/a" is listed twice, first on line 1'],
    ["the same path twice, once with ./", `${H}  data/a\n${H}  ./data/a\n`, "listed twice"],
    ["two spellings of one path after case folding", `${H}  data/Photo.JPG\n${H}  data/photo.jpg\n`, 'listed twice after Unicode normalisation and case folding (as "data/Photo.JPG")'],
    ["two spellings of one path after NFC", `${H}  data/caf\u00e9\n${H}  data/cafe\u0301\n`, "listed twice after Unicode normalisation"],
  ])("%s", (_what, text, message) => {
    const result = refusal(() => parse(text));
    expect(result.code).toBe("bag-invalid");
    expect(result.message).toContain(message);
  });

  it("keeps %2E%2E as it is: RFC 8493 decodes no other escape, so it is a literal (odd) name", () => {
    expect([...parse(`${H}  data/%2E%2E/x\n`).keys()]).toEqual(["data/%2E%2E/x"]);
  });

  it("bytes that are not UTF-8", () => {
    expect(refusal(() => parseManifest(Uint8Array.of(...utf8(`${H}  data/`), 0xff, 0x0a), "manifest-sha256.txt", "sha256"))).toMatchObject({ code: "bag-invalid" });
  });
});

describe("manifestNameOf", () => {
  it.each<[string, ReturnType<typeof manifestNameOf>]>([
    ["manifest-sha256.txt", { kind: "payload", algorithm: "sha256" }],
    ["tagmanifest-sha512.txt", { kind: "tag", algorithm: "sha512" }],
    ["manifest-blake2b512.txt", { kind: "payload", algorithm: "blake2b512" }],
    ["manifest-SHA256.txt", undefined],
    ["tagmanifest-sha256.txt.minisig", undefined],
    ["data/manifest-sha256.txt", undefined],
  ])("%s", (path, expected) => {
    expect(manifestNameOf(path)).toEqual(expected);
  });
});

const pathChar = fc.constantFrom(..."abcXYZ019 -_.~#", "%", "%25", "%0A", "\r", "\n", "\r\n", "é", "日", "😀", "\t", "*");
const segment = fc.array(pathChar, { minLength: 1, maxLength: 10 }).map((chars) => chars.join("")).filter((s) => s !== "." && s !== "..");
const payloadPath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => ["data", ...segments].join("/"));
const hexDigest = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString("hex"));
const manifest = fc.uniqueArray(fc.tuple(payloadPath, hexDigest), { selector: ([path]) => path.normalize("NFC").toLowerCase(), minLength: 1, maxLength: 12 });
const render = (entries: ReadonlyArray<readonly [string, string]>, separator = "  ", end = "\n") =>
  entries.map(([path, digest]) => `${digest}${separator}${encodeManifestPath(path)}${end}`).join("");

describe("manifest properties", () => {
  it("any set of payload paths (with %, CR, LF, spaces, unicode) survives encode, write and parse", () => {
    fc.assert(
      fc.property(manifest, fc.constantFrom("  ", " ", "\t"), fc.constantFrom("\n", "\r\n"), (entries, separator, end) => {
        expect(parse(render(entries, separator, end))).toEqual(new Map(entries));
      }),
      { seed: 20240621, numRuns: 300 },
    );
  });

  it("decodeManifestPath inverts encodeManifestPath on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("%", "2", "5", "0", "A", "a", "D", "d", "\r", "\n", "x") }), (path) => {
        expect(decodeManifestPath(encodeManifestPath(path))).toBe(path);
      }),
      { seed: 20240622, numRuns: 500 },
    );
  });

  const corruptions: ReadonlyArray<[string, (line: string) => string]> = [
    ["drop a hex digit", (line) => line.slice(1)],
    ["add a hex digit", (line) => "f" + line],
    ["a non-hex digit", (line) => "z" + line.slice(1)],
    ["no separator", (line) => line.slice(0, 64) + line.slice(66)],
    ["a path outside the bag", (line) => line.slice(0, 66) + "../escape"],
    ["an absolute path", (line) => line.slice(0, 66) + "/etc/passwd"],
    ["a raw carriage return", (line) => line.slice(0, 70) + "\r" + line.slice(70)],
    ["a backslash", (line) => line + "\\x"],
  ];

  it("a corrupted line is always refused as bag-invalid", () => {
    fc.assert(
      fc.property(manifest, fc.nat(), fc.constantFrom(...corruptions), (entries, pick, [, corrupt]) => {
        const lines = render(entries).split("\n").slice(0, -1);
        const index = pick % lines.length;
        lines[index] = corrupt(lines[index] ?? "");
        expect(refusal(() => parse(lines.join("\n") + "\n")).code).toBe("bag-invalid");
      }),
      { seed: 20240623, numRuns: 400 },
    );
  });

  it("a line repeated anywhere is refused as bag-invalid", () => {
    fc.assert(
      fc.property(manifest, fc.nat(), fc.nat(), (entries, from, to) => {
        const lines = render(entries).split("\n").slice(0, -1);
        lines.splice(to % (lines.length + 1), 0, lines[from % lines.length] ?? "");
        expect(refusal(() => parse(lines.join("\n"))).message).toContain("is listed twice");
      }),
      { seed: 20240624, numRuns: 200 },
    );
  });

  it("any random damage to the bytes gives a manifest or bag-invalid, never another error", () => {
    fc.assert(
      fc.property(manifest, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (entries, damage) => {
        const bytes = utf8(render(entries));
        for (const [at, value] of damage) bytes[at % bytes.length] = value;
        try {
          parseManifest(bytes, "manifest-sha256.txt", "sha256");
        } catch (error) {
          expect(error).toBeInstanceOf(BundleRefusal);
          expect((error as BundleRefusal).refusal).toBe("bag-invalid");
        }
      }),
      { seed: 20240625, numRuns: 500 },
    );
  });
});
