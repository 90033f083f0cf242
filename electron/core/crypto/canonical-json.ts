// RFC 8785 (JCS) canonical JSON: the bytes a verification copy is signed over.
// `canonicalize` passes the cyberphone vectors and rejects lone surrogates (see library notes).
import canonicalize from "canonicalize";
import { utf8 } from "./bytes.js";

/** Canonical JSON text; throws for values JSON cannot represent (undefined, functions, NaN, ...). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) {
    throw new TypeError("value has no JSON representation (undefined, a function or a symbol)");
  }
  return text;
}

/** Canonical JSON as UTF-8 bytes, exactly what gets hashed and signed. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
