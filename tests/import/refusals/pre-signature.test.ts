// Bounded work before the signature is checked: anyone holding the office's age recipient can
// send a bundle, so the tag files buffered and the stanzas tried before the issuer's signature
// is verified are capped (tag-files-too-large, age-too-many-stanzas), each a configurable limit.
import { describe, expect, it } from "vitest";
import { ageRecipientOf, generateAgeIdentity } from "../../../electron/core/crypto/age.js";
import { importBundleFile } from "../../../electron/core/bundles/import-bundle.js";
import { DEFAULT_LIMITS, type BundleLimits } from "../../../electron/core/bundles/limits.js";
import type { Session } from "../../../electron/core/session/session.js";
import { encryptTo, tarBag } from "../../helpers/forge-layers.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { sharedBench, type RefusalBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["tag-files-too-large", "age-too-many-stanzas"]);
const shared = sharedBench();

const KiB = 1024;
const limited = (bench: RefusalBench, limits: Partial<BundleLimits>): Session => ({ ...bench.office.session, limits: { ...DEFAULT_LIMITS, ...limits } });

/** `count` recipient stanzas, the office's own last, so every stranger's is tried first. */
function recipients(bench: RefusalBench, count: number): string[] {
  const strangers = Array.from({ length: count - 1 }, () => ageRecipientOf(generateAgeIdentity(bench.random)));
  return [...strangers, bench.office.recipient];
}

describe("defaults", () => {
  it("caps all tag files at 32 MiB together and the age header at 64 stanzas", () => {
    expect(DEFAULT_LIMITS).toMatchObject({ tagFileBytes: 16 * 1024 * KiB, tagBytes: 32 * 1024 * KiB, ageStanzas: 64 });
  });
});

describe("tag-files-too-large", () => {
  it("refuses tag files that are each within their limit but together pass the total, naming the file that passed it", async () => {
    const bench = shared();
    // Two extra tag files of 40 KiB (under the 16 MiB per file) against a total of 64 KiB.
    const bag = bench.bag().put("notes-1.txt", "n".repeat(40 * KiB)).put("notes-2.txt", "m".repeat(40 * KiB)).updateTagManifest().sign();
    await expectRefusal(bench, await bench.seal(bag), "tag-files-too-large", {
      names: [/the tag files come to more than 65536 bytes together \(the limit\), passed at tag file .*notes-\d\.txt/],
      session: limited(bench, { tagBytes: 64 * KiB }),
    });
  });

  it("takes the same bundle under the default limit", async () => {
    const bench = shared();
    const bag = bench.bag({ document: sampleRequest({ id: bench.nextCheckId() }) }).put("notes-1.txt", "n".repeat(40 * KiB)).updateTagManifest().sign();
    expect(await importBundleFile(bench.office.session, await bench.seal(bag))).toMatchObject({ status: "imported" });
  });
});

describe("age-too-many-stanzas", () => {
  it("refuses a header with one stanza more than the default 64, before trying any identity", async () => {
    const bench = shared();
    const sealed = await encryptTo(await tarBag(bench.bag()), recipients(bench, 65), bench.random);
    await expectRefusal(bench, bench.write(sealed), "age-too-many-stanzas", {
      names: ["the age header has more than 64 recipient stanzas (the limit; stanza 65 is at header line"],
    });
  });

  it("follows a configured limit, and opens a bundle at exactly the limit", async () => {
    const bench = shared();
    const sealed = await encryptTo(await tarBag(bench.bag()), recipients(bench, 4), bench.random);
    await expectRefusal(bench, bench.write(sealed), "age-too-many-stanzas", {
      names: ["more than 3 recipient stanzas"],
      session: limited(bench, { ageStanzas: 3 }),
    });
    const atLimit = await encryptTo(await tarBag(bench.bag({ document: sampleRequest({ id: bench.nextCheckId() }) })), recipients(bench, 4), bench.random);
    expect(await importBundleFile(limited(bench, { ageStanzas: 4 }), bench.write(atLimit))).toMatchObject({ status: "imported" });
  });
});
