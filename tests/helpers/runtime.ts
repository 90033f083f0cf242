// The one deterministic runtime for tests: a clock that moves only when told to, ids id-0001, …,
// and randomness from a seeded SHA-256 counter stream (distinct bytes on every call, the same
// bytes on every run). Fixture bytes (attachments, blobs) come from the same stream.
import { createHash } from "node:crypto";
import type { Runtime } from "../../electron/core/runtime.js";
import type { RandomSource } from "../../electron/core/crypto/random.js";
import type { KdfParameters } from "../../electron/core/store/kdf.js";

export interface TestRuntime extends Runtime {
  advance(ms: number): void;
  set(date: Date): void;
}

export const T0 = new Date("2026-11-20T10:00:00.000Z");

/** SHA-256 of `seed/0`, `seed/1`, … concatenated: each call continues the stream. */
export function seededRandom(seed: string): RandomSource {
  let block = 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 32) {
      const digest = createHash("sha256").update(`${seed}/${block++}`).digest();
      out.set(digest.subarray(0, Math.min(32, length - offset)), offset);
    }
    return out;
  };
}

/** `length` bytes of a fresh stream for `seed`: the same seed gives the same bytes. */
export const deterministicBytes = (seed: string, length: number): Buffer => Buffer.from(seededRandom(seed)(length));
/**
 * The cheapest Argon2id cost a store accepts (64 KiB, one pass): a test store unlocks in
 * milliseconds. tests/store/kdf.test.ts proves that without it the recommended cost is used.
 */
export const TEST_KDF: KdfParameters = { tcost: 1, mcost: 64, pcost: 1 };

export function testRuntime(start: Date = T0, seed = "counterseal-tests"): TestRuntime {
  let now = start.getTime();
  let ids = 0;
  return {
    storeKdf: TEST_KDF,
    clock: { now: () => new Date(now) },
    ids: {
      newId: () => `id-${String(++ids).padStart(4, "0")}`,
      randomBytes: seededRandom(seed),
    },
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}
