// Checks the bytes of a tar archive that tar-stream consumes without showing them: the blocks
// between one entry's data and the next entry's header (pax and GNU long-name headers, and
// zero blocks), and everything after the last entry.
//
// tar-stream skips a zero block and reads on, so an entry hidden after the end-of-archive
// marker would be read by us and ignored by `tar -x`; it applies a pax "size" with parseInt
// ("12abc" is 12) and silently stops at a malformed pax record; it applies a global pax "path"
// or "size" only to entries that also have a local pax header, which GNU tar does not; and it
// misframes an empty pax header. Each of those is refused here, so that the archive we read is
// the one the stock tools read.
//
// Only header bytes are kept: the bytes of an entry's data are dropped as they arrive, so
// memory stays bounded by the header limit below, whatever the file sizes.
import { refuse } from "./refusal.js";

const BLOCK = 512;
/** More header bytes than this before one entry is refused (names are limited to 1 KiB anyway). */
export const MAX_HEADER_BYTES = 1024 * 1024;
/** Bytes of the next entry's data that may arrive before tar-stream reports the entry. */
const READ_AHEAD_SLACK = 256 * 1024;
const END_OF_ARCHIVE_BYTES = 2 * BLOCK;
const PAX_UTF8 = "ISO-IR 10646 2000 UTF-8";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const roundUp = (size: number): number => Math.ceil(size / BLOCK) * BLOCK;
const isZero = (bytes: Uint8Array): boolean => bytes.every((byte) => byte === 0);

export interface FramedEntry {
  /** Offset of the entry's data, just after its header block (tar-stream's header.byteOffset). */
  dataOffset: number;
  /** Bytes of data that follow the header (0 for directories). */
  dataSize: number;
  /** The entry's name for messages. */
  displayName: string;
}

export class TarFramingCheck {
  private chunks: Uint8Array[] = [];
  /** Absolute offset of the first kept byte. */
  private keptFrom = 0;
  private keptBytes = 0;
  /** Zero bytes seen after the last entry and dropped to keep memory bounded. */
  private droppedZeros = 0;
  /** Bytes below this offset are entry data and are not kept. */
  private dataEnd = 0;
  private received = 0;

  /** Called with every chunk, in order, before tar-stream sees it. */
  append(chunk: Uint8Array): void {
    const start = this.received;
    this.received += chunk.length;
    if (this.received <= this.dataEnd) return;
    const kept = start < this.dataEnd ? chunk.subarray(this.dataEnd - start) : chunk;
    this.chunks.push(kept);
    this.keptBytes += kept.length;
    if (this.keptBytes <= MAX_HEADER_BYTES + READ_AHEAD_SLACK) return;
    if (!this.chunks.every(isZero)) {
      refuse("tar-invalid", `the archive has more than ${MAX_HEADER_BYTES} bytes of tar headers before one entry (at byte ${this.keptFrom})`);
    }
    // A long run of zeros can only be padding after the end-of-archive marker: count it, drop it.
    this.droppedZeros += this.keptBytes;
    this.keptFrom += this.keptBytes;
    this.chunks = [];
    this.keptBytes = 0;
  }

  /** Checks the header blocks that lead up to an entry tar-stream has just reported. */
  entry(entry: FramedEntry): void {
    const headerStart = entry.dataOffset - BLOCK;
    const name = entry.displayName;
    if (this.droppedZeros > 0) {
      refuse("tar-invalid", `tar entry ${name} follows the end-of-archive marker at byte ${this.keptFrom - this.droppedZeros}`);
    }
    const regionStart = this.keptFrom;
    const region = this.take(entry.dataOffset);
    const headerAt = headerStart - regionStart;
    const local = new Set<string>();
    let pos = 0;
    while (pos < headerAt) {
      const block = region.subarray(pos, pos + BLOCK);
      const at = regionStart + pos;
      if (isZero(block)) refuse("tar-invalid", `tar entry ${name} follows the end-of-archive marker at byte ${at}`);
      const type = String.fromCharCode(block[156] ?? 0);
      const size = sizeField(block, at);
      const data = region.subarray(pos + BLOCK, pos + BLOCK + size);
      checkLongHeader(type, data, local, name, at);
      pos += BLOCK + roundUp(size);
    }
    if (pos !== headerAt) refuse("tar-invalid", `the tar headers before entry ${name} do not line up with its header at byte ${headerStart}`);
    sizeField(region.subarray(headerAt, headerAt + BLOCK), headerStart);
    this.dataEnd = entry.dataOffset + roundUp(entry.dataSize);
    this.drop(this.dataEnd);
  }

  /**
   * Turns tar-stream's bare complaint ("Invalid tar header", "Unexpected end of data") into a
   * sentence that says where: the header it could not read, or data after the end marker.
   */
  explain(reason: string): string {
    const headerAt = Math.max(this.dataEnd, this.keptFrom);
    // Not take(): inside an entry's data nothing is kept, and explaining must not throw.
    const kept = Buffer.concat(this.chunks, this.keptBytes);
    let at = headerAt - this.keptFrom;
    let zeroBlocks = 0;
    while (at + BLOCK <= kept.length && isZero(kept.subarray(at, at + BLOCK))) {
      at += BLOCK;
      zeroBlocks += 1;
    }
    const afterMarker = kept.subarray(at).findIndex((byte) => byte !== 0);
    if (zeroBlocks >= 2 && afterMarker !== -1) {
      return `the archive has data after its end-of-archive marker, at byte ${this.keptFrom + at + afterMarker}`;
    }
    if (/unexpected end/i.test(reason)) return `the archive is truncated: it ends at byte ${this.received}, inside an entry or its header`;
    if (/invalid tar header/i.test(reason)) {
      return `the tar header at byte ${this.keptFrom + at} is not valid (its checksum is wrong or it is not a ustar, pax or GNU header)`;
    }
    return `the tar archive is malformed at byte ${headerAt}: ${reason}`;
  }

  /** Called once the whole input was read: after the last entry only zeros may follow. */
  end(): void {
    const trailing = this.take(this.received);
    if (!isZero(trailing)) {
      const at = this.received - trailing.length + trailing.findIndex((byte) => byte !== 0);
      refuse("tar-invalid", `the archive has data after its last entry at byte ${at} that is not zero padding`);
    }
    if (this.droppedZeros + trailing.length < END_OF_ARCHIVE_BYTES) {
      refuse("tar-invalid", "the archive ends without an end-of-archive marker (two zero blocks): it may be truncated");
    }
  }

  /**
   * The kept bytes from keptFrom up to `until`, as one array, read-only. Usually a view into the
   * first kept chunk (an entry's headers rarely straddle two); otherwise only `length` bytes are
   * copied, not everything kept (a whole decrypted chunk, 64 KiB, for every entry of a small bag).
   */
  private take(until: number): Uint8Array {
    const length = until - this.keptFrom;
    if (length > this.keptBytes || length < 0) refuse("tar-invalid", `the tar framing is inconsistent at byte ${this.keptFrom}`);
    const first = this.chunks[0];
    if (first !== undefined && first.length >= length) return first.subarray(0, length);
    return Buffer.concat(this.chunks, length);
  }

  private drop(until: number): void {
    let excess = until - this.keptFrom;
    while (excess > 0 && this.chunks.length > 0) {
      const first = this.chunks[0] as Uint8Array;
      if (first.length <= excess) {
        this.chunks.shift();
        excess -= first.length;
        this.keptBytes -= first.length;
        this.keptFrom += first.length;
      } else {
        this.chunks[0] = first.subarray(excess);
        this.keptBytes -= excess;
        this.keptFrom += excess;
        excess = 0;
      }
    }
    this.keptFrom = Math.max(this.keptFrom, until);
  }
}

/** The size field of a header block: octal digits (leading spaces, NUL or space after) or base-256. */
function sizeField(block: Uint8Array, at: number): number {
  const field = block.subarray(124, 136);
  if (field[0] === 0x80) return field.subarray(1).reduce((sum, byte) => sum * 256 + byte, 0);
  const text = Buffer.from(field).toString("latin1");
  const digits = text.match(/^ *([0-7]+)[ \0]*$/)?.[1];
  if (digits === undefined) return refuse("tar-invalid", `the tar header at byte ${at} has a malformed size field ${JSON.stringify(text)}`);
  return parseInt(digits, 8);
}

/** Checks one pax or GNU long-name header in front of an entry. */
function checkLongHeader(type: string, data: Uint8Array, local: Set<string>, name: string, at: number): void {
  switch (type) {
    case "x":
      once(local, "pax", name, at);
      if (data.length === 0) refuse("tar-invalid", `tar entry ${name} has an empty pax header at byte ${at}, which tar-stream misreads`);
      for (const [key, value] of paxRecords(data, name, at)) checkPaxRecord(key, value, false, name);
      return;
    case "g":
      for (const [key, value] of paxRecords(data, name, at)) checkPaxRecord(key, value, true, name);
      return;
    case "L":
    case "K":
      once(local, type, name, at);
      return;
    default:
      refuse("tar-invalid", `the tar header at byte ${at} before entry ${name} has the unsupported type ${JSON.stringify(type)}`);
  }
}

function once(local: Set<string>, kind: string, name: string, at: number): void {
  if (local.has(kind)) refuse("tar-invalid", `tar entry ${name} has two ${kind} headers (the second at byte ${at})`);
  local.add(kind);
}

/** Records `<length> <key>=<value>\n`, each length exact; anything else is malformed. */
function paxRecords(data: Uint8Array, name: string, at: number): Array<[string, Uint8Array]> {
  const records: Array<[string, Uint8Array]> = [];
  const malformed = (): never => refuse("tar-invalid", `the pax header at byte ${at} before entry ${name} is malformed`);
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const digits = space === -1 ? "" : Buffer.from(data.subarray(pos, space)).toString("latin1");
    if (!/^[1-9][0-9]{0,7}$/.test(digits)) malformed();
    const end = pos + parseInt(digits, 10);
    if (end > data.length || data[end - 1] !== 0x0a) malformed();
    const record = data.subarray(space + 1, end - 1);
    const equals = record.indexOf(0x3d);
    if (equals <= 0) malformed();
    let key = "";
    try {
      key = utf8.decode(record.subarray(0, equals));
    } catch {
      malformed();
    }
    records.push([key, record.subarray(equals + 1)]);
    pos = end;
  }
  return records;
}

function checkPaxRecord(key: string, value: Uint8Array, global: boolean, name: string): void {
  const where = `${global ? "a global" : "the"} pax header of tar entry ${name}`;
  if (key.startsWith("GNU.sparse.")) refuse("tar-unsafe-entry", `${where} describes a sparse file (${key}); bundles hold only regular files`);
  let text = "";
  try {
    text = utf8.decode(value);
  } catch {
    const code = key === "path" || key === "linkpath" ? "tar-unsafe-entry" : "tar-invalid";
    refuse(code, `${where} has a ${key} that is not valid UTF-8`);
  }
  if (key === "hdrcharset" && text !== PAX_UTF8) refuse("tar-unsafe-entry", `${where} declares names in the charset ${JSON.stringify(text)}, not UTF-8`);
  if (global && (key === "path" || key === "linkpath" || key === "size")) {
    refuse("tar-invalid", `${where} sets ${key}, which tar readers apply differently`);
  }
  if (key === "size" && !/^[0-9]{1,16}$/.test(text)) refuse("tar-invalid", `${where} has a malformed size ${JSON.stringify(text)}`);
}
