import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkBag, checkBagStructure } from "../../electron/core/bundles/bag-check.js";
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";
import { edited, inventoryOf, manifestText, REQUEST_BAG_INFO, resealed, text, validBag, type BagFiles } from "./helpers/bag-inventory.js";

async function refusalOf(files: BagFiles, profile = true): Promise<{ code: string; message: string }> {
  try {
    if (profile) await checkBag(inventoryOf(files));
    else await checkBagStructure(inventoryOf(files), { profile: false });
  } catch (error) {
    if (error instanceof BundleRefusal) return { code: error.refusal, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal, the bag was accepted");
}

const bag = validBag();

describe("checkBag accepts a valid bundle bag", () => {
  it("and returns bag-info, the document, the attachments and the bundle digest", async () => {
    const checked = await checkBag(inventoryOf(bag));
    expect(checked).toEqual({
      info: expect.objectContaining({
        bundleType: "request",
        externalIdentifier: { authorityId: "FR-PARQUET-PARIS", documentId: "REQ-2024-0042", revision: 1 },
        payloadOxum: { octets: 48, count: 2 },
      }),
      documentPath: "data/request.json",
      attachmentPaths: ["data/attachments/order.pdf"],
      bundleDigest: createHash("sha256").update(bag.get("tagmanifest-sha256.txt") ?? new Uint8Array()).digest("hex"),
    });
  });

  it("with a tag manifest and a payload manifest in sha512 too, verified through digestOf", async () => {
    const withSha512 = resealed(edited(bag, { "manifest-sha512.txt": manifestText(bag, ["data/request.json", "data/attachments/order.pdf"], "sha512") }));
    const tagged = edited(withSha512, { "tagmanifest-sha512.txt": manifestText(withSha512, ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"], "sha512") });
    const inventory = inventoryOf(tagged);
    await checkBag(inventory);
    expect(inventory.digestRequests.sort()).toEqual(["sha512 data/attachments/order.pdf", "sha512 data/request.json"]);
  });

  it("ignoring md5 and sha1 manifests, even broken ones (the RFC layer verifies them)", async () => {
    const weak = resealed(edited(bag, { "manifest-md5.txt": "not a manifest at all\n", "manifest-sha1.txt": `${"0".repeat(40)}  data/request.json\n` }));
    await expect(checkBag(inventoryOf(weak))).resolves.toMatchObject({ documentPath: "data/request.json" });
    expect((await refusalOf(weak, false)).code).toBe("bag-invalid");
  });

  it("with other tag files, listed, and an unlisted signature file", async () => {
    const files = validBag({ tags: { "extra/notes.txt": "A tag directory is allowed (RFC 8493 §2.2.4)." } });
    expect(files.has("tagmanifest-sha256.txt.minisig")).toBe(true);
    await expect(checkBag(inventoryOf(files))).resolves.toBeDefined();
  });

  it("for any bundle type, naming the document after it", async () => {
    const decision = validBag({
      bagInfo: REQUEST_BAG_INFO.replace("Bundle-Type: request", "Bundle-Type: grievance-response"),
      payload: { "data/grievance-response.json": "{}" },
    });
    expect(await checkBag(inventoryOf(decision))).toMatchObject({ documentPath: "data/grievance-response.json", attachmentPaths: [] });
  });
});

// One case per step of bag-check.ts, in its order; each bag is otherwise valid.
describe("checkBag refuses, step by step", () => {
  it.each<[string, BagFiles, string, string]>([
    ["1 bagit.txt missing", edited(bag, { "bagit.txt": undefined }), "bag-invalid", "bagit.txt is missing"],
    ["1 bagit.txt of another version", resealed(edited(bag, { "bagit.txt": "BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n" })), "bag-invalid", "bagit.txt line 1: BagIt version 0.97"],
    ["2 bag-info.txt missing", edited(bag, { "bag-info.txt": undefined }), "bag-invalid", "bag-info.txt is missing"],
    ["2 bag-info.txt without Bundle-Type", resealed(edited(bag, { "bag-info.txt": text(bag, "bag-info.txt").replace("Bundle-Type: request\n", "") })), "bag-invalid", "required field Bundle-Type"],
    ["3 fetch.txt present", resealed(edited(bag, { "fetch.txt": "https://example.org/x 10 data/x\n" })), "bag-invalid", "fetch.txt is present"],
    ["4 a tag file that is not UTF-8", resealed(edited(bag, { "notes.txt": Uint8Array.of(0x63, 0x61, 0x66, 0xe9) })), "bag-invalid", "notes.txt is not UTF-8 text"],
    ["4 a tag file with a byte order mark", resealed(edited(bag, { "notes.txt": "\ufeffhello" })), "bag-invalid", "notes.txt starts with a byte order mark"],
    ["5 manifest-sha256.txt missing", resealed(edited(bag, { "manifest-sha256.txt": undefined })), "bag-invalid", "manifest-sha256.txt is missing"],
    ["5 tagmanifest-sha256.txt missing", edited(bag, { "tagmanifest-sha256.txt": undefined }), "bag-invalid", "tagmanifest-sha256.txt is missing"],
    ["6 a manifest line without a digest", resealed(edited(bag, { "manifest-sha256.txt": text(bag, "manifest-sha256.txt") + "data/x\n" })), "bag-invalid", "manifest-sha256.txt line 3: expected"],
    ["6 a manifest path outside the bag", resealed(edited(bag, { "manifest-sha256.txt": text(bag, "manifest-sha256.txt") + `${"0".repeat(64)}  data/../../x\n` })), "bag-invalid", "line 3: path \"data/../../x\" leaves the bag"],
    ["6 a manifest path listed twice", resealed(edited(bag, { "manifest-sha256.txt": text(bag, "manifest-sha256.txt") + `${"0".repeat(64)}  data/request.json\n` })), "bag-invalid", 'line 3: path "data/request.json" is listed twice, first on line 1'],
    ["6 a payload manifest listing a tag file", resealed(edited(bag, { "manifest-sha256.txt": text(bag, "manifest-sha256.txt") + `${"0".repeat(64)}  bagit.txt\n` })), "bag-invalid", "manifest-sha256.txt line 3: bagit.txt is not a payload file"],
    ["6 a tag manifest listing a payload file", edited(bag, { "tagmanifest-sha256.txt": text(bag, "tagmanifest-sha256.txt") + `${"0".repeat(64)}  data/request.json\n` }), "bag-invalid", "is a payload file; a tag manifest lists only tag files"],
    ["6 a tag manifest listing a tag manifest", edited(bag, { "tagmanifest-sha256.txt": text(bag, "tagmanifest-sha256.txt") + `${"0".repeat(64)}  tagmanifest-sha512.txt\n` }), "bag-invalid", "is a tag manifest, which a tag manifest must not list"],
    ["6 a manifest in an algorithm we cannot compute", resealed(edited(bag, { "manifest-blake2b512.txt": "whatever\n" })), "bag-invalid", "manifest-blake2b512.txt uses the digest algorithm blake2b512, which cannot be verified here"],
    ["7 a payload file not in the manifest", edited(bag, { "data/attachments/extra.pdf": "%PDF extra" }), "bag-unlisted-file", "data/attachments/extra.pdf is in the bag but not listed in manifest-sha256.txt"],
    ["8 a manifest entry without its file", edited(bag, { "data/attachments/order.pdf": undefined }), "bag-missing-file", "manifest-sha256.txt line 2 lists data/attachments/order.pdf, which is not in the bag"],
    ["9 a tag file not in the tag manifest", edited(bag, { "notes.txt": "unlisted" }), "bag-unlisted-file", "notes.txt is a tag file but not listed in tagmanifest-sha256.txt"],
    ["10 a payload file changed after bagging", edited(bag, { "data/request.json": '{"schema":"counterseal.request/2"}' }), "bag-digest-mismatch", "data/request.json does not match its sha256 digest in manifest-sha256.txt line 1"],
    ["10 a tag file changed after the tag manifest", edited(bag, { "bag-info.txt": text(bag, "bag-info.txt").replace("Paris", "Lyon!") }), "bag-digest-mismatch", "bag-info.txt does not match its sha256 digest in tagmanifest-sha256.txt line 2"],
    ["11 Payload-Oxum off by one octet", resealed(edited(bag, { "bag-info.txt": text(bag, "bag-info.txt").replace("Payload-Oxum: 48.2", "Payload-Oxum: 47.2") })), "bag-invalid", "Payload-Oxum says 47 octets in 2 files, the payload has 48 octets in 2 files"],
    ["11 Payload-Oxum off by one file", resealed(edited(bag, { "bag-info.txt": text(bag, "bag-info.txt").replace("Payload-Oxum: 48.2", "Payload-Oxum: 48.3") })), "bag-invalid", "Payload-Oxum says 48 octets in 3 files"],
    ["12 no document named by Bundle-Type", resealed(edited(bag, { "bag-info.txt": text(bag, "bag-info.txt").replace("Bundle-Type: request", "Bundle-Type: decision") })), "bag-invalid", "Bundle-Type is decision, but the bag has no data/decision.json"],
  ])("step %s", async (_step, files, code, message) => {
    const refusal = await refusalOf(files);
    expect(refusal.code).toBe(code);
    expect(refusal.message).toContain(message);
  });

  it("step 8 for a tag manifest: it lists a tag file the bag lacks", async () => {
    const files = edited(bag, { "tagmanifest-sha256.txt": text(bag, "tagmanifest-sha256.txt") + `${"0".repeat(64)}  gone.txt\n` });
    expect(await refusalOf(files)).toEqual({ code: "bag-missing-file", message: "tagmanifest-sha256.txt line 4 lists gone.txt, which is not in the bag" });
  });

  it("step 10 for another algorithm: a payload file that does not match manifest-sha512.txt", async () => {
    const sha512 = manifestText(bag, ["data/request.json", "data/attachments/order.pdf"], "sha512").replace(/^./, (c) => (c === "0" ? "1" : "0"));
    expect(await refusalOf(resealed(edited(bag, { "manifest-sha512.txt": sha512 })))).toEqual({
      code: "bag-digest-mismatch",
      message: "data/request.json does not match its sha512 digest in manifest-sha512.txt line 1",
    });
  });
});

describe("checkBag's order is fixed: the earlier step wins", () => {
  it.each<[string, BagFiles, string]>([
    ["a fetch.txt (3) before an unlisted payload file (7)", edited(resealed(edited(bag, { "fetch.txt": "x\n" })), { "data/extra": "x" }), "fetch.txt is present"],
    ["an unlisted payload file (7) before a missing one (8)", edited(bag, { "data/extra": "x", "data/attachments/order.pdf": undefined }), "data/extra is in the bag but not listed"],
    ["a missing file (8) before an unlisted tag file (9)", edited(bag, { "notes.txt": "x", "data/attachments/order.pdf": undefined }), "which is not in the bag"],
    ["an unlisted tag file (9) before a digest mismatch (10)", edited(bag, { "notes.txt": "x", "data/request.json": "{}" }), "notes.txt is a tag file but not listed"],
    ["a digest mismatch (10) before a wrong Payload-Oxum (11)", edited(bag, { "data/request.json": "{}" }), "does not match its sha256 digest"],
    ["payload manifests before tag manifests in step 10", edited(bag, { "data/request.json": '{"schema":"counterseal.request/X"}', "bag-info.txt": text(bag, "bag-info.txt") + "X: y\n" }), "data/request.json does not match"],
  ])("%s", async (_what, files, message) => {
    expect((await refusalOf(files)).message).toContain(message);
  });
});

describe("checkBagStructure without the profile (RFC 8493 only)", () => {
  it("reads a bag with no bag-info.txt, no tag manifest and only sha512", async () => {
    const files = new Map([...bag].filter(([path]) => path.startsWith("data/") || path === "bagit.txt"));
    files.set("manifest-sha512.txt", new TextEncoder().encode(manifestText(files, ["data/request.json", "data/attachments/order.pdf"], "sha512")));
    expect(await checkBagStructure(inventoryOf(files), { profile: false })).toEqual({
      version: "1.0",
      info: undefined,
      payloadPaths: ["data/attachments/order.pdf", "data/request.json"],
      verifiedManifests: ["manifest-sha512.txt"],
    });
  });

  it("still refuses a bag without any payload manifest", async () => {
    const files = new Map([...bag].filter(([path]) => path.startsWith("data/") || path === "bagit.txt"));
    expect(await refusalOf(files, false)).toEqual({ code: "bag-invalid", message: "the bag has no payload manifest (manifest-<algorithm>.txt)" });
  });

  it("does not require tag files to be listed (RFC 8493: SHOULD)", async () => {
    await expect(checkBagStructure(inventoryOf(edited(bag, { "notes.txt": "x" })), { profile: false })).resolves.toBeDefined();
  });
});
