// Byte helpers for the selection: the frame is sorted, and HMACs ordered, by their bytes.
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";

export { bytesToHex, utf8ToBytes };

/** Negative, zero or positive as `a` sorts before, with or after `b`, byte by byte (shorter first on a tie). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** Texts in the order of their UTF-8 bytes (which differs from JavaScript's UTF-16 order above U+FFFF). */
export const compareUtf8 = (a: string, b: string): number => compareBytes(utf8ToBytes(a), utf8ToBytes(b));

/** The 32 bytes of a seed written as 64 hex digits (either case). */
export function seedBytes(seedHex: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(seedHex)) throw new RangeError(`seed ${JSON.stringify(seedHex.slice(0, 80))}: give 32 bytes as 64 hex digits`);
  return hexToBytes(seedHex.toLowerCase());
}
