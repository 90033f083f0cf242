// sealed-bundle-v1 "Trust": a bundle is trusted only when the key that signed it is in the keyring,
// not revoked, inside its validity window at import time, and registered for the authority the
// bundle claims. A reviewer's or committee's key never speaks for an authority. Pure, so every
// rule is tested on its own. Bundles of other types use decideKeyUsable and their own rule.
import type { RefusalCode } from "../../../shared/vocabulary/refusal-codes.js";
import type { AuthorityKey } from "../store/index.js";

export type TrustDecision = { trusted: true } | { trusted: false; code: RefusalCode; reason: string };

export function decideSignerTrust(
  key: AuthorityKey | undefined,
  keyIdText: string,
  claimedAuthority: string,
  at: Date,
): TrustDecision {
  const usable = decideKeyUsable(key, keyIdText, at);
  if (!usable.trusted || key === undefined) return usable;
  if (key.kind !== "authority") {
    return {
      trusted: false,
      code: "signer-mismatch",
      reason: `key ${keyIdText} is the key of ${key.kind} ${key.authorityId}, not of an issuing authority; a request is trusted only from an authority's key`,
    };
  }
  if (key.authorityId !== claimedAuthority) {
    return {
      trusted: false,
      code: "signer-mismatch",
      reason: `key ${keyIdText} belongs to authority "${key.authorityId}", but the bundle claims "${claimedAuthority}"`,
    };
  }
  return { trusted: true };
}

/** The rules that hold for a key whatever it signed: in the keyring, not revoked, inside its window at `at`. */
export function decideKeyUsable(key: AuthorityKey | undefined, keyIdText: string, at: Date): TrustDecision {
  if (!key) return { trusted: false, code: "signer-unknown", reason: `key ${keyIdText} is not in the keyring` };
  if (key.revokedAt && key.revokedAt.getTime() <= at.getTime()) {
    return { trusted: false, code: "signer-revoked", reason: `key ${keyIdText} of ${key.authorityId} was revoked on ${key.revokedAt.toISOString()}` };
  }
  if (key.validFrom && at.getTime() < key.validFrom.getTime()) {
    return { trusted: false, code: "signer-revoked", reason: `key ${keyIdText} of ${key.authorityId} is valid only from ${key.validFrom.toISOString()}` };
  }
  if (key.validUntil && at.getTime() > key.validUntil.getTime()) {
    return { trusted: false, code: "signer-revoked", reason: `key ${keyIdText} of ${key.authorityId} expired on ${key.validUntil.toISOString()}` };
  }
  return { trusted: true };
}

/** A bundle that only a keyring entry of `kind` may sign (countersignature bundles: a reviewer). */
export function decideKindTrust(key: AuthorityKey | undefined, keyIdText: string, kind: AuthorityKey["kind"], bundleType: string, at: Date): TrustDecision {
  const usable = decideKeyUsable(key, keyIdText, at);
  if (!usable.trusted || key === undefined) return usable;
  if (key.kind !== kind) {
    return { trusted: false, code: "signer-mismatch", reason: `key ${keyIdText} is the key of ${key.kind} ${key.authorityId}; a ${bundleType} bundle is trusted only from a ${kind}'s key` };
  }
  return { trusted: true };
}
