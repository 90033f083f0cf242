// Canonical JSON for audit details, self-contained so store/ depends on nothing above it.
// For the values it accepts (plain objects, arrays, strings, finite numbers, booleans, null) the
// output is RFC 8785 (JCS): JCS serialises strings and numbers exactly as ECMAScript's
// JSON.stringify does, and orders object keys by UTF-16 code units, which is what the default
// Array.prototype.sort does. Anything JCS would not accept is refused rather than guessed at.
import { hasLoneSurrogate } from "./bytes.js";
import { StoreError } from "./errors.js";

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new StoreError(`Canonical JSON has no representation for ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === "string") return canonicalString(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(",")}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .sort()
      .map((key) => {
        const member: unknown = value[key];
        if (member === undefined) throw new StoreError(`Canonical JSON: "${key}" is undefined; omit it or use null`);
        return `${canonicalString(key)}:${canonicalJson(member as JsonValue)}`;
      });
    return `{${members.join(",")}}`;
  }
  throw new StoreError(`Canonical JSON cannot hold a ${typeof value}`);
}

function canonicalString(text: string): string {
  if (hasLoneSurrogate(text)) throw new StoreError("Canonical JSON: string contains a lone surrogate");
  return JSON.stringify(text);
}

function isPlainObject(value: unknown): value is { readonly [key: string]: JsonValue } {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
