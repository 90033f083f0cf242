// The Bundle-Type values of bag-info.txt: sealed-bundle-v1's four, then this project's
// extensions (docs/sealed-bundle-v1.md, "Extensions"). Written into every bundle: never rename one.
import { isOneOf } from "./is-one-of.js";

export const BUNDLE_TYPES = ["request", "grievance", "decision", "grievance-response", "countersignature-request", "countersignature", "execution-report", "audit-pack"] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];
export const isBundleType = isOneOf(BUNDLE_TYPES);
