// Time and randomness are injected into every core service so tests can freeze them.
import { randomBytes, randomUUID } from "node:crypto";

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
}

export const systemClock: Clock = { now: () => new Date() };

export const systemIds: IdSource = {
  newId: () => randomUUID(),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
};

export const systemRuntime: Runtime = { clock: systemClock, ids: systemIds };
