// Refusals of the age layer: not age at all, a passphrase file, a file for someone else, and
// a file damaged or cut in transit.
import { armor } from "age-encryption";
import { describe, it } from "vitest";
import { ageRecipientOf, generateAgeIdentity } from "../../../electron/core/crypto/age.js";
import { encryptTo, encryptWithPassphrase, tarBag } from "../../helpers/forge-layers.js";
import { sharedBench, type RefusalBench } from "./bench.js";
import { expectRefusal, refusalSuite } from "./expect-refusal.js";

refusalSuite(["age-invalid", "age-passphrase", "age-no-identity", "age-corrupt"]);
const shared = sharedBench();

const MiB = 1024 * 1024;
const HEADER_END = Buffer.from("\n--- ");
/** Offset of the "---" MAC line in a binary age file. */
const macLineAt = (sealed: Uint8Array): number => Buffer.from(sealed).indexOf(HEADER_END) + 1;

async function sealedBytes(bench: RefusalBench, options: { armor?: boolean; attachments?: boolean } = {}): Promise<Buffer> {
  const bag = options.attachments === true ? bench.bagWithAttachments() : bench.bag();
  return Buffer.from(await encryptTo(await tarBag(bag), [bench.office.recipient], bench.random, options.armor ?? false));
}

describe("age-invalid", () => {
  it("refuses random bytes", async () => {
    const bench = shared();
    await expectRefusal(bench, bench.write(bench.random(4096)), "age-invalid", { names: ["not an age file"] });
  });

  it("refuses an empty file", async () => {
    const bench = shared();
    await expectRefusal(bench, bench.write(new Uint8Array()), "age-invalid", { names: ["empty"] });
  });

  it("refuses an armored file with a character outside base64, naming the armor line", async () => {
    const bench = shared();
    const lines = (await sealedBytes(bench, { armor: true })).toString("latin1").split("\n");
    lines[3] = `${(lines[3] ?? "").slice(0, 10)}!${(lines[3] ?? "").slice(11)}`;
    await expectRefusal(bench, bench.write(Buffer.from(lines.join("\n"), "latin1")), "age-invalid", { names: ["ASCII armor line 4", "base64"] });
  });

  it("refuses a header of another age version", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    sealed.write("age-encryption.org/v2", 0, "latin1");
    await expectRefusal(bench, bench.write(sealed), "age-invalid", { names: ['"age-encryption.org/v2"'] });
  });

  it("refuses a header whose MAC line is not base64, naming the header line", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    sealed[macLineAt(sealed) + 4] = 0x2a; // "*" in the MAC
    await expectRefusal(bench, bench.write(sealed), "age-invalid", { names: [/age header line \d+: malformed MAC line/] });
  });
});

describe("age-passphrase", () => {
  it("refuses a passphrase (scrypt) file made by typage", async () => {
    const bench = shared();
    const sealed = await encryptWithPassphrase(await tarBag(bench.bag()), "correct horse battery staple");
    await expectRefusal(bench, bench.write(sealed), "age-passphrase", { names: ["passphrase (scrypt)"] });
  });

  it("refuses an armored passphrase file", async () => {
    const bench = shared();
    const sealed = armor.encode(await encryptWithPassphrase(await tarBag(bench.bag()), "correct horse battery staple"));
    await expectRefusal(bench, bench.write(new TextEncoder().encode(sealed)), "age-passphrase", { names: ["passphrase (scrypt)"] });
  });
});

describe("age-no-identity", () => {
  it("refuses a valid bundle sealed to another office, naming its recipient stanzas", async () => {
    const bench = shared();
    const stranger = ageRecipientOf(generateAgeIdentity(bench.random));
    const sealed = await encryptTo(await tarBag(bench.bag()), [stranger, ageRecipientOf(generateAgeIdentity(bench.random))], bench.random);
    await expectRefusal(bench, bench.write(sealed), "age-no-identity", { names: ["2 × X25519"] });
  });
});

describe("age-corrupt", () => {
  it("refuses a payload with one flipped byte in its last chunk, after 1.5 MiB were streamed in", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench, { attachments: true });
    const last = sealed.length - 20;
    sealed[last] = (sealed[last] ?? 0) ^ 0x01;
    await expectRefusal(bench, bench.write(sealed), "age-corrupt", { names: [/age payload chunk \d+ failed authentication/], streamedBytes: MiB });
  });

  it("refuses a payload with a flipped byte in its first chunk", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    const at = sealed.indexOf(0x0a, macLineAt(sealed)) + 1 + 16 + 100; // past the MAC line and the nonce
    sealed[at] = (sealed[at] ?? 0) ^ 0x80;
    await expectRefusal(bench, bench.write(sealed), "age-corrupt", { names: ["age payload chunk 1 failed authentication"] });
  });

  it("refuses a file cut inside its last chunk", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench, { attachments: true });
    await expectRefusal(bench, bench.write(sealed.subarray(0, sealed.length - 100)), "age-corrupt", {
      names: [/age payload chunk \d+ failed authentication/],
      streamedBytes: MiB,
    });
  });

  it("refuses a file cut exactly after a full chunk, so that what remains still authenticates", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench, { attachments: true });
    const payloadStart = sealed.indexOf(0x0a, macLineAt(sealed)) + 1 + 16;
    const cut = payloadStart + 20 * (64 * 1024 + 16);
    await expectRefusal(bench, bench.write(sealed.subarray(0, cut)), "age-corrupt", { names: ["truncated", "final chunk is missing"], streamedBytes: MiB });
  });

  it("refuses a file cut inside its header, naming the header line", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    await expectRefusal(bench, bench.write(sealed.subarray(0, 40)), "age-corrupt", { names: ["truncated", "inside its header, in line 2"] });
  });

  it("refuses a file cut inside its payload nonce", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    const headerEnd = sealed.indexOf(0x0a, macLineAt(sealed)) + 1;
    await expectRefusal(bench, bench.write(sealed.subarray(0, headerEnd + 8)), "age-corrupt", { names: ["truncated", "payload nonce"] });
  });

  it("refuses a file cut right after its header", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    const headerEnd = sealed.indexOf(0x0a, macLineAt(sealed)) + 1;
    await expectRefusal(bench, bench.write(sealed.subarray(0, headerEnd + 16)), "age-corrupt", { names: ["no payload", "cut after the header"] });
  });

  it("refuses a header altered by an added stanza: the MAC no longer matches", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    const at = macLineAt(sealed);
    const altered = Buffer.concat([sealed.subarray(0, at), Buffer.from("-> grease-stanza x\n\n", "latin1"), sealed.subarray(at)]);
    await expectRefusal(bench, bench.write(altered), "age-corrupt", { names: ["MAC does not match"] });
  });

  it("refuses a header whose MAC was changed", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    const at = macLineAt(sealed) + 4;
    sealed[at] = sealed[at] === 0x41 ? 0x42 : 0x41; // another base64 letter: still well formed
    await expectRefusal(bench, bench.write(sealed), "age-corrupt", { names: ["MAC does not match"] });
  });

  it("refuses an armored file cut before its end line", async () => {
    const bench = shared();
    const armored = (await sealedBytes(bench, { armor: true })).toString("latin1");
    const cut = armored.slice(0, armored.indexOf("-----END"));
    await expectRefusal(bench, bench.write(Buffer.from(cut, "latin1")), "age-corrupt", { names: ["truncated", "-----END AGE ENCRYPTED FILE-----"] });
  });

  it("refuses bytes appended after the final chunk", async () => {
    const bench = shared();
    const sealed = await sealedBytes(bench);
    await expectRefusal(bench, bench.write(Buffer.concat([sealed, Buffer.from("trailing")])), "age-corrupt", { names: [/age payload chunk \d+ failed authentication/] });
  });
});

