// Demo times, computed from one reference instant so the demo always looks current and
// tests can freeze it. Each time is written in its authority's own zone with a numeric
// offset (RFC 3339), the way that office's software would stamp it, DST included.

const HOUR_MS = 3_600_000;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** Minutes east of UTC in `timeZone` at `instant`. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** RFC 3339 with the zone's offset, whole seconds: `2026-11-20T09:15:00+01:00`. */
export function formatInZone(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export interface DemoClock {
  /** `hh:mm[:ss]` local time on the local calendar day `daysBefore` days before the reference (≥ 1: always in the past). */
  at(daysBefore: number, time: string): string;
  /** The same instant as `at`, as a Date, for arithmetic. */
  instant(daysBefore: number, time: string): Date;
  /** The reference minus `hours` (for emergencies that arrived in the last hours). */
  hoursBefore(hours: number): Date;
  /** `from` plus `hours`, written in the zone. */
  plusHours(from: Date, hours: number): string;
  /** `from` plus calendar `days` at the same local clock time, written in the zone. */
  plusDays(from: Date, days: number): string;
  format(instant: Date): string;
  /** The local calendar day `daysBefore` days before the reference, as prose: `3 October 2026`. */
  date(daysBefore: number): string;
  /** Local calendar year of an instant: issuers' file numbers carry it. */
  year(instant: Date): number;
}

export function demoClock(reference: Date, timeZone: string): DemoClock {
  const today = localParts(reference, timeZone);

  const instantOnDay = (year: number, month: number, day: number, time: string): Date => {
    const [h = 0, m = 0, s = 0] = time.split(":").map(Number);
    const wall = Date.UTC(year, month - 1, day, h, m, s);
    // Two passes settle the offset also on a DST change day.
    let guess = new Date(wall - offsetMinutes(new Date(wall), timeZone) * 60_000);
    guess = new Date(wall - offsetMinutes(guess, timeZone) * 60_000);
    return guess;
  };

  const calendarDay = (daysBefore: number): Date => {
    if (daysBefore < 1) throw new Error("demo local times must lie on an earlier day than the reference");
    return new Date(Date.UTC(today.year, today.month - 1, today.day - daysBefore));
  };

  const instant = (daysBefore: number, time: string): Date => {
    const day = calendarDay(daysBefore);
    return instantOnDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), time);
  };

  const format = (value: Date): string => formatInZone(value, timeZone);

  return {
    at: (daysBefore, time) => format(instant(daysBefore, time)),
    instant,
    hoursBefore: (hours) => new Date(Math.floor(reference.getTime() / 1000) * 1000 - hours * HOUR_MS),
    plusHours: (from, hours) => format(new Date(from.getTime() + hours * HOUR_MS)),
    plusDays: (from, days) => {
      const p = localParts(from, timeZone);
      const day = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
      const time = `${p.hour}:${p.minute}:${p.second}`;
      return format(instantOnDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), time));
    },
    format,
    date: (daysBefore) => {
      const day = calendarDay(daysBefore);
      return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()] ?? ""} ${day.getUTCFullYear()}`;
    },
    year: (value) => localParts(value, timeZone).year,
  };
}
