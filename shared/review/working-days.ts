// Working days in England and Wales: not a Saturday, a Sunday or a bank holiday of the list.
// A date outside the years the list covers is refused rather than guessed.
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, type BankHoliday } from "./bank-holidays.js";
import { addDays, civilDateAt, endOfDay, formatCivilDate, weekday, type CivilDate } from "./zoned-time.js";

export const LONDON = "Europe/London";

export function bankHoliday(date: CivilDate, holidays: Readonly<Record<number, readonly BankHoliday[]>> = ENGLAND_AND_WALES_BANK_HOLIDAYS): BankHoliday | undefined {
  const year = holidays[date.year];
  if (year === undefined) {
    const covered = Object.keys(holidays).join(", ");
    throw new Error(`no bank-holiday list for ${date.year} (the list covers ${covered}); add that year to shared/review/bank-holidays.ts`);
  }
  const text = formatCivilDate(date);
  return year.find((holiday) => holiday.date === text);
}

export const isWorkingDay = (date: CivilDate): boolean => weekday(date) !== 0 && weekday(date) !== 6 && bankHoliday(date) === undefined;

/** The nth working day after the civil date (not counting the date itself). */
export function nthWorkingDayAfter(date: CivilDate, n: number): CivilDate {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}

/** The end of the nth working day after the day (in London) on which the instant falls. */
export function endOfNthLondonWorkingDayAfter(ms: number, n: number): number {
  return endOfDay(nthWorkingDayAfter(civilDateAt(ms, LONDON), n), LONDON);
}
