// Strict standard base64 (RFC 4648 section 4) for age headers and minisign files.
// Node's decoder is lenient (it skips junk and accepts the URL-safe alphabet), so every decode
// is checked by re-encoding: the text must be exactly the canonical encoding of its bytes.

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function encodeBase64(bytes: Uint8Array): string {
  return asBuffer(bytes).toString("base64");
}

/** age's header encoding: standard alphabet without `=` padding. */
export function encodeBase64Unpadded(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, "");
}

/** Decodes padded canonical base64; null when the text is anything else. */
export function decodeBase64Strict(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  return encodeBase64(bytes) === text ? bytes : null;
}

/** Decodes unpadded canonical base64 (age); null when the text is anything else. */
export function decodeBase64UnpaddedStrict(text: string): Uint8Array | null {
  if (text.length % 4 === 1 || text.includes("=")) return null;
  const bytes = new Uint8Array(Buffer.from(text, "base64"));
  return encodeBase64Unpadded(bytes) === text ? bytes : null;
}
