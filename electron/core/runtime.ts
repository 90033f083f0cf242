// Time, randomness and the key-derivation cost are injected into every core service, so tests
// can freeze them (and keep stores cheap to unlock).
import { randomBytes, randomUUID } from "node:crypto";
import type { KdfParameters } from "./store/kdf.js";

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A fresh unique id for stored rows (UUID v4 in production). */
  newId(): string;
  /** Cryptographic randomness for keys, salts and nonces. */
  randomBytes(length: number): Uint8Array;
}

export interface Runtime {
  clock: Clock;
  ids: IdSource;
  /**
   * The key-derivation cost new stores and passphrase changes use. Unset in the app and the
   * CLI: the recommended cost (store/kdf.ts). Tests set a cheap one so a store costs
   * milliseconds, not a second; opening always uses the cost the store records.
   */
  storeKdf?: KdfParameters;
}

export const systemClock: Clock = { now: () => new Date() };

export const systemIds: IdSource = {
  newId: () => randomUUID(),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
};

export const systemRuntime: Runtime = { clock: systemClock, ids: systemIds };
