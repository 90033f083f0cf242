// limit-exceeded: each configurable limit passed by a bundle that is otherwise valid. The
// refused import runs with small limits; the check import afterwards with the defaults.
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../../electron/core/bundles/import-bundle.js";
import { DEFAULT_LIMITS, type BundleLimits } from "../../../electron/core/bundles/limits.js";
import type { Session } from "../../../electron/core/session/session.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { openBench, sharedBench, type RefusalBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["limit-exceeded"]);
const shared = sharedBench();

const MiB = 1024 * 1024;
const limited = (bench: RefusalBench, limits: Partial<BundleLimits>): Session => ({ ...bench.office.session, limits: { ...DEFAULT_LIMITS, ...limits } });

describe("limit-exceeded", () => {
  it("refuses more entries than the limit, naming the first one past it", async () => {
    const bench = shared();
    const bag = bench.bag();
    await expectRefusal(bench, await bench.seal(bag), "limit-exceeded", {
      names: [`more than 3 entries (at "${bag.root}/bag-info.txt")`],
      session: limited(bench, { entries: 3 }),
    });
  });

  it("refuses a file larger than the limit, from its header", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    await expectRefusal(bench, await bench.seal(bag), "limit-exceeded", {
      names: [`"${bag.root}/data/attachments/order.pdf": the file is ${1.5 * MiB} bytes, more than the limit of ${MiB}`],
      session: limited(bench, { fileBytes: MiB }),
    });
  });

  it("refuses a path longer than the limit", async () => {
    const bench = shared();
    const bag = bench.bag();
    const path = `${bag.root}/tagmanifest-sha256.txt.minisig`;
    await expectRefusal(bench, await bench.seal(bag), "limit-exceeded", {
      names: [`tar entry "${path}": the path is ${path.length} bytes, more than the limit of 60`],
      session: limited(bench, { pathBytes: 60 }),
    });
  });

  it("refuses a path segment longer than the default 255 bytes", async () => {
    const bench = shared();
    const name = `${"long-name-".repeat(26)}.pdf`;
    const bag = bench.bag({
      document: sampleRequest({ attachments: [{ path: `attachments/${name}`, title: "Long", mediaType: "application/pdf" }] }),
      attachments: [{ name, bytes: new TextEncoder().encode("%PDF-1.4\n") }],
    });
    await expectRefusal(bench, await bench.seal(bag), "limit-exceeded", { names: [`attachments/${name}": a path segment is ${name.length} bytes, more than the limit of 255`] });
  });

  it("refuses a document larger than the document limit", async () => {
    const bench = shared();
    const bag = bench.bag();
    expect(bag.bytes("data/request.json").byteLength).toBeGreaterThan(1000);
    await expectRefusal(bench, await bench.seal(bag), "limit-exceeded", {
      names: ["data/request.json is larger than the document limit of 1000 bytes"],
      session: limited(bench, { documentBytes: 1000 }),
    });
  });

  it("refuses a document nested deeper than the limit, naming the JSON path", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    await expectRefusal(bench, await bench.seal(bag), "limit-exceeded", {
      names: ["data/request.json", "($.legalBasis[0])", "nesting deeper than the limit of 2"],
      session: limited(bench, { documentDepth: 2 }),
      streamedBytes: MiB,
    });
  });

  it("refuses a sealed file larger than the limit before reading it", async () => {
    const bench = shared();
    const file = await bench.seal(bench.bag());
    await expectRefusal(bench, file, "limit-exceeded", { names: [/the sealed file is \d+ bytes; the limit is 4096/], session: limited(bench, { sealedBytes: 4096 }) });
  });

  // The document limit is for data/<Bundle-Type>.json alone: an attachment that happens to be
  // named like another bundle type's document is an ordinary attachment, whatever its size.
  it("imports a request whose 2 KiB attachment is named decision.json under a 1 KiB document limit", async () => {
    const bench = openBench(); // it imports the sample request: not on the shared store
    const attachment = new Uint8Array(Buffer.alloc(2048, '{"note": "an exhibit"}\n'));
    const document = sampleRequest({ attachments: [{ path: "decision.json", title: "An earlier decision", mediaType: "application/json" }] });
    const bag = bench.bag({ document: { ...document }, attachments: [] }).put("data/decision.json", attachment).restamp();
    const session = limited(bench, { documentBytes: bag.bytes("data/request.json").byteLength });
    expect(await importBundleFile(session, await bench.seal(bag))).toMatchObject({ status: "imported" });
  });
});
