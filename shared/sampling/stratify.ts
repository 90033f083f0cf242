// Proportional allocation of a sample across strata, shown stratum by stratum.
//
// Each stratum's quota is size × its share of the population; it gets the whole part of its
// quota, and the cases still to place go one each to the strata with the largest fractional
// parts (largest remainder; ties to the stratum whose key sorts first by its UTF-8 bytes). A
// quota never exceeds its stratum, so no stratum is asked for more cases than it has.
import { compareUtf8 } from "./bytes.js";

export interface StratumAllocation {
  stratum: string;
  population: number;
  /** The stratum's share of the population, 0 to 1. */
  share: number;
  allocated: number;
}

/** Strata in key order with their allocations, which add up to min(size, population). */
export function allocateProportionally(populations: ReadonlyMap<string, number>, size: number): StratumAllocation[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`sample size ${size}: give a whole number from 0`);
  const keys = [...populations.keys()].sort(compareUtf8);
  const total = keys.reduce((sum, key) => sum + (populations.get(key) ?? 0), 0);
  const placed = Math.min(size, total);
  const rows = keys.map((stratum) => {
    const population = populations.get(stratum) ?? 0;
    const quota = total === 0 ? 0 : (placed * population) / total;
    return { stratum, population, share: total === 0 ? 0 : population / total, allocated: Math.floor(quota), remainder: quota - Math.floor(quota) };
  });
  let left = placed - rows.reduce((sum, row) => sum + row.allocated, 0);
  const byRemainder = [...rows].sort((a, b) => b.remainder - a.remainder || compareUtf8(a.stratum, b.stratum));
  for (const row of byRemainder) {
    if (left === 0) break;
    if (row.allocated < row.population) {
      row.allocated += 1;
      left -= 1;
    }
  }
  return rows.map(({ stratum, population, share, allocated }) => ({ stratum, population, share, allocated }));
}
