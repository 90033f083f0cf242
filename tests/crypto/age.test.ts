// age v1 keys, round trips, streaming behaviour and failure codes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AgeDecryptError,
  AgeKeyError,
  ageRecipientOf,
  decryptAge,
  encryptAge,
  generateAgeIdentity,
  isAgeRecipient,
  parseAgeIdentityFile,
} from "../../electron/core/crypto/age.js";
import { chunked, collect, describeDifference, settle } from "./support.js";
import { seededRandom } from "../helpers/runtime.js";

const CHUNK = 65_536;
const BECH32 = "[qpzry9x8gf2tvdw0s3jn54khce6mua7l]";
const identity = generateAgeIdentity(seededRandom("age-unit-identity"));
const recipient = ageRecipientOf(identity);
const stranger = generateAgeIdentity(seededRandom("age-unit-stranger"));

function plaintextOf(size: number, seed = "plain"): Uint8Array {
  return seededRandom(`${seed}/${size}`)(size);
}

async function encrypt(plaintext: Uint8Array, options: { armor?: boolean; seed?: string; recipients?: string[] } = {}): Promise<Uint8Array> {
  return collect(
    encryptAge(chunked(plaintext, [1000, CHUNK, 7]), options.recipients ?? [recipient], {
      armor: options.armor ?? false,
      random: seededRandom(options.seed ?? "encrypt"),
    }),
  );
}

describe("age identities and recipients", () => {
  it("generates upper-case identities whose recipients are lower-case age1 strings", () => {
    expect(identity).toMatch(new RegExp(`^AGE-SECRET-KEY-1${BECH32.toUpperCase()}{58}$`));
    expect(recipient).toMatch(new RegExp(`^age1${BECH32}{58}$`));
    expect(generateAgeIdentity(seededRandom("age-unit-identity"))).toBe(identity);
    expect(generateAgeIdentity()).not.toBe(generateAgeIdentity());
  });

  it("derives the CCTV vectors' recipient from their identity", () => {
    // The recipient `age-keygen -y` prints for the identity used throughout the CCTV vectors.
    expect(ageRecipientOf("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0")).toBe(
      "age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef",
    );
  });

  it("recognises recipients strictly", () => {
    expect(isAgeRecipient(recipient)).toBe(true);
    expect(isAgeRecipient(recipient.toUpperCase())).toBe(false); // age writes recipients lower-case
    expect(isAgeRecipient(identity)).toBe(false);
    expect(isAgeRecipient(`${recipient.slice(0, -1)}${recipient.endsWith("q") ? "p" : "q"}`)).toBe(false); // checksum
    expect(isAgeRecipient(`${recipient.slice(0, 10)}${recipient.slice(10, 11).toUpperCase()}${recipient.slice(11)}`)).toBe(false);
    expect(isAgeRecipient("age1")).toBe(false);
    expect(isAgeRecipient("")).toBe(false);
    expect(() => ageRecipientOf(recipient)).toThrow(AgeKeyError);
  });

  it("parses identity files, skipping comments and blank lines", () => {
    const text = `# created: 2024-01-01T00:00:00Z\r\n# public key: ${recipient}\r\n${identity}\r\n\n   \n${stranger}\n`;
    expect(parseAgeIdentityFile(text)).toEqual([identity, stranger]);
  });

  it("names the line of a malformed identity", () => {
    expect(() => parseAgeIdentityFile(`# c\n${identity}\nAGE-SECRET-KEY-1NOTAKEY\n`)).toThrow(/line 3/);
    expect(() => parseAgeIdentityFile(`${identity}\n${recipient}\n`)).toThrow(/line 2: not an age X25519 identity/);
    expect(() => parseAgeIdentityFile("\nAGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG\n")).toThrow(
      /line 2: post-quantum/,
    );
    expect(() => parseAgeIdentityFile("# only a comment\n")).toThrow(/no identity/);
  });
});

describe("age round trip", () => {
  const boundarySizes = [0, 1, 15, 16, 17, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK, 2 * CHUNK + 1, 3 * CHUNK + 12_345];

  it.each(boundarySizes)("encrypts and decrypts %i bytes, binary and armored", async (size) => {
    const plaintext = plaintextOf(size);
    for (const armor of [false, true]) {
      const sealed = await encrypt(plaintext, { armor });
      expect(describeDifference(await collect(decryptAge(chunked(sealed, [3, 4096, CHUNK + 17]), [identity])), plaintext)).toBe("equal");
    }
  });

  it("round-trips random sizes and input chunkings (property)", async () => {
    const sizes = fc.oneof(
      fc.constantFrom(...boundarySizes),
      fc.integer({ min: 0, max: 4 * CHUNK }),
      fc.integer({ min: -40, max: 40 }).map((delta) => Math.max(0, CHUNK * 2 + delta)),
    );
    await fc.assert(
      fc.asyncProperty(sizes, fc.array(fc.integer({ min: 1, max: 3 * CHUNK }), { minLength: 1, maxLength: 4 }), fc.boolean(), async (size, pieces, armor) => {
        const plaintext = plaintextOf(size, "property");
        const sealed = await encrypt(plaintext, { armor, seed: `p/${size}` });
        expect(describeDifference(await collect(decryptAge(chunked(sealed, pieces), [stranger, identity])), plaintext)).toBe("equal");
      }),
      { numRuns: 40, seed: 20_240_601 },
    );
  });

  it("opens with any of several recipients, and is deterministic given its randomness", async () => {
    const other = ageRecipientOf(stranger);
    const plaintext = plaintextOf(5000);
    const sealed = await encrypt(plaintext, { recipients: [other, recipient] });
    expect(describeDifference(await collect(decryptAge(chunked(sealed), [stranger])), plaintext)).toBe("equal");
    expect(describeDifference(await collect(decryptAge(chunked(sealed), [identity])), plaintext)).toBe("equal");
    expect(await encrypt(plaintext, { recipients: [other, recipient] })).toEqual(sealed);
    expect(await encrypt(plaintext, { recipients: [other, recipient], seed: "other" })).not.toEqual(sealed);
  });

  it("re-reads an identity array that changed since the last file", async () => {
    const plaintext = plaintextOf(100);
    const sealed = await encrypt(plaintext);
    const identities = [stranger];
    expect((await settle(decryptAge(chunked(sealed), identities))).code).toBe("age-no-identity");
    identities[0] = identity;
    expect(describeDifference(await collect(decryptAge(chunked(sealed), identities)), plaintext)).toBe("equal");
    identities.push("AGE-SECRET-KEY-1NOTAKEY");
    await expect(collect(decryptAge(chunked(sealed), identities))).rejects.toThrow(AgeKeyError);
  });

  it("refuses to encrypt to nobody or to something that is not a recipient", async () => {
    await expect(collect(encryptAge(chunked(new Uint8Array(1)), []))).rejects.toThrow(RangeError);
    await expect(collect(encryptAge(chunked(new Uint8Array(1)), [identity]))).rejects.toThrow(AgeKeyError);
  });
});

describe("age failures", () => {
  const plaintext = plaintextOf(3 * CHUNK + 100, "failures");
  const sealedPromise = encrypt(plaintext);
  const headerEnd = async (): Promise<number> => Buffer.from(await sealedPromise).indexOf("\n---") + 1;

  async function outcome(bytes: Uint8Array, identities = [identity]) {
    return settle(decryptAge(chunked(bytes, [4096]), identities));
  }

  it("says age-invalid for what is not an age file", async () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode("hello\n"), plaintextOf(1000, "noise"), new TextEncoder().encode("age-encryption.org/v2\n")]) {
      const result = await outcome(bytes);
      expect(result.code).toBe("age-invalid");
      expect(result.message).toMatch(/age file|version/);
    }
  });

  it("says age-no-identity when no identity opens it", async () => {
    const result = await outcome(await sealedPromise, [stranger]);
    expect(result.code).toBe("age-no-identity");
    expect(result.message).toContain("1 × X25519");
  });

  it("says age-passphrase for a scrypt-only file", async () => {
    const scryptFile = new TextEncoder().encode(
      "age-encryption.org/v1\n-> scrypt 3d9y0G+8q1ffPQ0xJJatIQ 10\nfoZolxuhRSL7IG7oaR+456IzkHtvue7j4mUjh3DB6EI\n--- yp4Z0lV1LEdkm1+uDCuPUV+9hIXbPKrBXKQ/f5Y03As\n",
    );
    const result = await outcome(scryptFile);
    expect(result.code).toBe("age-passphrase");
    expect(result.message).toMatch(/passphrase/);
  });

  it("says age-corrupt for a bad header MAC, truncation and trailing data", async () => {
    const sealed = Buffer.from(await sealedPromise);
    const end = await headerEnd();
    const badMac = Buffer.from(sealed);
    badMac[end + 5] = badMac[end + 5] === 0x41 ? 0x42 : 0x41;
    expect((await outcome(badMac)).code).toBe("age-corrupt");
    expect((await outcome(sealed.subarray(0, sealed.length - 1))).code).toBe("age-corrupt");
    const cutInHeader = await outcome(sealed.subarray(0, 40));
    expect(cutInHeader).toMatchObject({ code: "age-corrupt", message: expect.stringMatching(/truncated.*header/) });
    const armored = await encrypt(plaintext.subarray(0, 1000), { armor: true });
    expect((await outcome(armored.subarray(0, armored.length >> 1))).message).toMatch(/truncated/);
    expect((await outcome(Buffer.concat([sealed, Buffer.from([0])]))).code).toBe("age-corrupt");
    const cutAfterFullChunk = sealed.subarray(0, sealed.indexOf("\n", end) + 1 + 16 + CHUNK + 16);
    const cut = await outcome(cutAfterFullChunk);
    expect(cut.code).toBe("age-corrupt");
    expect(describeDifference(cut.released, plaintext.subarray(0, CHUNK))).toBe("equal");
  });

  it("never releases wrong plaintext after truncation or a bit flip anywhere (property)", async () => {
    const sealed = await sealedPromise;
    const end = await headerEnd();
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("truncate" as const), at: fc.integer({ min: 0, max: sealed.length - 1 }) }),
      fc.record({ kind: fc.constant("flip" as const), at: fc.integer({ min: 0, max: sealed.length - 1 }), bit: fc.integer({ min: 0, max: 7 }) }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = m.kind === "truncate" ? sealed.slice(0, m.at) : Uint8Array.from(sealed);
        if (m.kind === "flip") bytes[m.at] = (bytes[m.at] ?? 0) ^ (1 << m.bit);
        const result = await outcome(bytes);
        // A changed stanza is indistinguishable from a stanza for someone else.
        const allowed = m.kind === "flip" && m.at < end ? ["age-corrupt", "age-invalid", "age-no-identity"] : ["age-corrupt", "age-invalid"];
        expect(allowed).toContain(result.code);
        expect(describeDifference(result.released, plaintext.subarray(0, result.released.length))).toBe("equal");
        expect(result.released.length % CHUNK).toBe(0);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("never releases wrong plaintext from a damaged armored file (property)", async () => {
    const armored = await encrypt(plaintext, { armor: true });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: armored.length - 1 }), fc.integer({ min: 0, max: 7 }), fc.boolean(), async (at, bit, truncate) => {
        const bytes = truncate ? armored.slice(0, at) : Uint8Array.from(armored);
        if (!truncate) bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
        const result = await outcome(bytes);
        // Cutting only the final line end leaves a complete file (CCTV armor_no_eol).
        const stillWhole = truncate && at === armored.length - 1;
        expect(stillWhole ? [null] : ["age-corrupt", "age-invalid", "age-no-identity"]).toContain(result.code);
        expect(describeDifference(result.released, plaintext.subarray(0, result.released.length))).toBe("equal");
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("throws only AgeDecryptError for damage, with a readable message", async () => {
    const sealed = Uint8Array.from(await sealedPromise);
    sealed[sealed.length - 20] = (sealed[sealed.length - 20] ?? 0) ^ 1;
    const error = await collect(decryptAge(chunked(sealed), [identity])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgeDecryptError);
    expect((error as AgeDecryptError).message).toMatch(/chunk 4 failed authentication/);
  });
});

describe("age streaming", () => {
  /** A source that records how many bytes were pulled from it, and whether it was closed. */
  function meteredSource(bytes: Uint8Array) {
    const meter = { pulled: 0, closed: false };
    async function* source() {
      try {
        for (let offset = 0; offset < bytes.length; offset += 16_384) {
          const piece = bytes.subarray(offset, offset + 16_384);
          meter.pulled += piece.length;
          yield piece;
        }
      } finally {
        meter.closed = true;
      }
    }
    return { meter, source: source() };
  }

  it.each([false, true])("releases plaintext long before the input ends (armor: %s)", async (armor) => {
    const plaintext = plaintextOf(40 * CHUNK, "streaming");
    const sealed = await encrypt(plaintext, { armor });
    const { meter, source } = meteredSource(sealed);
    const pulledAtChunk: number[] = [];
    for await (const piece of decryptAge(source, [identity])) {
      expect(piece.length).toBeLessThanOrEqual(CHUNK);
      pulledAtChunk.push(meter.pulled);
    }
    expect(pulledAtChunk).toHaveLength(40);
    // Bounded read-ahead: about one chunk (plus one 64 KiB armor block) beyond what was released.
    pulledAtChunk.forEach((pulled, index) => expect(pulled).toBeLessThan((index + 1) * CHUNK * (armor ? 1.4 : 1) + 3 * CHUNK));
  });

  it("closes the source when the reader stops early", async () => {
    const { meter, source } = meteredSource(await encrypt(plaintextOf(10 * CHUNK, "early")));
    for await (const piece of decryptAge(source, [identity])) {
      expect(piece.length).toBe(CHUNK);
      break;
    }
    expect(meter.closed).toBe(true);
    expect(meter.pulled).toBeLessThan(4 * CHUNK);
  });

  it("encrypts lazily too: output starts before the input ends", async () => {
    let pulled = 0;
    async function* lazyInput() {
      for (let i = 0; i < 20; i++) {
        pulled += 1;
        yield new Uint8Array(CHUNK);
      }
    }
    const iterator = encryptAge(lazyInput(), [recipient])[Symbol.asyncIterator]();
    await iterator.next(); // header and nonce
    await iterator.next(); // first chunk
    expect(pulled).toBeLessThanOrEqual(2);
    await iterator.return?.(undefined);
  });
});
