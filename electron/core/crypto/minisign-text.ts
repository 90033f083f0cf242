// Line handling shared by minisign's three text files (public key, secret key, signature).
import { MinisignFormatError } from "./minisign-errors.js";

export const UNTRUSTED_COMMENT_PREFIX = "untrusted comment: ";
export const TRUSTED_COMMENT_PREFIX = "trusted comment: ";

/**
 * Splits a minisign file into lines (LF or CRLF). One final line end is optional; anything
 * after the expected lines, even blank lines, is an error, so that edited files do not pass.
 */
export function splitMinisignLines(text: string, what: string, expected: number): string[] {
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const lines = body.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  if (lines.length !== expected) {
    throw new MinisignFormatError(`${what} must have ${expected} lines, found ${lines.length}`);
  }
  for (const [index, line] of lines.entries()) {
    if (line.includes("\r")) throw new MinisignFormatError(`${what}: line ${index + 1} contains a stray carriage return`);
  }
  return lines;
}

export function stripCommentPrefix(line: string, prefix: string, what: string, lineNumber: number): string {
  if (!line.startsWith(prefix)) {
    throw new MinisignFormatError(`${what}: line ${lineNumber} must start with "${prefix.trimEnd()}"`);
  }
  return line.slice(prefix.length);
}
