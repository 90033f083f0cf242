// What makes an armored age file more than its binary form: the whitespace around the armor and
// the line end. The body between the markers is canonical (64-column lines of canonical padded
// base64, age-armor.ts refuses anything else), so an armored original is rebuilt byte for byte
// from its binary form and this layout. A file whose lines mix LF and CRLF has no such layout;
// the caller finds out by comparing the rebuilt file's digest with the original's.
import { ARMOR_BEGIN, ARMOR_END } from "./age-armor.js";
import { decodeBase64Strict, encodeBase64 } from "./base64.js";

export interface ArmorLayout {
  /** The whitespace before "-----BEGIN". */
  before: Uint8Array;
  lineEnd: "\n" | "\r\n";
  /** Everything after "-----END AGE ENCRYPTED FILE-----": its line end, if any, and whitespace. */
  after: Uint8Array;
}

const COLUMNS = 64;
const BYTES_PER_LINE = 48;

/** The layout read off the first and last bytes of an armored file (each at least 2 KiB, or the whole file). */
export function armorLayoutOf(head: Uint8Array, tail: Uint8Array): ArmorLayout | null {
  const headText = Buffer.from(head).toString("latin1");
  const begin = headText.indexOf(ARMOR_BEGIN);
  const tailText = Buffer.from(tail).toString("latin1");
  const end = tailText.lastIndexOf(ARMOR_END);
  if (begin === -1 || end === -1) return null;
  const lineEnd = headText.startsWith("\r\n", begin + ARMOR_BEGIN.length) ? "\r\n" : "\n";
  return { before: head.subarray(0, begin), lineEnd, after: tail.subarray(end + ARMOR_END.length) };
}

/** The armored file for a binary age file given in pieces, in `layout`. */
export function* armorWithLayout(binary: Iterable<Uint8Array>, layout: ArmorLayout): Generator<Uint8Array> {
  const eol = layout.lineEnd;
  yield layout.before;
  yield Buffer.from(`${ARMOR_BEGIN}${eol}`, "latin1");
  let carry = Buffer.alloc(0);
  for (const chunk of binary) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const whole = data.length - (data.length % BYTES_PER_LINE);
    if (whole > 0) {
      const encoded = data.subarray(0, whole).toString("base64");
      const lines: string[] = [];
      for (let at = 0; at < encoded.length; at += COLUMNS) lines.push(encoded.slice(at, at + COLUMNS));
      yield Buffer.from(`${lines.join(eol)}${eol}`, "latin1");
    }
    carry = Buffer.from(data.subarray(whole));
  }
  const lastLine = carry.length > 0 ? `${carry.toString("base64")}${eol}` : "";
  yield Buffer.from(`${lastLine}${ARMOR_END}`, "latin1");
  yield layout.after;
}

/** The layout as stored (JSON text). */
export const formatArmorLayout = (layout: ArmorLayout): string =>
  JSON.stringify({ before: encodeBase64(layout.before), lineEnd: layout.lineEnd === "\n" ? "lf" : "crlf", after: encodeBase64(layout.after) });

export function parseArmorLayout(text: string): ArmorLayout {
  const parsed = JSON.parse(text) as { before?: unknown; lineEnd?: unknown; after?: unknown };
  const before = typeof parsed.before === "string" ? decodeBase64Strict(parsed.before) : null;
  const after = typeof parsed.after === "string" ? decodeBase64Strict(parsed.after) : null;
  if (before === null || after === null || (parsed.lineEnd !== "lf" && parsed.lineEnd !== "crlf")) {
    throw new Error("a stored armor layout is malformed");
  }
  return { before, lineEnd: parsed.lineEnd === "lf" ? "\n" : "\r\n", after };
}
