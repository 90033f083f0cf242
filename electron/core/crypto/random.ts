// Randomness is injected wherever keys, salts and nonces are made, so tests can be deterministic.
import { randomBytes } from "node:crypto";

/** Returns `length` cryptographically random bytes (IdSource.randomBytes has this shape). */
export type RandomSource = (length: number) => Uint8Array;

export const systemRandom: RandomSource = (length) => new Uint8Array(randomBytes(length));

/** Calls `random` and checks it kept its promise: a short buffer would silently weaken a key. */
export function randomExactly(random: RandomSource, length: number): Uint8Array {
  const bytes = random(length);
  if (bytes.length !== length) {
    throw new Error(`random source returned ${bytes.length} bytes, ${length} were asked for`);
  }
  return bytes;
}
