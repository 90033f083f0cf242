// Bech32 (BIP 173) as age uses it for keys: the original checksum constant, no 90-character
// limit, one case throughout (recipients lower-case, identities upper-case).
const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    GENERATORS.forEach((generator, bit) => {
      if ((top >>> bit) & 1) checksum ^= generator;
    });
  }
  return checksum >>> 0;
}

function expandHrp(hrp: string): number[] {
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
}

function convertBits(data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] | null {
  let accumulator = 0;
  let bits = 0;
  const out: number[] = [];
  const mask = (1 << to) - 1;
  for (let i = 0; i < data.length; i++) {
    accumulator = (accumulator << from) | (data[i] ?? 0);
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((accumulator >>> bits) & mask);
    }
    accumulator &= (1 << bits) - 1;
  }
  if (pad) {
    if (bits > 0) out.push((accumulator << (to - bits)) & mask);
  } else if (bits >= from || accumulator !== 0) {
    return null;
  }
  return out;
}

export function bech32Encode(hrp: string, data: Uint8Array, upperCase: boolean): string {
  const lowerHrp = hrp.toLowerCase();
  const words = convertBits(data, 8, 5, true) ?? [];
  const check = polymod([...expandHrp(lowerHrp), ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (check >>> (5 * (5 - i))) & 31);
  const text = lowerHrp + "1" + [...words, ...checksum].map((word) => CHARSET[word]).join("");
  return upperCase ? text.toUpperCase() : text;
}

/** Decodes a Bech32 string; the human-readable part comes back in the case it was written in. */
export function bech32Decode(text: string): { hrp: string; data: Uint8Array } | null {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const separator = text.lastIndexOf("1");
  if (separator < 1 || separator + 7 > text.length) return null;
  const hrp = text.slice(0, separator);
  if (![...hrp].every((c) => c.charCodeAt(0) >= 33 && c.charCodeAt(0) <= 126)) return null;
  const words: number[] = [];
  for (const c of text.slice(separator + 1).toLowerCase()) {
    const word = CHARSET.indexOf(c);
    if (word === -1) return null;
    words.push(word);
  }
  if (polymod([...expandHrp(hrp.toLowerCase()), ...words]) !== 1) return null;
  const data = convertBits(words.slice(0, -6), 5, 8, false);
  return data === null ? null : { hrp, data: Uint8Array.from(data) };
}
