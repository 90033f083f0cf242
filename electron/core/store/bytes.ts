// Digests and byte conversions shared by the repositories. SHA-256 comes from node:crypto,
// which both OpenSSL (Node) and BoringSSL (Electron) provide.
import { hash } from "node:crypto";

/** One-shot crypto.hash: no Hash object per call, which counts when verification hashes a million rows twice. */
export const sha256Hex = (data: Uint8Array | string): string => hash("sha256", data, "hex");

export const toHex = (bytes: Uint8Array): string => asBuffer(bytes).toString("hex");

/** A Buffer view over the same memory: better-sqlite3 binds Buffers, and Buffers hash and hex cheaply. */
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Rows come back with Buffers; small values (keys, ids) are copied into plain Uint8Arrays so
 * callers get exactly the declared type and cannot alias a pooled Buffer.
 */
export const toBytes = (buffer: Uint8Array): Uint8Array => new Uint8Array(buffer);

/**
 * A lone UTF-16 surrogate has no UTF-8 encoding (Buffer.from turns it into U+FFFD), so two
 * different strings would hash alike. With the `u` flag only unpaired surrogates match.
 */
export const hasLoneSurrogate = (text: string): boolean => /\p{Surrogate}/u.test(text);
