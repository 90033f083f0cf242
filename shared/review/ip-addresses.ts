// IP addresses in one canonical text: IPv4 dotted decimal without leading zeros (a leading zero
// is read as decimal, as the request's author meant it, not as octal); IPv6 as RFC 5952 says
// (lower case, no leading zeros, the longest run of two or more zero groups as "::"); an
// IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it denotes. A /prefix is kept.

function ipv4Octets(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^[0-9]{1,3}$/.test(part))) return undefined;
  const octets = parts.map((part) => Number.parseInt(part, 10));
  return octets.every((octet) => octet <= 255) ? octets : undefined;
}

function ipv6Groups(text: string): number[] | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === "") return [];
    const out: number[] = [];
    const pieces = half.split(":");
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes(".")) {
        const octets = ipv4Octets(piece);
        if (octets === undefined) return undefined;
        out.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) out.push(Number.parseInt(piece, 16));
      else return undefined;
    }
    return out;
  };
  const head = parse(halves[0] ?? "");
  const tail = halves.length === 2 ? parse(halves[1] ?? "") : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}

function formatIpv6(groups: readonly number[]): string {
  if (groups.slice(0, 6).join() === "0,0,0,0,0,65535") {
    const [high, low] = [groups[6] ?? 0, groups[7] ?? 0];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

export function normaliseIpAddress(value: string): string {
  const trimmed = value.trim().toLowerCase();
  const [address = "", prefix, extra] = trimmed.split("/");
  const bracketless = address.replace(/^\[(.*)\]$/, "$1");
  if (extra !== undefined || (prefix !== undefined && !/^[0-9]{1,3}$/.test(prefix))) throw new Error(`IP address "${value}" has a malformed /prefix`);
  const v4 = ipv4Octets(bracketless);
  const limit = v4 !== undefined ? 32 : 128;
  if (prefix !== undefined && Number(prefix) > limit) throw new Error(`IP address "${value}" has a prefix longer than ${limit} bits`);
  const suffix = prefix === undefined ? "" : `/${Number(prefix)}`;
  if (v4 !== undefined) return v4.join(".") + suffix;
  const groups = ipv6Groups(bracketless);
  if (groups === undefined) throw new Error(`"${value}" is neither an IPv4 nor an IPv6 address`);
  return formatIpv6(groups) + suffix;
}
