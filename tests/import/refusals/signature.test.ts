// Refusals of the signature and trust layers. The bag is always valid as a bag; only the
// .minisig or the keyring entry of its signer is at fault. Keyring changes are made to a second
// key of the issuer, so the office's own issuer key still signs the check bundle afterwards.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodePublicKey, formatKeyId, generateMinisignKeyPair, type MinisignKeyPair } from "../../../electron/core/crypto/minisign.js";
import { addAuthorityKey, revokeAuthorityKey, type NewAuthorityKey } from "../../../electron/core/keyring/keyring-service.js";
import { SIGNATURE, TAG_MANIFEST } from "../../helpers/bundle-forge.js";
import { signLegacy } from "../../helpers/forge-layers.js";
import { T0 } from "../../helpers/runtime.js";
import { SAMPLE_AUTHORITY } from "../../helpers/sample-request.js";
import { sharedBench, type RefusalBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["signature-missing", "signature-invalid", "signer-unknown", "signer-revoked", "signer-mismatch"]);
const shared = sharedBench();

const MiB = 1024 * 1024;
const DAY = 24 * 60 * 60 * 1000;

/** A new key pair registered in the office's keyring (for the sample authority by default). */
function registerKey(bench: RefusalBench, entry: Partial<NewAuthorityKey> = {}): MinisignKeyPair {
  const key = generateMinisignKeyPair(bench.random);
  addAuthorityKey(bench.office.session, {
    authorityId: SAMPLE_AUTHORITY.id,
    name: SAMPLE_AUTHORITY.name,
    country: SAMPLE_AUTHORITY.country,
    minisignPublicKey: encodePublicKey(key),
    ...entry,
  });
  return key;
}

describe("signature-missing", () => {
  it("refuses a bag without tagmanifest-sha256.txt.minisig", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments().remove(SIGNATURE);
    await expectRefusal(bench, await bench.seal(bag), "signature-missing", { names: [`${SIGNATURE} is missing`], streamedBytes: MiB });
  });
});

describe("signature-invalid", () => {
  it("refuses a .minisig whose signature line is not base64, naming the file and line", async () => {
    const bench = shared();
    const bag = bench.bag().editLine(SIGNATURE, 2, (line) => `${line.slice(0, -4)}!!!!`);
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, "line 2", "base64"] });
  });

  it("refuses a .minisig cut to three lines", async () => {
    const bench = shared();
    const bag = bench.bag().edit(SIGNATURE, (text) => text.split("\n").slice(0, 3).join("\n") + "\n");
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, "minisign signature file"] });
  });

  it("refuses a signature algorithm minisign does not have", async () => {
    const bench = shared();
    const bag = bench.bag();
    bag.editLine(SIGNATURE, 2, (line) => {
      const blob = Buffer.from(line, "base64");
      blob.write("EX", 0, "latin1");
      return blob.toString("base64");
    });
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, 'unsupported signature algorithm "EX"'] });
  });

  it("refuses a legacy non-prehashed (Ed) signature that stock minisign itself verifies", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    const comment = `timestamp:${Math.floor(T0.getTime() / 1000)}\tfile:${TAG_MANIFEST}`;
    bag.put(SIGNATURE, signLegacy(bag.bytes(TAG_MANIFEST), bench.office.issuer, comment));
    // The forged legacy signature is genuine: minisign 0.11 accepts it. Only its algorithm is refused.
    writeFileSync(join(bench.office.dir, TAG_MANIFEST), bag.bytes(TAG_MANIFEST));
    writeFileSync(join(bench.office.dir, SIGNATURE), bag.bytes(SIGNATURE));
    const verified = execFileSync("minisign", ["-V", "-m", join(bench.office.dir, TAG_MANIFEST), "-P", encodePublicKey(bench.office.issuer)], { encoding: "utf8" });
    expect(verified).toContain("Signature and comment signature verified");
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, 'legacy non-prehashed signature ("Ed")'], streamedBytes: MiB });
  });

  it("refuses a tag manifest changed after it was signed", async () => {
    const bench = shared();
    const bag = bench.bagWithAttachments();
    bag.edit("bag-info.txt", (text) => text.replace("Source-Organization: ", "Source-Organization: Not ")).updateTagManifest();
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, "the signature does not match the file"], streamedBytes: MiB });
  });

  it("refuses an altered trusted comment", async () => {
    const bench = shared();
    const bag = bench.bag().editLine(SIGNATURE, 3, (line) => line.replace("timestamp:", "timestamp:1"));
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, "trusted comment's signature does not verify"] });
  });

  it("refuses a signature that names the issuer's key id but was made with another key", async () => {
    const bench = shared();
    const impostor = { ...generateMinisignKeyPair(bench.random), keyId: bench.office.issuer.keyId };
    const bag = bench.bag().sign({ signer: impostor });
    await expectRefusal(bench, await bench.seal(bag), "signature-invalid", { names: [SIGNATURE, "the signature does not match the file"] });
  });
});

describe("signer-unknown", () => {
  it("refuses a bag signed by a key that is not in the keyring, naming the key id", async () => {
    const bench = shared();
    const stranger = generateMinisignKeyPair(bench.random);
    const bag = bench.bagWithAttachments().sign({ signer: stranger });
    await expectRefusal(bench, await bench.seal(bag), "signer-unknown", {
      names: [SIGNATURE, `key ${formatKeyId(stranger.keyId)} is not in the keyring`],
      streamedBytes: MiB,
    });
  });
});

describe("signer-revoked", () => {
  it("refuses a bag signed by a revoked key", async () => {
    const bench = shared();
    const key = registerKey(bench);
    revokeAuthorityKey(bench.office.session, formatKeyId(key.keyId));
    const bag = bench.bagWithAttachments().sign({ signer: key });
    await expectRefusal(bench, await bench.seal(bag), "signer-revoked", {
      names: [`key ${formatKeyId(key.keyId)} of nl-om-rotterdam was revoked on ${T0.toISOString()}`],
      streamedBytes: MiB,
    });
  });

  it("refuses a bag signed by a key whose validity ended before the import", async () => {
    const bench = shared();
    const validUntil = new Date(T0.getTime() - DAY);
    const key = registerKey(bench, { validFrom: new Date(T0.getTime() - 365 * DAY), validUntil });
    const bag = bench.bag().sign({ signer: key });
    await expectRefusal(bench, await bench.seal(bag), "signer-revoked", { names: [`key ${formatKeyId(key.keyId)}`, `expired on ${validUntil.toISOString()}`] });
  });

  it("refuses a bag signed by a key whose validity has not started", async () => {
    const bench = shared();
    const validFrom = new Date(T0.getTime() + DAY);
    const key = registerKey(bench, { validFrom });
    const bag = bench.bag().sign({ signer: key });
    await expectRefusal(bench, await bench.seal(bag), "signer-revoked", { names: [`key ${formatKeyId(key.keyId)}`, `valid only from ${validFrom.toISOString()}`] });
  });
});

describe("signer-mismatch", () => {
  it("refuses a bag signed by a key registered for another authority", async () => {
    const bench = shared();
    const key = registerKey(bench, { authorityId: "fr-pnf", name: "Parquet national financier", country: "FR" });
    const bag = bench.bagWithAttachments().sign({ signer: key });
    await expectRefusal(bench, await bench.seal(bag), "signer-mismatch", {
      names: [`key ${formatKeyId(key.keyId)} belongs to authority "fr-pnf", but the bundle claims "nl-om-rotterdam"`],
      streamedBytes: MiB,
    });
  });

  it("refuses a request signed by a colleague reviewer's or a committee's key: neither speaks for an authority", async () => {
    const bench = shared();
    for (const kind of ["reviewer", "committee"] as const) {
      const key = registerKey(bench, { authorityId: `${kind}:${bench.nextCheckId()}`, kind, name: "Νίκος Παπαδόπουλος", country: "PL" });
      const bag = bench.bagWithAttachments().sign({ signer: key });
      await expectRefusal(bench, await bench.seal(bag), "signer-mismatch", {
        names: [`key ${formatKeyId(key.keyId)} is the key of ${kind} ${kind}:`, "not of an issuing authority"],
        streamedBytes: MiB,
      });
    }
  });

  it("refuses a countersignature bundle signed by an authority's key: only a colleague reviewer countersigns", async () => {
    const bench = shared();
    for (const type of ["countersignature-request", "countersignature"] as const) {
      const bag = bench.bag({ bundleType: type, externalIdentifier: "reviewer:x/D-1/1" });
      await expectRefusal(bench, await bench.seal(bag), "signer-mismatch", {
        names: [`is the key of authority ${SAMPLE_AUTHORITY.id}; a ${type} bundle is trusted only from a reviewer's key`],
      });
    }
  });
});
