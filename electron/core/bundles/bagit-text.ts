// Tag files of our BagIt profile are UTF-8 text without a byte order mark, with LF or CRLF
// line ends (the spec's words; RFC 8493 would also allow a lone CR, which sha256sum does not).
import { refuse } from "./refusal.js";
import { firstInvalidUtf8Offset } from "./strict-json.js";

export interface TagLine {
  /** The line without its line end. */
  text: string;
  /** 1-based, for messages. */
  number: number;
}

/** Decodes a tag file, refusing (bag-invalid) a BOM or bytes that are not UTF-8. */
export function decodeTagFile(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) refuse("bag-invalid", `${fileName} starts with a byte order mark`);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse("bag-invalid", `${fileName} is not UTF-8 text (invalid byte at offset ${firstInvalidUtf8Offset(bytes)})`);
  }
}

/** Splits decoded text into lines; the last line may lack its line end. */
export function splitTagLines(text: string, fileName: string): TagLine[] {
  const raw = text.split("\n");
  if (raw[raw.length - 1] === "") raw.pop();
  return raw.map((line, index) => {
    const body = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (body.includes("\r")) refuse("bag-invalid", `${fileName} line ${index + 1}: a carriage return that is not part of a CRLF line end`);
    return { text: body, number: index + 1 };
  });
}

/** decodeTagFile, then splitTagLines. */
export const readTagLines = (bytes: Uint8Array, fileName: string): TagLine[] => splitTagLines(decodeTagFile(bytes, fileName), fileName);
