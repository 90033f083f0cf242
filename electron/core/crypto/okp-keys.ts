// Raw 32-byte X25519 / Ed25519 keys as node:crypto KeyObjects.
// Why JWK first: importing DER (PKCS#8 / SPKI) goes through OpenSSL 3's decoders and costs
// ~350-480 µs per key here, JWK ~7-30 µs, which matters at thousands of bundles per second.
// A private JWK needs its public `x`; without it (an age identity, before its public key is
// derived) the key goes through DER, as it does when a runtime refuses the JWK. Keys are
// cached by their callers, so the slower path runs once per identity, not once per bundle.
import { createPrivateKey, createPublicKey } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { concatBytes } from "./bytes.js";

export type OkpCurve = "X25519" | "Ed25519";

const DER_PREFIXES: Record<OkpCurve, { pkcs8: Uint8Array; spki: Uint8Array }> = {
  X25519: { pkcs8: fromHex("302e020100300506032b656e04220420"), spki: fromHex("302a300506032b656e032100") },
  Ed25519: { pkcs8: fromHex("302e020100300506032b657004220420"), spki: fromHex("302a300506032b6570032100") },
};

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

export function okpPrivateKey(curve: OkpCurve, secret: Uint8Array, publicKey?: Uint8Array): KeyObject {
  if (secret.length !== 32) throw new RangeError(`an ${curve} secret key is 32 bytes`);
  const fromDer = () => createPrivateKey({ key: Buffer.from(concatBytes(DER_PREFIXES[curve].pkcs8, secret)), format: "der", type: "pkcs8" });
  if (publicKey === undefined) return fromDer();
  try {
    return createPrivateKey({ key: { kty: "OKP", crv: curve, d: base64url(secret), x: base64url(publicKey) }, format: "jwk" });
  } catch {
    return fromDer();
  }
}

export function okpPublicKey(curve: OkpCurve, publicKey: Uint8Array): KeyObject {
  if (publicKey.length !== 32) throw new RangeError(`an ${curve} public key is 32 bytes`);
  try {
    return createPublicKey({ key: { kty: "OKP", crv: curve, x: base64url(publicKey) }, format: "jwk" });
  } catch {
    const der = Buffer.from(concatBytes(DER_PREFIXES[curve].spki, publicKey));
    return createPublicKey({ key: der, format: "der", type: "spki" });
  }
}

/** The raw public key of a private KeyObject, always computed from the secret. */
export function okpRawPublicKey(privateKey: KeyObject): Uint8Array {
  const { x } = createPublicKey(privateKey).export({ format: "jwk" });
  if (typeof x !== "string") throw new Error("node:crypto returned no public key");
  const raw = new Uint8Array(Buffer.from(x, "base64url"));
  if (raw.length !== 32) throw new Error("node:crypto returned a malformed public key");
  return raw;
}
