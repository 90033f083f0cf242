// age's ASCII armor: strict PEM with type "AGE ENCRYPTED FILE", 64-column lines of canonical
// padded base64, no headers. LF or CRLF line ends; whitespace-only lines may surround it.
// Both directions stream: the decoder works on blocks of the input, never on the whole text.
import { ageCorrupt, ageInvalid } from "./age-errors.js";
import type { ByteReader } from "./byte-reader.js";

export const ARMOR_BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
export const ARMOR_END = "-----END AGE ENCRYPTED FILE-----";
const COLUMNS = 64;
const BYTES_PER_LINE = 48;
const MAX_SURROUNDING_WHITESPACE = 1024;
const BLOCK_SIZE = 64 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const PAD = 0x3d;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const beginBytes = Buffer.from(ARMOR_BEGIN, "latin1");
const endBytes = Buffer.from(ARMOR_END, "latin1");

const isWhitespace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === NEWLINE || byte === CARRIAGE_RETURN;

/** Whether `bytes` (the start of an input) looks armored: optional whitespace, then "-----BEGIN". */
export function looksArmored(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && isWhitespace(bytes[i] ?? 0)) i++;
  return Buffer.from(bytes.buffer, bytes.byteOffset + i, bytes.length - i).toString("latin1").startsWith("-----BEGIN");
}

type State = "before" | "body" | "want-end" | "after";

class ArmorDecoder {
  #state: State = "before";
  #whitespace = 0;
  #lineNumber = 0;
  #carry: Uint8Array = new Uint8Array(0);

  /** Decodes every complete line of `block`; keeps the incomplete tail for the next block. */
  push(block: Uint8Array): Uint8Array {
    const data = this.#carry.length > 0 ? Buffer.concat([this.#carry, block]) : Buffer.from(block.buffer, block.byteOffset, block.length);
    const out = new Uint8Array(Math.ceil((data.length * 3) / 4) + 3);
    let written = 0;
    let start = 0;
    for (;;) {
      const newline = data.indexOf(NEWLINE, start);
      if (newline === -1) break;
      const end = newline > start && data[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
      written = this.#line(data, start, end, newline + 1 - start, out, written);
      start = newline + 1;
    }
    this.#carry = Uint8Array.prototype.slice.call(data, start);
    if (this.#carry.length > MAX_SURROUNDING_WHITESPACE + COLUMNS) {
      throw ageInvalid(`ASCII armor line ${this.#lineNumber + 1} is too long`);
    }
    return out.subarray(0, written);
  }

  /** Called at the end of input: the last line may lack its line end. */
  finish(): Uint8Array {
    const tail = Buffer.from(this.#carry);
    this.#carry = new Uint8Array(0);
    const out = new Uint8Array(BYTES_PER_LINE);
    let written = 0;
    if (tail.length > 0) {
      const end = tail[tail.length - 1] === CARRIAGE_RETURN ? tail.length - 1 : tail.length;
      const isEnd = tail.subarray(0, end).equals(endBytes);
      if ((this.#state === "body" || this.#state === "want-end") && !isEnd) {
        throw ageCorrupt("the ASCII-armored age file is truncated: it ends inside a line");
      }
      written = this.#line(tail, 0, end, tail.length, out, 0);
    }
    if (this.#state === "before") throw ageInvalid("not an age file: no ASCII armor found");
    if (this.#state !== "after") throw ageCorrupt(`the ASCII-armored age file is truncated: "${ARMOR_END}" is missing`);
    return out.subarray(0, written);
  }

  #line(data: Buffer, start: number, end: number, rawLength: number, out: Uint8Array, written: number): number {
    this.#lineNumber += 1;
    const line = data.subarray(start, end);
    switch (this.#state) {
      case "before":
        if (line.every(isWhitespace)) {
          this.#countWhitespace(rawLength, "before");
          return written;
        }
        if (!line.equals(beginBytes)) {
          throw ageInvalid(`ASCII armor line ${this.#lineNumber}: expected "${ARMOR_BEGIN}"`);
        }
        this.#state = "body";
        return written;
      case "body":
        if (line.equals(endBytes)) {
          this.#state = "after";
          return written;
        }
        return this.#decodeLine(line, out, written);
      case "want-end":
        if (!line.equals(endBytes)) {
          throw ageInvalid(`ASCII armor line ${this.#lineNumber}: expected "${ARMOR_END}" after the short last line`);
        }
        this.#state = "after";
        return written;
      case "after":
        if (!line.every(isWhitespace)) throw ageInvalid(`ASCII armor line ${this.#lineNumber}: data after "${ARMOR_END}"`);
        this.#countWhitespace(rawLength, "after");
        return written;
    }
  }

  #countWhitespace(length: number, where: string): void {
    this.#whitespace += length;
    if (this.#whitespace > MAX_SURROUNDING_WHITESPACE) throw ageInvalid(`too much whitespace ${where} the ASCII armor`);
  }

  /** Strict, canonical base64 of one armor line. */
  #decodeLine(line: Buffer, out: Uint8Array, written: number): number {
    const lineNumber = this.#lineNumber;
    const length = line.length;
    if (length === 0) throw ageInvalid(`ASCII armor line ${lineNumber} is empty`);
    if (length > COLUMNS) throw ageInvalid(`ASCII armor line ${lineNumber} is longer than 64 columns`);
    if (length % 4 !== 0) throw ageInvalid(`ASCII armor line ${lineNumber}: base64 length is not a multiple of 4`);
    let o = written;
    const fullQuads = line[length - 1] === PAD ? length - 4 : length;
    for (let i = 0; i < fullQuads; i += 4) {
      const a = DECODE[line[i] ?? 0] ?? -1;
      const b = DECODE[line[i + 1] ?? 0] ?? -1;
      const c = DECODE[line[i + 2] ?? 0] ?? -1;
      const d = DECODE[line[i + 3] ?? 0] ?? -1;
      if ((a | b | c | d) < 0) throw ageInvalid(`ASCII armor line ${lineNumber}: invalid base64 character`);
      const n = (a << 18) | (b << 12) | (c << 6) | d;
      out[o] = n >>> 16;
      out[o + 1] = (n >>> 8) & 0xff;
      out[o + 2] = n & 0xff;
      o += 3;
    }
    if (fullQuads < length) {
      const a = DECODE[line[length - 4] ?? 0] ?? -1;
      const b = DECODE[line[length - 3] ?? 0] ?? -1;
      const twoPads = line[length - 2] === PAD;
      const c = twoPads ? 0 : (DECODE[line[length - 2] ?? 0] ?? -1);
      if ((a | b | c) < 0) throw ageInvalid(`ASCII armor line ${lineNumber}: invalid base64 character`);
      // Canonical base64 leaves the unused low bits zero.
      if ((twoPads ? b & 0x0f : c & 0x03) !== 0) throw ageInvalid(`ASCII armor line ${lineNumber}: base64 is not canonical`);
      const n = (a << 18) | (b << 12) | (c << 6);
      out[o++] = n >>> 16;
      if (!twoPads) out[o++] = (n >>> 8) & 0xff;
    }
    // Only the last line may be short or padded.
    if (length < COLUMNS || fullQuads < length) this.#state = "want-end";
    return o;
  }
}

/** Decodes an armored age file from `reader`, yielding the binary age file in pieces. */
export async function* decodeArmor(reader: ByteReader): AsyncGenerator<Uint8Array> {
  const decoder = new ArmorDecoder();
  for (;;) {
    const block = await reader.read(BLOCK_SIZE);
    if (block.length === 0) break;
    const decoded = decoder.push(block);
    if (decoded.length > 0) yield decoded;
  }
  const last = decoder.finish();
  if (last.length > 0) yield last;
}

/** Armors a binary age file, streaming: 48 input bytes per 64-column line. */
export async function* encodeArmor(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield Buffer.from(`${ARMOR_BEGIN}\n`, "latin1");
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const whole = data.length - (data.length % BYTES_PER_LINE);
    if (whole > 0) {
      const encoded = data.subarray(0, whole).toString("base64");
      const lines = whole / BYTES_PER_LINE;
      const out = Buffer.allocUnsafe(lines * (COLUMNS + 1));
      for (let line = 0; line < lines; line++) {
        out.write(encoded.slice(line * COLUMNS, (line + 1) * COLUMNS), line * (COLUMNS + 1), "latin1");
        out[line * (COLUMNS + 1) + COLUMNS] = NEWLINE;
      }
      yield out;
    }
    carry = Buffer.from(data.subarray(whole));
  }
  const lastLine = carry.length > 0 ? `${carry.toString("base64")}\n` : "";
  yield Buffer.from(`${lastLine}${ARMOR_END}\n`, "latin1");
}
