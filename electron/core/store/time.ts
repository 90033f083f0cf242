// One time convention for every stored instant: INTEGER milliseconds since the Unix epoch (UTC).
// Numbers compare and sort without parsing, STRICT tables reject anything that is not an integer,
// and no ISO-8601 variant (offsets, precision, `Z` vs `+00:00`) can make equal instants differ.
// The API speaks `Date`; conversion happens only here. Calendar dates that are not instants
// (bag-info's Bagging-Date, `YYYY-MM-DD`) stay TEXT.
import { StoreError } from "./errors.js";

export function toStoredTime(date: Date): number {
  const ms = date.getTime();
  if (!Number.isSafeInteger(ms)) throw new StoreError(`Not a valid date: ${String(date)}`);
  return ms;
}

export const fromStoredTime = (ms: number): Date => new Date(ms);

export const toNullableStoredTime = (date: Date | undefined): number | null =>
  date === undefined ? null : toStoredTime(date);

export const fromNullableStoredTime = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
