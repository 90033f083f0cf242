// One text per identifier, so that the same account, number or address matches across requests
// however each issuer wrote it. Email local parts keep their case (RFC 5321 lets a mail server
// tell them apart); domains and the domain of an email are folded to lower case.
import { normaliseIpAddress } from "./ip-addresses.js";
import { normalisePhoneNumber } from "./phone-numbers.js";
import type { TargetKind } from "./request-vocabulary.js";

export interface IdentifierHint {
  /** ISO 3166-1 alpha-2 country for reading national phone numbers, e.g. GB for (020) 7946-0018. */
  readonly country?: string;
}

const squeeze = (value: string): string => value.normalize("NFC").trim().replace(/\s+/g, " ");
const domainName = (value: string): string => squeeze(value).toLowerCase().replace(/\.$/, "");

function email(value: string): string {
  const text = squeeze(value);
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1 || /\s/.test(text)) throw new Error(`email "${value}" is not of the form local@domain`);
  return `${text.slice(0, at)}@${domainName(text.slice(at + 1))}`;
}

function deviceId(value: string): string {
  const compact = squeeze(value).replace(/\s/g, "").toLowerCase();
  const hex = compact.replace(/[:.-]/g, "");
  // A MAC address in any of its spellings (aa:bb…, AA-BB…, aabb.ccdd.eeff) becomes aa:bb:cc:dd:ee:ff.
  if (/^[0-9a-f]{12}$/.test(hex) && /^([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^([0-9a-f]{4}\.){2}[0-9a-f]{4}$|^[0-9a-f]{12}$/.test(compact))
    return hex.match(/../g)?.join(":") ?? hex;
  // An IMEI or serial written in groups: the digits.
  if (/^[0-9][0-9-]*$/.test(compact)) return compact.replace(/-/g, "");
  return compact;
}

/** The canonical text of an identifier of this kind; a malformed email, number or address is refused by name. */
export function normaliseIdentifier(kind: TargetKind, value: string, hint: IdentifierHint = {}): string {
  switch (kind) {
    case "email":
      return email(value);
    case "phone":
      return normalisePhoneNumber(value, hint.country);
    case "ip-address":
      return normaliseIpAddress(value);
    case "domain":
      return domainName(value);
    case "device-id":
      return deviceId(value);
    case "payment-id":
      return squeeze(value).replace(/[\s-]/g, "").toUpperCase();
    case "account":
    case "other":
      return squeeze(value).toLowerCase();
  }
}

/** A key for matching that never throws: a value that does not parse is matched on its folded text. */
export function identifierKey(kind: TargetKind, value: string, hint: IdentifierHint = {}): string {
  try {
    return `${kind}:${normaliseIdentifier(kind, value, hint)}`;
  } catch {
    return `${kind}:${squeeze(value).toLowerCase()}`;
  }
}
