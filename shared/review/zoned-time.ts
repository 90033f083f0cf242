// Civil dates and their instants in a named time zone, with Intl.DateTimeFormat alone: the
// offset at an instant is read from the formatted parts, so daylight-saving changes come from
// the platform's time-zone database, not from rules written here.

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new Error(`"${timeZone}" is not a time zone this platform knows (expected an IANA name such as Europe/London)`);
    }
    formatters.set(timeZone, found);
  }
  return found;
}

function wallClock(ms: number, timeZone: string): { date: CivilDate; utcOfWallClock: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const field = (name: string): number => Number(parts[name]);
  const date = { year: field("year"), month: field("month"), day: field("day") };
  return { date, utcOfWallClock: Date.UTC(date.year, date.month - 1, date.day, field("hour"), field("minute"), field("second")) };
}

/** Refuses a time zone the platform does not know, by name. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The civil date at this instant in the time zone. */
export const civilDateAt = (ms: number, timeZone: string): CivilDate => wallClock(ms, timeZone).date;

/** The zone's offset from UTC at this instant, in milliseconds (positive east of Greenwich). */
export const offsetAt = (ms: number, timeZone: string): number => wallClock(ms, timeZone).utcOfWallClock - Math.floor(ms / 1000) * 1000;

export const addDays = (date: CivilDate, days: number): CivilDate => {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
};

/** 0 Sunday … 6 Saturday. */
export const weekday = (date: CivilDate): number => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();

export const formatCivilDate = (date: CivilDate): string =>
  `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

export function parseCivilDate(text: string): CivilDate {
  const match = text.match(/^([0-9]{4})-([0-9]{2})-([0-9]{2})$/);
  const date = match === null ? undefined : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date === undefined || formatCivilDate(addDays(date, 0)) !== text) throw new Error(`"${text}" is not a calendar date of the form YYYY-MM-DD`);
  return date;
}

/** The first instant of the civil date in the zone (its midnight, or the first moment after a skipped one). */
export function startOfDay(date: CivilDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle the offset either side of a daylight-saving change.
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  const landed = civilDateAt(guess, timeZone);
  // Where midnight itself is skipped, the guess lands on the previous day: step to the next hour.
  return formatCivilDate(landed) === formatCivilDate(date) ? guess : guess + 3_600_000;
}

/** The last millisecond of the civil date in the zone. */
export const endOfDay = (date: CivilDate, timeZone: string): number => startOfDay(addDays(date, 1), timeZone) - 1;
