import type { RefusalCode } from "../../../shared/vocabulary/refusal-codes.js";

/** An import refusal: exactly one spec code plus a sentence naming the file, line or field at fault. */
export class BundleRefusal extends Error {
  override readonly name = "BundleRefusal";
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

// A declaration, not an arrow: TypeScript narrows after a call only to a declared `never` function.
export function refuse(code: RefusalCode, message: string): never {
  throw new BundleRefusal(code, message);
}
