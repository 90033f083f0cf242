// Refusals of the BagIt layer. Each bag is forged valid, broken in one place, and then the
// layers above the fault are re-stamped (manifests, Payload-Oxum, tag manifest, signature), so
// the one fault meant is the only fault the importer can find.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../../electron/core/bundles/import-bundle.js";
import { PAYLOAD_MANIFEST, TAG_MANIFEST } from "../../helpers/bundle-forge.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { sharedBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["bag-invalid", "bag-missing-file", "bag-unlisted-file", "bag-digest-mismatch"]);
const shared = sharedBench();

const MiB = 1024 * 1024;
const BAGIT_0_97 = "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n";

describe("bag-invalid", () => {
  it("refuses a bag without bagit.txt", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments().remove("bagit.txt").updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["bagit.txt is missing"], streamedBytes: MiB });
  });

  it("refuses a bag of another BagIt version, naming the line", async () => {
    const bench = shared();
    const bag = bench.bag().put("bagit.txt", BAGIT_0_97).restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["bagit.txt line 1", "BagIt version 0.97"] });
  });

  it("refuses a bag without bag-info.txt", async () => {
    const bench = shared();
    const bag = bench.bag().remove("bag-info.txt").updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["bag-info.txt is missing"] });
  });

  it("refuses a bag-info.txt without a required field", async () => {
    const bench = shared();
    const bag = bench.bag().edit("bag-info.txt", (text) => text.replace(/^Source-Organization: .*\n/m, "")).restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["bag-info.txt", "Source-Organization is missing"] });
  });

  it("refuses a Bundle-Version other than 1, naming the line", async () => {
    const bench = shared();
    const bag = bench.bag().editLine("bag-info.txt", 2, () => "Bundle-Version: 2").restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["bag-info.txt line 2", "Bundle-Version", '"2" is not 1'] });
  });

  it("refuses a fetch.txt: nothing is fetched across the air gap", async () => {
    const bench = shared();
    const bag = bench.bag().put("fetch.txt", "https://example.org/order.pdf 1024 data/attachments/order.pdf\n").restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["fetch.txt is present"] });
  });

  it("refuses a Payload-Oxum that does not match the payload", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    bag.edit("bag-info.txt", (text) => text.replace(/^Payload-Oxum: (\d+)\.3$/m, (_, octets: string) => `Payload-Oxum: ${Number(octets) + 1}.3`));
    bag.updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["bag-info.txt", "Payload-Oxum says", "in 3 files"], streamedBytes: MiB });
  });

  it("refuses an External-Identifier whose revision is not the document's", async () => {
    const bench = shared();
    const bag = bench.bag({ externalIdentifier: "nl-om-rotterdam/OM-RTM-2026-0117/2" });
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", {
      names: ["bag-info.txt", "External-Identifier nl-om-rotterdam/OM-RTM-2026-0117/2 does not match data/request.json", "/1)"],
    });
  });

  it("refuses an External-Identifier whose document id is not the document's", async () => {
    const bench = shared();
    const bag = bench.bag({ document: sampleRequest({ id: "OM-RTM-2026-0999" }), externalIdentifier: "nl-om-rotterdam/OM-RTM-2026-0117/1" });
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["External-Identifier", "(nl-om-rotterdam/OM-RTM-2026-0999/1)"] });
  });

  it("refuses a malformed manifest line, naming file and line", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments().editLine(PAYLOAD_MANIFEST, 2, (line) => line.slice(1)).updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["manifest-sha256.txt line 2", "64 hex digits"] });
  });

  it("refuses a manifest path that leaves the bag", async () => {
    const bench = shared();
    const line = `${"0".repeat(64)}  data/../../outside.txt\n`;
    const bag = bench.bag().edit(PAYLOAD_MANIFEST, (text) => text + line).updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["manifest-sha256.txt line 2", "leaves the bag"] });
  });

  it("refuses a manifest that lists one path twice (after case folding)", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    bag.edit(PAYLOAD_MANIFEST, (text) => text + text.split("\n")[1]?.replace("order.pdf", "ORDER.pdf") + "\n").updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["manifest-sha256.txt line 4", "listed twice", "first on line 2"] });
  });

  it("refuses a tag file that is not UTF-8", async () => {
    const bench = shared();
    const bag = bench.bag().put("custom-info.txt", Uint8Array.of(0x4e, 0x6f, 0x74, 0x65, 0x3a, 0x20, 0xe9, 0x0a)).restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["custom-info.txt is not UTF-8", /offset \d+/] });
  });

  it("refuses a manifest in a digest algorithm that cannot be verified", async () => {
    const bench = shared();
    const bag = bench.bag().put("manifest-whirlpool.txt", `${"0".repeat(128)}  data/request.json\n`).restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-invalid", { names: ["manifest-whirlpool.txt", "whirlpool"] });
  });
});

describe("bag-missing-file", () => {
  it("refuses a manifest line naming a payload file the archive lacks", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments().remove("data/attachments/annex.txt");
    await expectRefusal(bench, await bench.seal(bag), "bag-missing-file", {
      names: ["manifest-sha256.txt line 1 lists data/attachments/annex.txt"],
      streamedBytes: MiB,
    });
  });

  it("refuses a tag manifest line naming a tag file the archive lacks", async () => {
    const bench = shared();
    const bag = bench.bag().put("custom-info.txt", "Note: kept\n").restamp().remove("custom-info.txt");
    await expectRefusal(bench, await bench.seal(bag), "bag-missing-file", { names: ["tagmanifest-sha256.txt line 4 lists custom-info.txt"] });
  });
});

describe("bag-unlisted-file", () => {
  it("refuses a payload file that manifest-sha256.txt does not list", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments().put("data/attachments/extra.txt", "not in the manifest").updateOxum().updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-unlisted-file", {
      names: ["data/attachments/extra.txt is in the bag but not listed in manifest-sha256.txt"],
      streamedBytes: MiB,
    });
  });

  it("refuses a tag file that tagmanifest-sha256.txt does not list", async () => {
    const bench = shared();
    const bag = bench.bag().put("custom-info.txt", "Note: unlisted\n");
    await expectRefusal(bench, await bench.seal(bag), "bag-unlisted-file", { names: ["custom-info.txt is a tag file but not listed in tagmanifest-sha256.txt"] });
  });
});

describe("bag-digest-mismatch", () => {
  it("refuses a payload file changed after its manifest was made, the bag re-signed", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    // Same size, one byte changed: Payload-Oxum still holds, only the digest differs.
    const changed = Buffer.from(bag.bytes("data/attachments/order.pdf"));
    changed.write("X", changed.length - 1, "latin1");
    bag.put("data/attachments/order.pdf", changed).updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "bag-digest-mismatch", {
      names: ["data/attachments/order.pdf does not match its sha256 digest in manifest-sha256.txt line 2"],
      streamedBytes: MiB,
    });
  });

  it("refuses a tag file changed after the tag manifest was made (the signature still holds)", async () => {
    const bench = shared();
    const bag = bench.bag().edit("bag-info.txt", (text) => text.replace("Source-Organization: ", "Source-Organization: Not "));
    await expectRefusal(bench, await bench.seal(bag), "bag-digest-mismatch", { names: [`bag-info.txt does not match its sha256 digest in ${TAG_MANIFEST} line 2`] });
  });

  it("refuses a wrong line in an extra manifest-sha512.txt, which is verified too", async () => {
    const bench = shared();
    const bag = bench.bag();
    const sha512 = (path: string): string => createHash("sha512").update(bag.bytes(path)).digest("hex");
    const wrong = sha512("data/request.json").replace(/^./, (c) => (c === "0" ? "1" : "0"));
    bag.put("manifest-sha512.txt", `${wrong}  data/request.json\n`).restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-digest-mismatch", { names: ["data/request.json does not match its sha512 digest in manifest-sha512.txt line 1"] });
  });

  it("checks manifest-sha512.txt against an attachment already streamed into the store, read back", async () => {
    const bench = shared();
    const sha512Lines = (bag: ReturnType<typeof bench.bag>): string[] =>
      ["data/attachments/annex.txt", "data/attachments/order.pdf", "data/request.json"].map(
        (path) => `${createHash("sha512").update(bag.bytes(path)).digest("hex")}  ${path}`,
      );
    const good = bench.bagWithAttachments(sampleRequest({ id: "SHA512-GOOD" }));
    good.put("manifest-sha512.txt", `${sha512Lines(good).join("\n")}\n`).restamp();
    expect(await importBundleFile(bench.office.session, await bench.seal(good))).toMatchObject({ status: "imported", id: "SHA512-GOOD" });

    const bag = bench.bagWithAttachments();
    const lines = sha512Lines(bag);
    // The 1.5 MiB order.pdf is in the kept file being written (evidence/) before the manifests are checked.
    lines[1] = (lines[1] ?? "").replace(/^./, (c) => (c === "0" ? "1" : "0"));
    bag.put("manifest-sha512.txt", `${lines.join("\n")}\n`).restamp();
    await expectRefusal(bench, await bench.seal(bag), "bag-digest-mismatch", {
      names: ["data/attachments/order.pdf does not match its sha512 digest in manifest-sha512.txt line 2"],
      streamedBytes: MiB,
    });
  });
});
