// The months of a report's period, for its tables over time: each month the period touches, as
// YYYY-MM, with the days of it inside the period (the first and last months may be partial).
// Pure and calendar-only; the store turns the days into instants in the office's time zone.

export interface PeriodMonth {
  /** YYYY-MM. */
  month: string;
  /** The month's first day inside the period, YYYY-MM-DD. */
  from: string;
  /** The month's last day inside the period, YYYY-MM-DD. */
  to: string;
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Every month from `from`'s to `to`'s (days YYYY-MM-DD, `from` ≤ `to`), in order. */
export function periodMonths(from: string, to: string): PeriodMonth[] {
  const out: PeriodMonth[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (;;) {
    const key = `${pad(year, 4)}-${pad(month, 2)}`;
    if (key > endKey) break;
    const first = `${key}-01`;
    const last = `${key}-${pad(lastDay(year, month), 2)}`;
    out.push({ month: key, from: first < from ? from : first, to: last > to ? to : last });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}
