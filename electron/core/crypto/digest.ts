// Hash helpers. SHA-256 comes from node:crypto (BoringSSL has it); BLAKE2b from native libsodium
// (sodium-native), because Electron's BoringSSL has no BLAKE2b, and because minisign prehashes
// whole files with it: libsodium hashes an audit export of a million rows (about 380 MB) in about
// a second, where the pure JavaScript @noble/hashes took ten.
import { createHash } from "node:crypto";
import sodium from "sodium-native";
import { toHex } from "./bytes.js";

export interface IncrementalHash {
  update(bytes: Uint8Array): IncrementalHash;
  /** The digest; call once. */
  digest(): Uint8Array;
  digest(encoding: "hex"): string;
}

function incremental(update: (bytes: Uint8Array) => void, finish: () => Uint8Array): IncrementalHash {
  const api = {
    update(bytes: Uint8Array) {
      update(bytes);
      return api;
    },
    digest(encoding?: "hex") {
      const digest = finish();
      return encoding === "hex" ? toHex(digest) : digest;
    },
  };
  return api as IncrementalHash;
}

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(bytes).digest());
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function createSha256(): IncrementalHash {
  const hash = createHash("sha256");
  return incremental(
    (bytes) => hash.update(bytes),
    () => new Uint8Array(hash.digest()),
  );
}

/** Incremental BLAKE2b-512: the prehash of minisign's `ED` signatures. */
export function blake2b512(): IncrementalHash {
  const state = new Uint8Array(sodium.crypto_generichash_STATEBYTES);
  sodium.crypto_generichash_init(state, null, 64);
  return incremental(
    (bytes) => sodium.crypto_generichash_update(state, bytes),
    () => {
      const digest = new Uint8Array(64);
      sodium.crypto_generichash_final(state, digest);
      return digest;
    },
  );
}

/** One-shot BLAKE2b with a chosen output length (minisign's key checksum uses 32 bytes). */
export function blake2bDigest(bytes: Uint8Array, outputLength: number): Uint8Array {
  const digest = new Uint8Array(outputLength);
  sodium.crypto_generichash(digest, bytes);
  return digest;
}
