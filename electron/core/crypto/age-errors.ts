// Why an age file could not be opened, in the refusal codes of sealed-bundle-v1.

export type AgeDecryptErrorCode =
  /** Not an age file; malformed header or armor. */
  | "age-invalid"
  /** The only stanzas are scrypt: a passphrase file, which we refuse. */
  | "age-passphrase"
  /** No identity we hold opens it. */
  | "age-no-identity"
  /** Header MAC or a payload chunk fails authentication; truncated; trailing data. */
  | "age-corrupt"
  /** More recipient stanzas than the limit: each would be tried with every identity. */
  | "age-too-many-stanzas";

export class AgeDecryptError extends Error {
  override readonly name = "AgeDecryptError";
  constructor(
    readonly code: AgeDecryptErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const ageInvalid = (message: string): AgeDecryptError => new AgeDecryptError("age-invalid", message);
export const ageCorrupt = (message: string): AgeDecryptError => new AgeDecryptError("age-corrupt", message);
