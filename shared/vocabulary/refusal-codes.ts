// The refusal codes of sealed-bundle-v1 ("Refusal codes"), with the plain words a reviewer reads.
import { isOneOf } from "./is-one-of.js";

export const REFUSAL_CODES = [
  "age-invalid",
  "age-passphrase",
  "age-no-identity",
  "age-corrupt",
  "tar-invalid",
  "tar-unsafe-entry",
  "tar-duplicate-entry",
  "tar-layout",
  "limit-exceeded",
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

export const REFUSAL_SUMMARIES: Readonly<Record<RefusalCode, string>> = {
  "age-invalid": "The file is not a readable age-encrypted bundle.",
  "age-passphrase": "The bundle is locked with a passphrase instead of the office's key.",
  "age-no-identity": "None of the office's keys can open this bundle.",
  "age-corrupt": "The encrypted bundle is damaged or truncated.",
  "tar-invalid": "The archive inside the bundle is malformed.",
  "tar-unsafe-entry": "The archive contains a link, device or unsafe file name.",
  "tar-duplicate-entry": "The archive contains the same file twice.",
  "tar-layout": "The archive must hold exactly one top-level folder.",
  "limit-exceeded": "The bundle is larger than the allowed limits.",
  "bag-invalid": "The bag's description files are missing or malformed.",
  "bag-missing-file": "A file listed in the bag's manifest is missing.",
  "bag-unlisted-file": "The bag contains a file its manifest does not list.",
  "bag-digest-mismatch": "A file was altered after the sender listed it.",
  "signature-missing": "The bundle is not signed.",
  "signature-invalid": "The bundle's signature does not verify.",
  "signer-unknown": "The bundle was signed by a key the office does not trust.",
  "signer-revoked": "The signing key is revoked or outside its validity window.",
  "signer-mismatch": "The signing key belongs to a different authority than the bundle claims.",
  "document-invalid": "The request document is malformed or incomplete.",
  "bundle-conflict": "A different bundle was already imported under the same reference and revision.",
};
