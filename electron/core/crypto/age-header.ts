// The age v1 header (https://age-encryption.org/v1):
//   age-encryption.org/v1\n
//   -> TYPE ARG...\n  then the body: base64 without padding, 64 columns, ending with a short
//                     (possibly empty) line
//   --- base64(HMAC-SHA256(HKDF(file key, "header"), every header byte up to "---"))\n
// Parsing is strict, like the reference implementation: the MAC covers the bytes as written,
// so anything non-canonical is refused rather than normalised.
import { createHmac } from "node:crypto";
import { AgeDecryptError, ageCorrupt, ageInvalid } from "./age-errors.js";
import { decodeBase64UnpaddedStrict, encodeBase64Unpadded } from "./base64.js";
import { concatBytes, utf8 } from "./bytes.js";
import type { ByteReader } from "./byte-reader.js";

export const AGE_VERSION_LINE = "age-encryption.org/v1";
const VERSION_PREFIX = "age-encryption.org/";
const COLUMNS = 64;
const BYTES_PER_LINE = (COLUMNS / 4) * 3;
/** age sets no limit; ours keeps memory bounded (real headers are well under 10 KiB). */
const MAX_HEADER_BYTES = 1024 * 1024;
const MAX_LINE_BYTES = 64 * 1024;
const MAC_LENGTH = 32;
/**
 * age sets no limit on stanzas either, and a decrypter tries every stanza with every identity
 * it holds (an X25519 multiplication each) before any signature can be checked. Real bundles
 * carry one stanza per recipient office: a handful.
 */
export const DEFAULT_MAX_STANZAS = 64;

export type Stanza = { type: string; args: string[]; body: Uint8Array };

export type AgeHeader = {
  stanzas: Stanza[];
  /** The header bytes the MAC covers: everything up to and including "---". */
  macInput: Uint8Array;
  mac: Uint8Array;
};

const isArgumentCharacter = (code: number): boolean => code >= 0x21 && code <= 0x7e;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

class HeaderLines {
  readonly #reader: ByteReader;
  readonly #seen: Uint8Array[] = [];
  #size = 0;
  lineNumber = 0;

  constructor(reader: ByteReader) {
    this.#reader = reader;
  }

  /** The next line without its "\n"; null at a clean end of input before any byte. */
  async next(): Promise<string | null> {
    const line = await this.#reader.readLine(MAX_LINE_BYTES);
    if (line === null) return null;
    this.lineNumber += 1;
    this.#size += line.length;
    if (this.#size > MAX_HEADER_BYTES) throw ageInvalid("the age header is larger than 1 MiB");
    if (line[line.length - 1] !== 0x0a) {
      if (line.length >= MAX_LINE_BYTES) throw ageInvalid(`age header line ${this.lineNumber} is too long`);
      throw ageCorrupt(`the age file is truncated: it ends inside its header, in line ${this.lineNumber}`);
    }
    this.#seen.push(line);
    return latin1(line.subarray(0, -1));
  }

  async nextRequired(): Promise<string> {
    const line = await this.next();
    if (line === null) throw ageCorrupt(`the age file is truncated: it ends inside its header, after line ${this.lineNumber}`);
    return line;
  }

  /** Header bytes read so far, minus the tail of the last line (for the MAC input). */
  bytesSoFar(dropFromLastLine: number): Uint8Array {
    const all = concatBytes(...this.#seen);
    return all.subarray(0, all.length - dropFromLastLine);
  }
}

function parseStanzaLine(line: string, lineNumber: number): { type: string; args: string[] } {
  const parts = line.slice(3).split(" ");
  for (const part of parts) {
    if (part.length === 0) throw ageInvalid(`age header line ${lineNumber}: empty stanza argument`);
    for (let i = 0; i < part.length; i++) {
      if (!isArgumentCharacter(part.charCodeAt(i))) {
        throw ageInvalid(`age header line ${lineNumber}: invalid character in a stanza argument`);
      }
    }
  }
  const [type = "", ...args] = parts;
  return { type, args };
}

async function readStanzaBody(lines: HeaderLines): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for (;;) {
    const line = await lines.nextRequired();
    if (line.length > COLUMNS) throw ageInvalid(`age header line ${lines.lineNumber}: stanza body line longer than 64 columns`);
    const bytes = decodeBase64UnpaddedStrict(line);
    if (bytes === null) throw ageInvalid(`age header line ${lines.lineNumber}: stanza body is not canonical base64`);
    pieces.push(bytes);
    // A body always ends with a short line, empty if need be.
    if (bytes.length < BYTES_PER_LINE) return concatBytes(...pieces);
  }
}

/**
 * Reads and checks the header's syntax (not its MAC: that needs the file key). Refuses a header
 * with more than `maxStanzas` stanzas as soon as it reaches the one past the limit.
 */
export async function readAgeHeader(reader: ByteReader, maxStanzas: number = DEFAULT_MAX_STANZAS): Promise<AgeHeader> {
  const lines = new HeaderLines(reader);
  const first = await lines.next();
  if (first === null) throw ageInvalid("the file is empty: not an age file");
  if (first !== AGE_VERSION_LINE) {
    throw ageInvalid(
      first.startsWith(VERSION_PREFIX) ? `unsupported age format version "${first}"` : "not an age file (no age header)",
    );
  }
  const stanzas: Stanza[] = [];
  for (;;) {
    const line = await lines.nextRequired();
    if (line.startsWith("---")) {
      const encodedMac = line.startsWith("--- ") ? line.slice(4) : "";
      const mac = decodeBase64UnpaddedStrict(encodedMac);
      if (mac === null || mac.length !== MAC_LENGTH) {
        throw ageInvalid(`age header line ${lines.lineNumber}: malformed MAC line`);
      }
      // The MAC covers the header through "---", without the space, the MAC and the "\n".
      return { stanzas, macInput: lines.bytesSoFar(line.length - 3 + 1), mac };
    }
    if (!line.startsWith("-> ")) throw ageInvalid(`age header line ${lines.lineNumber}: expected a stanza or the MAC line`);
    if (stanzas.length >= maxStanzas) {
      throw new AgeDecryptError(
        "age-too-many-stanzas",
        `the age header has more than ${maxStanzas} recipient stanzas (the limit; stanza ${stanzas.length + 1} is at header line ${lines.lineNumber})`,
      );
    }
    const { type, args } = parseStanzaLine(line, lines.lineNumber);
    stanzas.push({ type, args, body: await readStanzaBody(lines) });
  }
}

const SHA256_LENGTH = 32;

/**
 * HKDF-SHA256 (RFC 5869) for one 32-byte output block, from two HMACs: about four times
 * cheaper than node's hkdfSync, and age derives three keys per file.
 */
export function deriveKey(ikm: Uint8Array, salt: Uint8Array, info: string): Uint8Array {
  const prk = createHmac("sha256", salt.length === 0 ? new Uint8Array(SHA256_LENGTH) : salt).update(ikm).digest();
  const okm = createHmac("sha256", prk).update(info, "latin1").update(Uint8Array.of(1)).digest();
  prk.fill(0);
  return new Uint8Array(okm);
}

export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Uint8Array {
  const macKey = deriveKey(fileKey, new Uint8Array(0), "header");
  return new Uint8Array(createHmac("sha256", macKey).update(macInput).digest());
}

function encodeStanza(stanza: Stanza): string {
  const encoded = encodeBase64Unpadded(stanza.body);
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += COLUMNS) lines.push(encoded.slice(i, i + COLUMNS));
  // The body ends with a short line: an empty one when the last line is full.
  if (encoded.length % COLUMNS === 0) lines.push("");
  return `-> ${[stanza.type, ...stanza.args].join(" ")}\n${lines.join("\n")}\n`;
}

/** The complete header for `stanzas`, MAC included. */
export function encodeAgeHeader(stanzas: Stanza[], fileKey: Uint8Array): Uint8Array {
  const macInput = utf8(`${AGE_VERSION_LINE}\n${stanzas.map(encodeStanza).join("")}---`);
  return concatBytes(macInput, utf8(` ${encodeBase64Unpadded(headerMac(fileKey, macInput))}\n`));
}
