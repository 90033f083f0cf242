// The building blocks every capability file (store.ts, keyring.ts, requests.ts, …) shares: a
// method is an arguments schema and a result schema, and the contract is the capabilities merged.
import { z } from "zod";

export interface ApiMethodSchemas<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
}

export const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R): ApiMethodSchemas<A, R> => ({ args, result });

/** The arguments of a method that takes none: `{}` and nothing else. */
export const none = z.strictObject({});

export const isoTime = z.iso.datetime({ offset: true });

type Capability = Readonly<Record<string, ApiMethodSchemas>>;
type Merged<T extends readonly Capability[]> = T extends readonly [infer Head, ...infer Tail extends readonly Capability[]] ? Head & Merged<Tail> : unknown;

/**
 * One contract out of the capability files. A method name is the contract's key, so two
 * capabilities claiming the same name is a mistake caught here, at load, not a silent override.
 */
export function mergeCapabilities<const T extends readonly Capability[]>(...capabilities: T): Merged<T> {
  const merged: Record<string, ApiMethodSchemas> = {};
  for (const capability of capabilities) {
    for (const [name, schemas] of Object.entries(capability)) {
      if (Object.hasOwn(merged, name)) throw new Error(`two API capabilities both define the method ${name}`);
      merged[name] = schemas;
    }
  }
  return merged as Merged<T>;
}
