// Instants as milliseconds since the epoch, from RFC 3339 text or a Date the caller passes in.
// The review core never reads the system clock: every "now" arrives as an argument.
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function instant(value: string | Date): number {
  const ms = typeof value === "string" ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new Error(`"${String(value)}" is not a valid date-time`);
  return ms;
}

export const isoInstant = (ms: number): string => new Date(ms).toISOString();
