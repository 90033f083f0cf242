// ChaCha20-Poly1305 (libsodium, native) against RFC 8439 and, differentially, @noble/ciphers.
import { chacha20poly1305 } from "@noble/ciphers/chacha.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ChaCha20Poly1305Session, MAX_MESSAGE_LENGTH, chaCha20Poly1305Open, chaCha20Poly1305Seal } from "../../electron/core/crypto/chacha20-poly1305.js";
import { describeDifference } from "./support.js";

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const SUNSCREEN = new TextEncoder().encode(
  "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
);
const RFC_KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const RFC_NONCE = hex("000000000000004a00000000");


describe("ChaCha20-Poly1305 AEAD", () => {
  it("matches OpenSSL's tags for the RFC example without associated data, and for an empty message", () => {
    const sealed = chaCha20Poly1305Seal(RFC_KEY, RFC_NONCE, SUNSCREEN);
    expect(toHex(sealed.subarray(SUNSCREEN.length))).toBe("81db63fcb189a03121ae0ac72a3f1f36");
    expect(toHex(chaCha20Poly1305Seal(RFC_KEY, RFC_NONCE, new Uint8Array(0)))).toBe("e9dfc72a53d4cec416165db4717cb0c2");
    expect(chaCha20Poly1305Open(RFC_KEY, RFC_NONCE, sealed)).toEqual(SUNSCREEN);
  });

  it("agrees with @noble/ciphers on random keys, nonces and lengths (property)", () => {
    const lengths = fc.oneof(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: MAX_MESSAGE_LENGTH }),
      fc.constantFrom(MAX_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH - 1, 255, 256, 257, 4095, 4096),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 12, maxLength: 12 }), lengths, fc.integer(), (key, nonce, length, seed) => {
        const plaintext = Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
        const reference = chacha20poly1305(key, nonce).encrypt(plaintext);
        const session = new ChaCha20Poly1305Session(key);
        expect(describeDifference(session.seal(nonce, plaintext), reference)).toBe("equal");
        expect(describeDifference(session.open(nonce, reference) ?? new Uint8Array(0), plaintext)).toBe("equal");
        session.dispose();
      }),
      { numRuns: 150, seed: 8439 },
    );
  });

  it("refuses any single bit flip, a wrong nonce, a wrong key and a short input", () => {
    const key = RFC_KEY;
    const sealed = chaCha20Poly1305Seal(key, RFC_NONCE, SUNSCREEN);
    for (let bit = 0; bit < sealed.length * 8; bit += 7) {
      const damaged = Uint8Array.from(sealed);
      damaged[bit >> 3] = (damaged[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect(chaCha20Poly1305Open(key, RFC_NONCE, damaged)).toBeNull();
    }
    expect(chaCha20Poly1305Open(key, hex("000000000000004a00000001"), sealed)).toBeNull();
    expect(chaCha20Poly1305Open(Uint8Array.from(key, (b) => b ^ 1), RFC_NONCE, sealed)).toBeNull();
    expect(chaCha20Poly1305Open(key, RFC_NONCE, sealed.subarray(0, 15))).toBeNull();
  });

  it("opens a message given in pieces, keeps interleaved sessions apart and refuses use after dispose", () => {
    const a = new ChaCha20Poly1305Session(RFC_KEY);
    const b = new ChaCha20Poly1305Session(Uint8Array.from({ length: 32 }, () => 7));
    const sealedA = a.seal(RFC_NONCE, SUNSCREEN);
    const sealedB = b.seal(RFC_NONCE, SUNSCREEN);
    expect(a.open(RFC_NONCE, [sealedA.subarray(0, 5), sealedA.subarray(5, 100), sealedA.subarray(100)])).toEqual(SUNSCREEN);
    expect(b.open(RFC_NONCE, sealedB)).toEqual(SUNSCREEN);
    expect(a.open(RFC_NONCE, sealedB)).toBeNull();
    a.dispose();
    expect(() => a.open(RFC_NONCE, sealedA)).toThrow(/disposed/);
    expect(() => b.seal(RFC_NONCE, new Uint8Array(MAX_MESSAGE_LENGTH + 1))).toThrow(RangeError);
  });
});
