// What a keyring entry is (docs/decisions.md, "Keyring entries"): an issuing
// authority whose request bundles the office imports, a colleague reviewer who countersigns, or a
// parliamentary committee the office reports to. Stored in authorities.kind: never rename one.
import { isOneOf } from "./is-one-of.js";

export const KEYRING_KINDS = ["authority", "reviewer", "committee"] as const;
export type KeyringKind = (typeof KEYRING_KINDS)[number];
export const isKeyringKind = isOneOf(KEYRING_KINDS);
