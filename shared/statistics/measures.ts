// Times for the report: median, mean and 90th percentile of durations, in hours to one decimal.
// The median of an even count is the mean of the two middle values; the 90th percentile is the
// nearest rank (the smallest value at or above 90% of them).

export interface DurationSummary {
  medianHours: number;
  meanHours: number;
  p90Hours: number;
}

const HOUR_MS = 3_600_000;
const hours = (ms: number): number => Math.round(ms / (HOUR_MS / 10)) / 10;

/** The summary of some durations in milliseconds; undefined for none. */
export function summariseDurations(durations: readonly number[]): DurationSummary | undefined {
  if (durations.length === 0) return undefined;
  const sorted = Float64Array.from(durations).sort();
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  let sum = 0;
  for (const value of sorted) sum += value;
  const p90 = sorted[Math.ceil(0.9 * n) - 1] ?? 0;
  return { medianHours: hours(median), meanHours: hours(sum / n), p90Hours: hours(p90) };
}

/** A share to four decimals (0.1234 is 12.34%). */
export const share = (part: number, whole: number): number => Math.round((part / whole) * 10_000) / 10_000;
