// Strict JSON for documents that arrive in bundles (RFC 8259 grammar, plus the refusals below).
//
// JSON.parse keeps the last of two equal keys and silently rounds numbers, so a signed document
// could show a reviewer one value and hand the code another. This small recursive-descent parser
// refuses instead, and says where:
//
// - bytes must be UTF-8 (fatal decoding) with no byte order mark;            kind "encoding"
// - a string may not hold a lone surrogate escape (\uD800 alone, \uDC00 first); kind "encoding"
// - an object may not repeat a key (compared after unescaping);               kind "duplicate-key"
// - numbers (policy): an integer literal (no fraction, no exponent) must lie within
//   ±(2^53 − 1), where a double still holds it exactly; any other literal must be finite
//   as a double and may not underflow to zero unless all its digits are zero;  kind "number"
// - more than maxBytes bytes or more than maxDepth nested arrays/objects;      kind "limit"
// - everything else RFC 8259 refuses;                                          kind "syntax"
//
// Values equal what JSON.parse returns for the same text (including "__proto__" as an own key
// and -0), so callers can treat the result like any parsed JSON.

export type StrictJsonErrorKind = "encoding" | "syntax" | "duplicate-key" | "number" | "limit";

export interface StrictJsonOptions {
  maxBytes: number;
  /** Arrays and objects nested deeper than this are refused: `[]` has depth 1. */
  maxDepth: number;
  /** Named in every message, e.g. "data/request.json". */
  fileName: string;
}

export class StrictJsonError extends Error {
  override readonly name = "StrictJsonError";
  constructor(
    readonly kind: StrictJsonErrorKind,
    /** JSON path of the value at fault, e.g. `$.targets[1].value`. */
    readonly path: string,
    /** Byte offset into the file where the fault was found. */
    readonly offset: number,
    readonly reason: string,
    fileName: string,
  ) {
    super(`${fileName} byte ${offset} (${path}): ${reason}`);
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

export function parseStrictJson(bytes: Uint8Array, opts: StrictJsonOptions): unknown {
  if (bytes.length > opts.maxBytes) {
    throw new StrictJsonError("limit", "$", opts.maxBytes, `file is ${bytes.length} bytes, more than the limit of ${opts.maxBytes}`, opts.fileName);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new StrictJsonError("encoding", "$", 0, "starts with a byte order mark", opts.fileName);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new StrictJsonError("encoding", "$", firstInvalidUtf8Offset(bytes), "not valid UTF-8", opts.fileName);
  }
  return new Parser(text, opts).parseDocument();
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly opts: StrictJsonOptions,
  ) {}

  parseDocument(): unknown {
    this.skipWhitespace();
    const value = this.parseValue("$", 0);
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail("syntax", "$", "unexpected text after the JSON value");
    return value;
  }

  private parseValue(path: string, depth: number): unknown {
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.parseObject(path, depth + 1);
      case "[":
        return this.parseArray(path, depth + 1);
      case '"':
        return this.parseString(path);
      case "t":
        return this.parseLiteral("true", true, path);
      case "f":
        return this.parseLiteral("false", false, path);
      case "n":
        return this.parseLiteral("null", null, path);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.parseNumber(path);
        return this.fail("syntax", path, c === undefined ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`);
    }
  }

  private parseObject(path: string, depth: number): Record<string, unknown> {
    this.checkDepth(path, depth);
    this.pos++; // {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail("syntax", path, "expected a string key");
      const keyStart = this.pos;
      const key = this.parseString(path);
      const memberPath = path + memberSegment(key);
      if (seen.has(key)) {
        this.pos = keyStart;
        this.fail("duplicate-key", memberPath, `key ${JSON.stringify(key)} appears twice in the same object`);
      }
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail("syntax", memberPath, "expected ':' after the key");
      this.pos++;
      this.skipWhitespace();
      // defineProperty, not assignment: "__proto__" must become an own key, as with JSON.parse.
      Object.defineProperty(result, key, { value: this.parseValue(memberPath, depth), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "}") return result;
      if (next !== ",") this.failAt(this.pos - 1, "syntax", path, "expected ',' or '}' in object");
      this.skipWhitespace();
    }
  }

  private parseArray(path: string, depth: number): unknown[] {
    this.checkDepth(path, depth);
    this.pos++; // [
    const result: unknown[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue(`${path}[${result.length}]`, depth));
      this.skipWhitespace();
      const next = this.text[this.pos];
      this.pos++;
      if (next === "]") return result;
      if (next !== ",") this.failAt(this.pos - 1, "syntax", path, "expected ',' or ']' in array");
      this.skipWhitespace();
    }
  }

  private parseString(path: string): string {
    const text = this.text;
    this.pos++; // opening quote
    let out = "";
    let runStart = this.pos;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail("syntax", path, "unterminated string");
      if (code === 0x22) {
        out += text.slice(runStart, this.pos);
        this.pos++;
        return out;
      }
      if (code < 0x20) this.fail("syntax", path, "control character inside a string must be escaped");
      if (code !== 0x5c) {
        this.pos++;
        continue;
      }
      out += text.slice(runStart, this.pos);
      out += this.parseEscape(path);
      runStart = this.pos;
    }
  }

  private parseEscape(path: string): string {
    const escapeStart = this.pos;
    const c = this.text[this.pos + 1];
    this.pos += 2;
    switch (c) {
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "/":
        return "/";
      case "b":
        return "\b";
      case "f":
        return "\f";
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "u":
        break;
      default:
        return this.failAt(escapeStart, "syntax", path, `invalid escape ${JSON.stringify("\\" + (c ?? ""))}`);
    }
    const unit = this.readHex4(escapeStart, path);
    if (unit >= 0xdc00 && unit <= 0xdfff) this.failAt(escapeStart, "encoding", path, "lone low surrogate escape in a string");
    if (unit < 0xd800 || unit > 0xdbff) return String.fromCharCode(unit);
    if (this.text[this.pos] !== "\\" || this.text[this.pos + 1] !== "u") {
      this.failAt(escapeStart, "encoding", path, "high surrogate escape not followed by a low surrogate");
    }
    this.pos += 2;
    const low = this.readHex4(escapeStart, path);
    if (low < 0xdc00 || low > 0xdfff) this.failAt(escapeStart, "encoding", path, "high surrogate escape not followed by a low surrogate");
    return String.fromCharCode(unit, low);
  }

  private readHex4(escapeStart: number, path: string): number {
    const hex = this.text.slice(this.pos, this.pos + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.failAt(escapeStart, "syntax", path, "\\u must be followed by four hex digits");
    this.pos += 4;
    return parseInt(hex, 16);
  }

  private parseNumber(path: string): number {
    NUMBER.lastIndex = this.pos;
    const match = this.text.match(NUMBER);
    if (match === null) return this.fail("syntax", path, "malformed number");
    const literal = match[0];
    const isInteger = match[1] === undefined && match[2] === undefined;
    const value = Number(literal);
    if (isInteger && Math.abs(value) > MAX_SAFE) {
      this.fail("number", path, `integer ${literal} is outside ±(2^53 − 1) and would lose precision`);
    }
    if (!Number.isFinite(value)) this.fail("number", path, `number ${literal} is too large for a double`);
    if (value === 0 && /[1-9]/.test(literal.split(/[eE]/)[0] ?? "")) {
      this.fail("number", path, `number ${literal} is too small for a double and would read as 0`);
    }
    this.pos += literal.length;
    return value;
  }

  private parseLiteral<T>(word: string, value: T, path: string): T {
    if (!this.text.startsWith(word, this.pos)) this.fail("syntax", path, `expected ${word}`);
    this.pos += word.length;
    return value;
  }

  private checkDepth(path: string, depth: number): void {
    if (depth > this.opts.maxDepth) this.fail("limit", path, `nesting deeper than the limit of ${this.opts.maxDepth}`);
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  private fail(kind: StrictJsonErrorKind, path: string, reason: string): never {
    return this.failAt(this.pos, kind, path, reason);
  }

  private failAt(charIndex: number, kind: StrictJsonErrorKind, path: string, reason: string): never {
    const offset = new TextEncoder().encode(this.text.slice(0, charIndex)).length;
    throw new StrictJsonError(kind, path, offset, reason, this.opts.fileName);
  }
}

function memberSegment(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Byte offset of the first byte that makes the input invalid UTF-8 (for the message only). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  // In stream mode a prefix that stops inside a character is still fine, so "decodes" is
  // monotone in the prefix length and bisection finds the longest prefix without a bad byte.
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (decodes(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
