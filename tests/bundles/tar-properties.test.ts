import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../electron/core/bundles/limits.js";
import { foldPath } from "../../electron/core/bundles/path-folding.js";
import { buildTar, packWithTarStream, readBundleTar } from "./helpers/tar-build.js";

type Tree = { [segment: string]: Tree | Uint8Array };

const SEGMENT_CHARS = [..."abcXYZ019 -_.%#~,()'é", "ß", "ü", "Ω", "日", "😀"];
const segment = fc
  .string({ unit: fc.constantFrom(...SEGMENT_CHARS), minLength: 1, maxLength: 16 })
  .filter((name) => name !== "." && name !== "..");

// Names in one directory are distinct after NFC and case folding, as a bundle requires.
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc
    .uniqueArray(fc.tuple(segment, fc.oneof({ depthSize: "small" }, fc.uint8Array({ maxLength: 1500 }), tie("tree"))), {
      selector: ([name]) => foldPath(name),
      maxLength: 5,
    })
    .map((children) => Object.fromEntries(children)),
})).tree;

function flatten(node: Tree, prefix: string, out: Map<string, Uint8Array | "directory">): void {
  out.set(prefix, "directory");
  for (const [name, child] of Object.entries(node)) {
    const path = `${prefix}/${name}`;
    if (child instanceof Uint8Array) out.set(path, child);
    else flatten(child, path, out);
  }
}

const pack = (entries: Map<string, Uint8Array | "directory">): Promise<Uint8Array> =>
  packWithTarStream([...entries].map(([name, content]) => (content === "directory" ? { name, type: "directory" as const } : { name, content })));

describe("tar reader properties", () => {
  it("reads back exactly the paths and bytes of any valid tree packed by tar-stream", async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.integer({ min: 1, max: 3000 }), async (root, chunk) => {
        const entries = new Map<string, Uint8Array | "directory">();
        flatten(root, "ROOT", entries);
        const result = await readBundleTar(await pack(entries), DEFAULT_LIMITS, chunk);
        expect(result.refusal).toBeUndefined();
        const read = new Map(result.entries.map((e) => [e.path, e.type === "directory" ? ("directory" as const) : new Uint8Array(e.data)]));
        expect(read).toEqual(entries);
      }),
      { seed: 20240611, numRuns: 150 },
    );
  });

  it("refuses any name made hostile with '..', a leading '/', a backslash or a NUL", async () => {
    const hostile = fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom("dotdot", "absolute", "backslash", "nul"), fc.nat())
      .map(([segments, kind, at]) => {
        const parts = ["ROOT", ...segments];
        const cut = 1 + (at % parts.length);
        const name = parts.join("/");
        const position = at % (name.length + 1);
        switch (kind) {
          case "dotdot":
            return [...parts.slice(0, cut), "..", ...parts.slice(cut)].join("/");
          case "absolute":
            return "/" + name;
          case "backslash":
            return name.slice(0, position) + "\\" + name.slice(position);
          default:
            return name.slice(0, position) + "\0" + name.slice(position);
        }
      });
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), async (name, viaPax) => {
        // pax carries any byte (a NUL too); the ustar name field only what fits in it.
        const entry = viaPax || name.includes("\0") || Buffer.byteLength(name) > 99 ? { name: "ROOT/overridden-by-pax", pax: { path: name }, data: "x" } : { name, data: "x" };
        const result = await readBundleTar(buildTar([{ name: "ROOT/", type: "5" }, entry]));
        expect(result.refusal?.code).toBe("tar-unsafe-entry");
      }),
      { seed: 20240612, numRuns: 300 },
    );
  });
});
