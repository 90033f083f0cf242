// What kind of body issues or validates a request; the instruments' issuer rules turn on it.
import { isOneOf } from "./is-one-of.js";

export const AUTHORITY_KINDS = ["court", "judge", "prosecutor", "police", "other"] as const;

export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

export const isAuthorityKind = isOneOf(AUTHORITY_KINDS);
