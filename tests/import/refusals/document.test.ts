// Refusals of the request document (strict JSON, schema, attachments against the bag) and of
// the bundle's identity (another bundle under a stored revision). The bags around the faulty
// documents are valid and signed, so only the document is at fault.
import { encodePublicKey, generateMinisignKeyPair } from "../../../electron/core/crypto/minisign.js";
import { addAuthorityKey } from "../../../electron/core/keyring/keyring-service.js";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../../electron/core/bundles/import-bundle.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { openBench, sharedBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["document-invalid", "bundle-conflict"]);
const shared = sharedBench();

const MiB = 1024 * 1024;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sampleText = (): string => JSON.stringify(sampleRequest());

describe("document-invalid", () => {
  it("refuses a JSON syntax error, naming the byte", async () => {
    const bench = shared();
    const bag = bench.bag({ documentBytes: utf8(sampleText().replace('"routine"}', '"routine",}')) });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: [/data\/request\.json byte \d+ \(\$\.urgency\)/, "expected a string key"] });
  });

  it("refuses a duplicate object key, naming its JSON path", async () => {
    const bench = shared();
    const bag = bench.bag({ documentBytes: utf8(sampleText().replace('"facts":', '"facts":"An earlier account.","facts":')) });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/request.json", "($.facts)", 'key "facts" appears twice'] });
  });

  it("refuses a target value that would display differently from its bytes, naming the field, the character and its position", async () => {
    const bench = shared();
    const document = sampleRequest();
    const targets = document["targets"] as { value: string }[];
    const value = "invoice\u202Efdp.exe@example.org";
    document["targets"] = targets.map((target, index) => (index === 0 ? { ...target, value } : target));
    await expectRefusal(bench, await bench.seal(bench.bag({ document })), "document-invalid", {
      names: ["$.targets[0].value: contains U+202E RIGHT-TO-LEFT OVERRIDE at character 8"],
    });
  });

  it("refuses a byte order mark", async () => {
    const bench = shared();
    const bag = bench.bag({ documentBytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sampleText())]) });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/request.json", "byte order mark"] });
  });

  it("refuses a document that is not UTF-8", async () => {
    const bench = shared();
    const bag = bench.bag({ documentBytes: Buffer.from(sampleText().replace("Northwind", "Northw\u00efnd"), "latin1") });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/request.json", "not valid UTF-8"] });
  });

  it("refuses an integer that a double cannot hold exactly", async () => {
    const bench = shared();
    const bag = bench.bag({ documentBytes: utf8(sampleText().replace('"maxPenaltyMonths":48', '"maxPenaltyMonths":9007199254740993')) });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["$.offences[0].maxPenaltyMonths", "9007199254740993"] });
  });

  it("refuses a schema violation, naming its JSON path ($.targets)", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments(sampleRequest({ targets: [] }));
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/request.json: $.targets"], streamedBytes: MiB });
  });

  it("refuses a wrong value deep in the document, naming its JSON path", async () => {
    const bench = shared();
    const bag = bench.bag({ document: sampleRequest({ targets: [{ kind: "email", value: "a@example.com", role: "accomplice" }] }) });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/request.json: $.targets[0].role", "suspect"] });
  });

  it("refuses a missing required field", async () => {
    const bench = shared();
    const { necessity: _dropped, ...document } = sampleRequest();
    const bag = bench.bag({ document });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["$.necessity: required field is missing"] });
  });

  it("refuses an unknown field", async () => {
    const bench = shared();
    const bag = bench.bag({ document: sampleRequest({ priority: "high" }) });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/request.json", "$.priority: unknown field"] });
  });

  it("refuses an attachment the document lists but the bag lacks", async () => {
    const bench = shared();
    const document = sampleRequest({ attachments: [{ path: "attachments/warrant.pdf", title: "Warrant", mediaType: "application/pdf" }] });
    const bag = bench.bag({ document });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ['$.attachments[0].path: "attachments/warrant.pdf" is not an attachment in the bag'] });
  });

  it("refuses a payload file the document does not list", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    const document = JSON.parse(bag.text("data/request.json")) as { attachments: unknown[] };
    document.attachments = document.attachments.slice(0, 1); // order.pdf listed, annex.txt not
    bag.put("data/request.json", JSON.stringify(document)).restamp();
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", {
      names: ["data/attachments/annex.txt is in the bag but data/request.json does not list it in $.attachments"],
      streamedBytes: MiB,
    });
  });

  it("refuses a bundle of a type the office sends but never imports (a decision, a grievance response), naming the types it imports", async () => {
    const bench = shared();
    for (const type of ["decision", "grievance-response"] as const) {
      const bag = bench.bag({ bundleType: type });
      await expectRefusal(bench, await bench.seal(bag), "document-invalid", {
        names: ["bag-info.txt", `Bundle-Type "${type}" cannot be imported`, "this office imports request, grievance, countersignature-request, countersignature, execution-report bundles"],
      });
    }
  });

  it("refuses a countersignature request whose document is not one, naming the field", async () => {
    const bench = shared();
    const reviewer = generateMinisignKeyPair(bench.random);
    addAuthorityKey(bench.office.session, { authorityId: "reviewer:doc-check", kind: "reviewer", name: "Anna", country: "PL", minisignPublicKey: encodePublicKey(reviewer) });
    const bag = bench.bag({ bundleType: "countersignature-request", externalIdentifier: "reviewer:x/D-1/1", signer: reviewer });
    await expectRefusal(bench, await bench.seal(bag), "document-invalid", { names: ["data/countersignature-request.json", "$.schema"] });
  });
});

describe("bundle-conflict", () => {
  it("refuses another bundle under a stored (authority, id, revision), naming the stored digest", async () => {
    const bench = openBench(); // an empty store: the first import must succeed
    const first = bench.bagWithAttachments();
    expect(await importBundleFile(bench.office.session, await bench.seal(first))).toMatchObject({ status: "imported" });
    const storedDigest = bench.office.session.store.requests.getRequest("nl-om-rotterdam", "OM-RTM-2026-0117", 1)?.bundleDigest;
    expect(storedDigest).toMatch(/^[0-9a-f]{64}$/);

    const changed = bench.bagWithAttachments(sampleRequest({ facts: "A different account of the facts." }));
    await expectRefusal(bench, await bench.seal(changed), "bundle-conflict", {
      names: ["nl-om-rotterdam/OM-RTM-2026-0117 revision 1 is already stored", `digest ${storedDigest ?? "?"}`],
      streamedBytes: MiB,
    });
  });

  it("refuses a bundle that differs from the stored one only in an attachment", async () => {
    const bench = openBench(); // an empty store: the first import must succeed
    expect(await importBundleFile(bench.office.session, await bench.seal(bench.bagWithAttachments()))).toMatchObject({ status: "imported" });
    const changed = bench.bagWithAttachments().put("data/attachments/annex.txt", "a replaced annex\n").restamp();
    await expectRefusal(bench, await bench.seal(changed), "bundle-conflict", { names: ["revision 1 is already stored from another bundle"], streamedBytes: MiB });
  });
});
