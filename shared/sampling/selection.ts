// The selection anyone can re-run (docs/audit-sampling.md), exactly as issue 12 fixes it:
// - the population frame is the sorted list of case references `AUTHORITY/ID/REVISION`, one per
//   line, UTF-8, each ending in "\n" (sorted by their UTF-8 bytes); its SHA-256 is the frame hash;
// - the seed is 32 bytes, recorded as 64 lower-case hex digits;
// - within each stratum, cases are ordered by HMAC-SHA256(key = seed bytes, message = the
//   reference's UTF-8 bytes), ascending bytewise; the first n are the sample, the next ones the
//   spares, in that order.
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, compareBytes, compareUtf8, seedBytes, utf8ToBytes } from "./bytes.js";
import { allocateProportionally, type StratumAllocation } from "./stratify.js";

export interface FrameMember {
  reference: string;
  /** The stratum the case falls in; every member in one stratum when no stratification is asked for. */
  stratum: string;
}

export interface DrawInput {
  members: readonly FrameMember[];
  seed: string;
  size: number;
  /** How many spares in all (default: as many as the sample), shared across strata like the sample. */
  spares?: number;
}

export interface StratumDraw extends StratumAllocation {
  sample: string[];
  spares: string[];
}

export interface Draw {
  frameHash: string;
  seed: string;
  population: number;
  size: number;
  sample: string[];
  spares: string[];
  strata: StratumDraw[];
}

const REFERENCE = /^[^/\n]+\/[^/\n]+\/[1-9][0-9]*$/;

/** The frame's text: the references sorted by their UTF-8 bytes, each followed by "\n". */
export function frameText(references: readonly string[]): string {
  const seen = new Set<string>();
  for (const reference of references) {
    if (!REFERENCE.test(reference)) throw new RangeError(`case reference ${JSON.stringify(reference.slice(0, 200))}: expected AUTHORITY/ID/REVISION`);
    if (seen.has(reference)) throw new RangeError(`case reference ${reference} is in the population twice`);
    seen.add(reference);
  }
  return [...references].sort(compareUtf8).map((reference) => `${reference}\n`).join("");
}

/** SHA-256 of the frame text, 64 lower-case hex digits. */
export const frameHash = (references: readonly string[]): string => bytesToHex(sha256(utf8ToBytes(frameText(references))));

/** HMAC-SHA256(key = seed bytes, message = reference UTF-8), lower-case hex: a case's place in the draw. */
export const selectionKey = (seed: string, reference: string): string => bytesToHex(hmac(sha256, seedBytes(seed), utf8ToBytes(reference)));

/** The references of one stratum in draw order. */
export function drawOrder(seed: string, references: readonly string[]): string[] {
  const key = seedBytes(seed);
  return references
    .map((reference) => ({ reference, mac: hmac(sha256, key, utf8ToBytes(reference)) }))
    .sort((a, b) => compareBytes(a.mac, b.mac))
    .map((entry) => entry.reference);
}

export function drawSample(input: DrawInput): Draw {
  const seed = input.seed.toLowerCase();
  seedBytes(seed);
  const references = input.members.map((member) => member.reference);
  const hash = frameHash(references);
  const byStratum = new Map<string, string[]>();
  for (const member of input.members) {
    const stratum = byStratum.get(member.stratum);
    if (stratum === undefined) byStratum.set(member.stratum, [member.reference]);
    else stratum.push(member.reference);
  }
  const populations = new Map([...byStratum].map(([stratum, members]) => [stratum, members.length]));
  const allocations = allocateProportionally(populations, input.size);
  const spareAllocations = new Map(allocateProportionally(populations, input.spares ?? input.size).map((row) => [row.stratum, row.allocated]));
  const strata = allocations.map((allocation): StratumDraw => {
    const ordered = drawOrder(seed, byStratum.get(allocation.stratum) ?? []);
    const spareCount = spareAllocations.get(allocation.stratum) ?? 0;
    return { ...allocation, sample: ordered.slice(0, allocation.allocated), spares: ordered.slice(allocation.allocated, allocation.allocated + spareCount) };
  });
  return {
    frameHash: hash,
    seed,
    population: references.length,
    size: input.size,
    sample: strata.flatMap((stratum) => stratum.sample),
    spares: strata.flatMap((stratum) => stratum.spares),
    strata,
  };
}
