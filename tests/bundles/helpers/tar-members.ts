// Splits a corpus archive into its members, each with the pax/GNU/Solaris headers in front of
// it, so that every member can be judged on its own. Independent of the code under test: a
// plain block walk with GNU tar's framing (pax size overrides, old GNU sparse extension blocks,
// data after a directory header skipped).

const BLOCK = 512;
const PREFIX_TYPES = new Set(["x", "g", "L", "K", "X"]);

export interface TarMember {
  /** The ustar prefix and name fields, decoded as latin1 (a label, not the final name). */
  label: string;
  type: string;
  start: number;
  end: number;
}

function sizeOf(block: Uint8Array): number {
  const field = block.subarray(124, 136);
  if ((field[0] ?? 0) & 0x80) return field.subarray(1).reduce((sum, byte) => sum * 256 + byte, 0);
  const text = Buffer.from(field).toString("latin1").replace(/[\0 ]+$/, "").trim();
  return text === "" ? 0 : parseInt(text, 8);
}

const field = (block: Uint8Array, offset: number, length: number): string => {
  const bytes = block.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString("latin1");
};

function paxSize(data: Uint8Array): number | undefined {
  const match = /(?:^|\n)\d+ size=(\d+)\n/.exec(Buffer.from(data).toString("latin1"));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function splitMembers(archive: Uint8Array): TarMember[] {
  const members: TarMember[] = [];
  let pos = 0;
  let memberStart: number | undefined;
  let overrideSize: number | undefined;
  while (pos + BLOCK <= archive.length) {
    const block = archive.subarray(pos, pos + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const type = String.fromCharCode(block[156] ?? 0);
    let size = sizeOf(block);
    if (PREFIX_TYPES.has(type)) {
      memberStart ??= pos;
      if (type === "x") overrideSize = paxSize(archive.subarray(pos + BLOCK, pos + BLOCK + size));
      pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
      continue;
    }
    const start = memberStart ?? pos;
    memberStart = undefined;
    if (overrideSize !== undefined) size = overrideSize;
    overrideSize = undefined;
    let next = pos + BLOCK;
    if (type === "S" && block[482] !== 0) {
      // Old GNU sparse: extension blocks follow while their "isextended" byte is set.
      while (archive[next + 504] !== 0) next += BLOCK;
      next += BLOCK;
    }
    next += Math.ceil(size / BLOCK) * BLOCK;
    const prefix = field(block, 345, 155);
    const name = field(block, 0, 100);
    members.push({ label: prefix !== "" && field(block, 257, 6) === "ustar" ? `${prefix}/${name}` : name, type, start, end: next });
    pos = next;
  }
  return members;
}
