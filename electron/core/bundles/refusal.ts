import type { RefusalCode } from "../../../shared/vocabulary/refusal-codes.js";
import { CoreError } from "../errors.js";

/**
 * An import refusal: exactly one spec code (`refusal`) plus a sentence naming the file, line or
 * field at fault. Its API code is always "bundle-refused"; the import outcome carries `refusal`.
 */
export class BundleRefusal extends CoreError {
  override readonly name = "BundleRefusal";
  override readonly code = "bundle-refused";
  constructor(
    readonly refusal: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

// A declaration, not an arrow: TypeScript narrows after a call only to a declared `never` function.
export function refuse(refusal: RefusalCode, message: string): never {
  throw new BundleRefusal(refusal, message);
}
