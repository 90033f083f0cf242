// Known-answer checks of every primitive this folder relies on, run at startup: Electron's
// BoringSSL differs from Node's OpenSSL, and a missing primitive must stop the app before it
// touches a store, not in the middle of an import.
import { createHash, scryptSync } from "node:crypto";
import { ageRecipientOf, decryptAge, encryptAge } from "./age.js";
import { canonicalJson } from "./canonical-json.js";
import { sha256Hex } from "./digest.js";
import { generateMinisignKeyPair, parsePublicKey, signPrehashed, verifySignature } from "./minisign.js";
import type { RandomSource } from "./random.js";

export type CryptoSelfTestResult = { ok: true } | { ok: false; message: string };

// rust-minisign's prehashed vector (also in the test corpus).
const MINISIGN_PUBLIC_KEY = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
const MINISIGN_SIGNATURE =
  "untrusted comment: signature from minisign secret key\n" +
  "RUQf6LRCGA9i559r3g7V1qNyJDApGip8MfqcadIgT9CuhV3EMhHoN1mGTkUidF/z7SrlQgXdy8ofjb7bNJJylDOocrCo8KLzZwo=\n" +
  "trusted comment: timestamp:1556193335\tfile:test\n" +
  "y/rUw2y8/hOUYjZU71eHp/Wo1KZ40fGy2VJEDl34XMJM+TX48Ss/17u3IvIfbVR1FkZZSNCisQbuQY+bHwhEBg==\n";

// C2SP CCTV age vector "armor_x25519" (0BSD): X25519, HKDF, HMAC, ChaCha20-Poly1305, armor.
const AGE_IDENTITY = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";
const AGE_FILE =
  "-----BEGIN AGE ENCRYPTED FILE-----\n" +
  "YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBURWlGMHlwcXIrYnB2Y3FY\n" +
  "TnlDVkpwTDdPdXdQZFZ3UEw3S1FFYkZET0NjCmhqYWJHWHdTTFE5YzNTNkx3Mmkr\n" +
  "UzJUdTJmaXdRSEhzbGJCTjZCNDFGTEUKLS0tIFd5SnA5Ri85Rk9aaDdnSmRoZXEy\n" +
  "V0lKY3dIZ1ljOE5JVmgzZGR3aHJjTmcK7s9ix86RtDMnTmjU8vkTTLdMW/73vqpS\n" +
  "yPC8DpksHoMx+2Y=\n" +
  "-----END AGE ENCRYPTED FILE-----\n";
const AGE_PAYLOAD_SHA256 = "013f54400c82da08037759ada907a8b864e97de81c088a182062c4b5622fd2ab";

// RFC 7914 section 12, first vector.
const SCRYPT_EXPECTED =
  "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906";

/** Not random at all: the self-test must behave the same on every run. */
const fixedRandom: RandomSource = (length) => {
  const out = new Uint8Array(length);
  for (let offset = 0; offset < length; offset += 32) {
    out.set(createHash("sha256").update(`self-test/${offset}`).digest().subarray(0, Math.min(32, length - offset)), offset);
  }
  return out;
};

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const checks: [string, () => Promise<boolean> | boolean][] = [
  ["minisign verification (BLAKE2b-512, Ed25519)", () =>
    verifySignature(new TextEncoder().encode("test"), MINISIGN_SIGNATURE, parsePublicKey(MINISIGN_PUBLIC_KEY)).trustedComment.endsWith("file:test")],
  ["minisign signing", () => {
    const pair = generateMinisignKeyPair(fixedRandom);
    const message = new TextEncoder().encode("self-test");
    return verifySignature(message, signPrehashed(message, pair, "self-test"), pair).trustedComment === "self-test";
  }],
  ["age decryption (X25519, HKDF/HMAC-SHA256, native libsodium ChaCha20-Poly1305)", async () =>
    sha256Hex(await collect(decryptAge(once(new TextEncoder().encode(AGE_FILE)), [AGE_IDENTITY]))) === AGE_PAYLOAD_SHA256],
  ["age encryption", async () => {
    const plaintext = fixedRandom(70_000);
    const sealed = await collect(encryptAge(once(plaintext), [ageRecipientOf(AGE_IDENTITY)], { random: fixedRandom }));
    return Buffer.from(plaintext).equals(await collect(decryptAge(once(sealed), [AGE_IDENTITY])));
  }],
  ["scrypt", () => scryptSync("", "", 64, { N: 16, r: 1, p: 1 }).toString("hex") === SCRYPT_EXPECTED],
  ["canonical JSON", () => canonicalJson({ b: [1e21, 0.1], a: "\u20ac" }) === '{"a":"€","b":[1e+21,0.1]}'],
];

/** Runs every check; the first failure is reported with the primitive it concerns. */
export async function runCryptoSelfTest(): Promise<CryptoSelfTestResult> {
  for (const [name, check] of checks) {
    try {
      if (!(await check())) return { ok: false, message: `${name}: wrong result` };
    } catch (error) {
      return { ok: false, message: `${name}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  return { ok: true };
}
