// The refusal codes of sealed-bundle-v1 ("Refusal codes"). The words a reviewer reads for each
// are the renderer's (renderer/src/i18n).
import { isOneOf } from "./is-one-of.js";

export const REFUSAL_CODES = [
  "age-invalid",
  "age-passphrase",
  "age-no-identity",
  "age-corrupt",
  "age-too-many-stanzas",
  "tar-invalid",
  "tar-unsafe-entry",
  "tar-duplicate-entry",
  "tar-layout",
  "limit-exceeded",
  "tag-files-too-large",
  "bag-invalid",
  "bag-missing-file",
  "bag-unlisted-file",
  "bag-digest-mismatch",
  "signature-missing",
  "signature-invalid",
  "signer-unknown",
  "signer-revoked",
  "signer-mismatch",
  "document-invalid",
  "bundle-conflict",
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const isRefusalCode = isOneOf(REFUSAL_CODES);
