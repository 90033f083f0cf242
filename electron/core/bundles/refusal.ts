import type { RefusalCode } from "../../../shared/formats/refusal-codes.js";

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

export const refuse = (code: RefusalCode, message: string): never => {
  throw new BundleRefusal(code, message);
};
