// The Library of Congress BagIt conformance suite, run through the RFC 8493 layer of
// bag-check.ts (checkBagStructure with profile: false) and then through the full profile.
//
// The suite's oracle is its directory: valid/ must validate, invalid/ must be refused,
// warning/ must validate (with a warning), linux-only/ must be refused on Linux. Our layer
// may refuse a valid or warning bag only for a policy of our profile, listed below with its
// reason; every other bag must come out exactly as the suite says.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBag, checkBagStructure } from "../../electron/core/bundles/bag-check.js";
import { BundleRefusal } from "../../electron/core/bundles/refusal.js";
import { filesOfDirectory, inventoryOf } from "./helpers/bag-inventory.js";
import { CORPORA } from "./helpers/corpora.js";

const SUITE = join(CORPORA, "bagit-conformance-suite");

type Category = "valid" | "invalid" | "warning" | "linux-only" | "windows-only";

const bags = readdirSync(SUITE)
  .filter((name) => /^v\d/.test(name))
  .sort()
  .flatMap((version) =>
    readdirSync(join(SUITE, version))
      .sort()
      .flatMap((category) => readdirSync(join(SUITE, version, category)).sort().map((bag) => ({ id: `${version}/${category}/${bag}`, category: category as Category }))),
  );

// Valid or warning bags that our layer refuses on purpose, with the refusal and the reason.
const POLICY_REFUSALS: Readonly<Record<string, { code: string; reason: string }>> = {
  "v0.96/valid/holey-bag": { code: "bag-invalid", reason: "fetch.txt: a bundle must carry all its files, nothing is fetched across the air gap" },
  "v0.97/valid/holey-bag": { code: "bag-invalid", reason: "fetch.txt: a bundle must carry all its files, nothing is fetched across the air gap" },
  "v0.97/valid/ISO-8859-1-encoded-tag-files": { code: "bag-invalid", reason: "tag files must be UTF-8 (the spec's profile)" },
  "v0.97/valid/UTF-16-encoded-tag-files": { code: "bag-invalid", reason: "tag files must be UTF-8 (the spec's profile)" },
  "v0.97/warning/duplicate-file-with-different-case": {
    code: "bag-invalid",
    reason: "data/hello.txt and data/HELLO.txt are one path after case folding, which a bundle may not hold (as in the tar layer)",
  },
  "v0.97/warning/same-filename-listed-twice-with-different-normalization": {
    code: "bag-invalid",
    reason: "NFD and NFC spellings of data/Núñez are one path after normalisation (as in the tar layer)",
  },
  "v0.97/warning/same-filename-listed-twice-with-the-same-hash": {
    code: "bag-invalid",
    reason: "a path listed twice; BagIt 1.0 made this invalid (see v1.0/invalid/ of the same name)",
  },
  "v0.97/warning/special-system-files": {
    code: "bag-missing-file",
    reason: "the corpus copy lacks the empty data/.DS_Store its manifest lists (checked below: with it restored, the bag passes)",
  },
};

async function outcome(files: Map<string, Uint8Array>, profile: boolean): Promise<string> {
  try {
    if (profile) await checkBag(inventoryOf(files));
    else await checkBagStructure(inventoryOf(files), { profile: false });
    return "accepted";
  } catch (error) {
    if (error instanceof BundleRefusal) return error.refusal;
    throw error;
  }
}

describe("LoC BagIt conformance suite, RFC 8493 layer", () => {
  it("holds the bags this table was written for", () => {
    const count = (category: Category) => bags.filter((bag) => bag.category === category).length;
    expect(bags).toHaveLength(60);
    expect([count("valid"), count("invalid"), count("warning"), count("linux-only"), count("windows-only")]).toEqual([27, 15, 6, 6, 6]);
    for (const id of Object.keys(POLICY_REFUSALS)) expect(bags.map((bag) => bag.id)).toContain(id);
  });

  it.each(bags.map((bag) => [bag.id, bag.category] as const))("%s (%s)", async (id, category) => {
    const result = await outcome(filesOfDirectory(join(SUITE, id)), false);
    const policy = POLICY_REFUSALS[id];
    if (policy !== undefined) expect(result, policy.reason).toBe(policy.code);
    else if (category === "valid" || category === "warning") expect(result).toBe("accepted");
    // invalid/ and linux-only/ must be refused; windows-only/ names (drive letters, backslashes,
    // UNC paths) are refused on every system, since bundles travel between them.
    else expect(result).not.toBe("accepted");
  });

  it("sums up to 25 accepted, 8 refused by policy, 27 refused as invalid", async () => {
    const results = await Promise.all(bags.map(async (bag) => outcome(filesOfDirectory(join(SUITE, bag.id)), false)));
    const accepted = results.filter((result) => result === "accepted").length;
    expect([accepted, Object.keys(POLICY_REFUSALS).length, results.length - accepted - Object.keys(POLICY_REFUSALS).length]).toEqual([25, 8, 27]);
  });

  it("special-system-files passes once its empty data/.DS_Store is restored", async () => {
    const files = filesOfDirectory(join(SUITE, "v0.97/warning/special-system-files"));
    files.set("data/.DS_Store", new Uint8Array());
    expect(await outcome(files, false)).toBe("accepted");
  });

  it("refuses for the reason the suite names, for the bags where it matters", async () => {
    const reason = async (id: string) => {
      try {
        await checkBagStructure(inventoryOf(filesOfDirectory(join(SUITE, id))), { profile: false });
      } catch (error) {
        if (error instanceof BundleRefusal) return `${error.refusal}: ${error.message}`;
      }
      return "accepted";
    };
    expect(await reason("v0.97/invalid/corrupt-data-file")).toBe("bag-digest-mismatch: data/bare-filename does not match its md5 digest in manifest-md5.txt line 1");
    expect(await reason("v0.97/invalid/extra-file-in-bag")).toBe("bag-unlisted-file: data/bar is in the bag but not listed in manifest-md5.txt");
    expect(await reason("v0.97/invalid/missing-baginfo")).toBe("bag-missing-file: tagmanifest-md5.txt line 1 lists bag-info.txt, which is not in the bag");
    expect(await reason("v1.0/invalid/notAllManifestsListAllFiles")).toBe("bag-unlisted-file: data/missingFromManifest.txt is in the bag but not listed in manifest-sha512.txt");
    expect(await reason("v0.97/invalid/out-of-scope-file-paths-using-dot-notation")).toBe('bag-invalid: manifest-md5.txt line 3: path "../../../README.md" leaves the bag');
    expect(await reason("v1.0/invalid/same-filename-listed-twice-with-the-same-hash")).toBe('bag-invalid: manifest-sha256.txt line 2: path "data/README" is listed twice, first on line 1');
  });
});

describe("LoC BagIt conformance suite, full profile", () => {
  it("refuses every suite bag, none being a bundle (BagIt 1.0 with our bag-info fields and sha256 manifests)", async () => {
    const results = await Promise.all(bags.map(async (bag) => [bag.id, await outcome(filesOfDirectory(join(SUITE, bag.id)), true)] as const));
    expect(results.filter(([, result]) => result === "accepted")).toEqual([]);
    // The one valid BagIt 1.0 bag fails the profile at step 2: it has no bag-info.txt.
    expect(Object.fromEntries(results)["v1.0/valid/basicBag"]).toBe("bag-invalid");
  });
});
