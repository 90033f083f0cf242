// The forge itself: an untouched forged bundle must be exactly what `counterseal seal` makes and
// what the stock tools accept, or a refusal test could be refusing the forge's own mistake.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Decrypter } from "age-encryption";
import { describe, expect, it } from "vitest";
import { importBundleFile } from "../../../electron/core/bundles/import-bundle.js";
import { decryptAge } from "../../../electron/core/crypto/age.js";
import { encodePublicKeyFile } from "../../../electron/core/crypto/minisign.js";
import { officeIdentities } from "../../../electron/core/identity/identity-service.js";
import { collectBytes, encryptWithPassphrase, tarBag } from "../../helpers/forge-layers.js";
import { sampleRequest } from "../../helpers/sample-request.js";
import { openBench } from "./bench.js";

const exhibit = { name: "exhibit.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n% exhibit\n%%EOF\n") };
const listed = sampleRequest({ attachments: [{ path: "attachments/exhibit.pdf", title: "Exhibit", mediaType: "application/pdf" }] });

describe("bundle forge", () => {
  it("archives an untouched bag byte for byte as counterseal seal does", async () => {
    const bench = openBench();
    const sealed = await bench.office.seal({ document: listed, attachments: [exhibit] });
    const theirs = await collectBytes(decryptAge(chunksOf(sealed), officeIdentities(bench.office.session)));
    const ours = await tarBag(bench.bag({ document: listed, attachments: [exhibit] }));
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });

  it("makes bundles that import, binary and armored (the same bag: a duplicate)", async () => {
    const bench = openBench();
    const bag = bench.bagWithAttachments();
    expect(await importBundleFile(bench.office.session, await bench.seal(bag))).toMatchObject({ status: "imported", revision: 1 });
    expect(await importBundleFile(bench.office.session, await bench.seal(bag, { armor: true }))).toMatchObject({ status: "duplicate" });
  });

  it("makes bundles that stock age, tar, minisign and sha256sum open and verify", async () => {
    const bench = openBench();
    const { dir } = bench.office;
    const file = await bench.seal(bench.bag({ document: listed, attachments: [exhibit] }));
    writeFileSync(join(dir, "office.key"), `${officeIdentities(bench.office.session)[0] ?? ""}\n`);
    writeFileSync(join(dir, "issuer.pub"), encodePublicKeyFile(bench.office.issuer));
    mkdirSync(join(dir, "out"));
    execFileSync("sh", ["-c", 'age -d -i "$1" "$2" | tar -x -C "$3"', "open", join(dir, "office.key"), file, join(dir, "out")]);
    const bag = join(dir, "out", bench.bag().root);
    execFileSync("minisign", ["-V", "-m", join(bag, "tagmanifest-sha256.txt"), "-p", join(dir, "issuer.pub")]);
    const checked = execFileSync("sh", ["-c", "sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt"], { cwd: bag, encoding: "utf8" });
    expect(checked.match(/: OK$/gm)).toHaveLength(5);
  });

  it("makes passphrase files that typage opens with the passphrase", async () => {
    const plaintext = new TextEncoder().encode("a tar would be here");
    const decrypter = new Decrypter();
    decrypter.addPassphrase("correct horse battery staple");
    expect(await decrypter.decrypt(await encryptWithPassphrase(plaintext, "correct horse battery staple"), "text")).toBe("a tar would be here");
  });
});

async function* chunksOf(file: string): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(await readFile(file));
}
