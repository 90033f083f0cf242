// Clocks: each kind from its rule, the four states, and the UK urgent-approval deadline counted
// in London working days across weekends, bank holidays, daylight-saving changes and zones.
import { describe, expect, it } from "vitest";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "../../shared/review/bank-holidays.js";
import { clocksFor, type ClockOptions } from "../../shared/review/clocks.js";
import { isWorkingDay } from "../../shared/review/working-days.js";
import { addDays, endOfDay, parseCivilDate, weekday } from "../../shared/review/zoned-time.js";
import { request } from "./request.js";

const OPTIONS: ClockOptions = { now: "2026-11-20T12:00:00Z", timeZone: "Europe/Amsterdam" };
const POLICE = { id: "nl-politie", name: "Politie Rotterdam", country: "NL", kind: "police" };
const EMERGENCY = { level: "emergency", reason: "A child is missing." };
const clock = (overrides: Record<string, unknown>, kind: string, options: Partial<ClockOptions> = {}) =>
  clocksFor(request(overrides), { ...OPTIONS, ...options }).find((c) => c.kind === kind);
const kinds = (overrides: Record<string, unknown>, options: Partial<ClockOptions> = {}) => clocksFor(request(overrides), { ...OPTIONS, ...options }).map((c) => c.kind);

// The sample is submitted 2026-11-20T09:15:00+01:00, i.e. 08:15Z.
describe("clocks of EU orders", () => {
  it("give a production order 10 days for the provider and 10 days for objection", () => {
    expect(clocksFor(request(), OPTIONS)).toEqual([
      expect.objectContaining({ kind: "provider-deadline", due: "2026-11-30T08:15:00.000Z", source: "Reg. 2023/1543 Art 10(2)", state: "running" }),
      expect.objectContaining({ kind: "objection-window", due: "2026-11-30T08:15:00.000Z", source: "Reg. 2023/1543 Art 12", state: "running" }),
    ]);
  });

  it("count days as 24-hour durations, so a deadline across a clock change moves an hour in local time", () => {
    // Submitted 10:00 in Amsterdam (CEST) on 20 October 2026; due 09:00 CET on the 30th.
    expect(clock({ submittedAt: "2026-10-20T10:00:00+02:00", validatingAuthority: undefined, issuingAuthority: { ...POLICE, kind: "judge" } }, "provider-deadline")?.due).toBe("2026-10-30T08:00:00.000Z");
  });

  it("shorten them to 8 and 96 hours in an emergency, and add the 48-hour validation for a police order", () => {
    const overrides = { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: undefined };
    expect(clock(overrides, "provider-deadline")?.due).toBe("2026-11-20T16:15:00.000Z");
    expect(clock(overrides, "objection-window")?.due).toBe("2026-11-24T08:15:00.000Z");
    expect(clock(overrides, "validation")).toMatchObject({ due: "2026-11-22T08:15:00.000Z", source: "Reg. 2023/1543 Art 4(5)", state: "running" });
  });

  it("have no objection window for subscriber data, and no validation clock for a judge's or a routine order", () => {
    expect(kinds({ dataCategories: ["subscriber"] })).toEqual(["provider-deadline"]);
    expect(kinds({ urgency: EMERGENCY, issuingAuthority: { ...POLICE, kind: "judge" } })).not.toContain("validation");
    expect(kinds({ issuingAuthority: POLICE })).not.toContain("validation");
  });

  it("count the validation met when a judge validated", () => {
    const validated = { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: { name: "Rb", country: "NL", kind: "judge", validatedAt: "2026-11-21T10:00:00+01:00" } };
    expect(clock(validated, "validation")).toMatchObject({ state: "met", metAt: "2026-11-21T09:00:00.000Z" });
  });

  it("end a preservation after 60 days, 90 after a recorded extension", () => {
    expect(clock({ instrument: "eu-preservation-order" }, "preservation-end")?.due).toBe("2027-01-19T08:15:00.000Z");
    expect(clock({ instrument: "eu-preservation-order" }, "preservation-end", { preservationExtended: true })?.due).toBe("2027-02-18T08:15:00.000Z");
  });
});

describe("other clocks", () => {
  it("give a Second Protocol subscriber request 30 days", () => {
    expect(clocksFor(request({ instrument: "coe-subscriber-disclosure", dataCategories: ["subscriber"] }), OPTIONS)).toEqual([
      expect.objectContaining({ kind: "provider-deadline", due: "2026-12-20T08:15:00.000Z", source: "Second Additional Protocol to the Budapest Convention, Art 7" }),
    ]);
  });

  it("take respond-by and non-disclosure-end from the request", () => {
    const overrides = { instrument: "mlat", urgency: { level: "expedited", respondBy: "2026-12-01T17:00:00-05:00" }, nonDisclosure: { requested: true, until: "2027-06-30T00:00:00+02:00" } };
    expect(clocksFor(request(overrides), OPTIONS).map((c) => [c.kind, c.due])).toEqual([
      ["respond-by", "2026-12-01T22:00:00.000Z"],
      ["non-disclosure-end", "2027-06-29T22:00:00.000Z"],
    ]);
  });

  it("end a reassess date at midnight in the office's time zone, or take an instant as given", () => {
    const due = (timeZone: string, reassessBy: string) => clock({ instrument: "mlat" }, "reassess", { timeZone, reassessBy })?.due;
    expect(due("America/New_York", "2027-01-15")).toBe("2027-01-16T04:59:59.999Z");
    expect(due("Asia/Tokyo", "2027-01-15")).toBe("2027-01-15T14:59:59.999Z");
    expect(due("Europe/London", "2026-07-01")).toBe("2026-07-01T22:59:59.999Z");
    // Chile moves its clocks at midnight: 6 September 2026 begins at 01:00, and 5 September ends an hour "early".
    expect(due("America/Santiago", "2026-09-05")).toBe("2026-09-06T03:59:59.999Z");
    expect(due("America/Santiago", "2026-09-06")).toBe("2026-09-07T02:59:59.999Z");
    expect(due("Asia/Kolkata", "2027-01-15T09:00:00+01:00")).toBe("2027-01-15T08:00:00.000Z");
    expect(() => due("Europe/London", "2027-02-30")).toThrow('"2027-02-30" is not a calendar date of the form YYYY-MM-DD');
  });

  it("refuse an unknown time zone by name", () => {
    expect(() => clocksFor(request(), { ...OPTIONS, timeZone: "Mars/Olympus" })).toThrow('"Mars/Olympus" is not a time zone this platform knows');
  });
});

describe("clock states", () => {
  const due = "2026-11-30T08:15:00.000Z";
  const state = (now: string, met?: string) => clock({}, "provider-deadline", { now, ...(met === undefined ? {} : { met: { "provider-deadline": met } }) });
  it.each([
    ["running", "2026-11-29T08:14:59Z"],
    ["due-soon", "2026-11-29T08:15:00Z"],
    ["due-soon", "2026-11-30T08:14:59.999Z"],
    ["overdue", due],
    ["overdue", "2027-01-01T00:00:00Z"],
  ])("is %s at %s", (expected, now) => {
    expect(state(now)?.state).toBe(expected);
  });

  it("is met once a met instant is given, even after the due time", () => {
    expect(state("2027-01-01T00:00:00Z", "2026-12-02T10:00:00+01:00")).toMatchObject({ state: "met", metAt: "2026-12-02T09:00:00.000Z" });
  });
});

describe("UK urgent approval (IPA s.24): the end of the third working day in London", () => {
  const urgent = (submittedAt: string) =>
    clock(
      { instrument: "domestic-warrant", submittedAt, urgency: { level: "emergency", reason: "Threat to life." }, issuingAuthority: { id: "uk-sec", name: "Secretary of State", country: "GB", kind: "other" } },
      "urgent-approval",
    )?.due;

  it.each([
    ["a plain week (Mon → Thu)", "2026-06-01T10:00:00+01:00", "2026-06-04T22:59:59.999Z"],
    ["a weekend (Sat → Wed)", "2026-06-06T10:00:00+01:00", "2026-06-10T22:59:59.999Z"],
    ["the clocks going forward, 29 March 2026", "2026-03-26T15:00:00Z", "2026-03-31T22:59:59.999Z"],
    ["the clocks going back, 25 October 2026", "2026-10-23T10:00:00+01:00", "2026-10-28T23:59:59.999Z"],
    ["Easter 2027 and the clocks going forward on Easter Day", "2027-03-24T12:00:00Z", "2027-03-31T22:59:59.999Z"],
    ["the clocks going back, 31 October 2027", "2027-10-28T12:00:00+01:00", "2027-11-02T23:59:59.999Z"],
    ["Christmas 2026 with Boxing Day's substitute on Monday 28th", "2026-12-23T16:00:00Z", "2026-12-30T23:59:59.999Z"],
    ["Christmas 2027 with both substitutes (27th, 28th)", "2027-12-23T16:00:00Z", "2027-12-30T23:59:59.999Z"],
    ["New Year 2028 with its substitute on Monday 3 January", "2027-12-30T09:00:00Z", "2028-01-05T23:59:59.999Z"],
    ["the Summer bank holiday 2028", "2028-08-25T09:00:00+01:00", "2028-08-31T22:59:59.999Z"],
    ["an issue in Chicago's evening, already Friday in London", "2026-06-04T23:30:00-05:00", "2026-06-10T22:59:59.999Z"],
    ["an issue in Berlin just after midnight, still Thursday in London", "2026-06-05T00:30:00+02:00", "2026-06-09T22:59:59.999Z"],
  ])("across %s", (_, submittedAt, expected) => {
    expect(urgent(submittedAt)).toBe(expected);
  });

  it("refuses to count into a year the bank-holiday list does not cover", () => {
    expect(() => urgent("2028-12-28T10:00:00Z")).toThrow("no bank-holiday list for 2029 (the list covers 2026, 2027, 2028)");
  });

  it("applies only to an emergency domestic warrant from GB", () => {
    const base = { instrument: "domestic-warrant", urgency: { level: "emergency", reason: "Threat to life." } };
    expect(kinds({ ...base, issuingAuthority: { id: "uk", name: "SoS", country: "GB", kind: "other" } })).toEqual(["urgent-approval"]);
    expect(kinds(base)).toEqual([]);
    expect(kinds({ ...base, urgency: { level: "routine" }, issuingAuthority: { id: "uk", name: "SoS", country: "GB", kind: "other" } })).toEqual([]);
  });
});

describe("the England and Wales bank-holiday list", () => {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  function easterSunday(year: number) {
    const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
  }
  const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
  const firstMonday = (year: number, month: number) => {
    let d = { year, month, day: 1 };
    while (weekday(d) !== 1) d = addDays(d, 1);
    return iso(d);
  };
  const lastMonday = (year: number, month: number) => {
    let d = addDays({ year, month: month + 1, day: 1 }, -1);
    while (weekday(d) !== 1) d = addDays(d, -1);
    return iso(d);
  };
  /** The first weekday on or after the date that is not already taken by an earlier holiday. */
  const substitute = (date: string, taken: string[]) => {
    let d = parseCivilDate(date);
    while (weekday(d) === 0 || weekday(d) === 6 || taken.includes(iso(d))) d = addDays(d, 1);
    return iso(d);
  };

  it.each([2026, 2027, 2028])("matches Easter, the Monday rules and the substitute days in %i", (year) => {
    const easter = easterSunday(year);
    const newYear = substitute(`${year}-01-01`, []);
    const christmas = substitute(`${year}-12-25`, []);
    const boxing = substitute(`${year}-12-26`, [christmas]);
    const expected = [newYear, iso(addDays(easter, -2)), iso(addDays(easter, 1)), firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8), christmas, boxing];
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS[year]?.map((h) => h.date)).toEqual(expected);
    for (const date of expected) expect(isWorkingDay(parseCivilDate(date)), date).toBe(false);
  });

  it("leaves ordinary weekdays as working days", () => {
    expect(isWorkingDay(parseCivilDate("2026-12-24"))).toBe(true);
    expect(isWorkingDay(parseCivilDate("2027-12-29"))).toBe(true);
    expect(isWorkingDay(parseCivilDate("2026-12-26"))).toBe(false);
  });

  it("ends a London day at 23:59:59.999 local time on both sides of a change", () => {
    expect(new Date(endOfDay(parseCivilDate("2026-03-29"), "Europe/London")).toISOString()).toBe("2026-03-29T22:59:59.999Z");
    expect(new Date(endOfDay(parseCivilDate("2026-10-25"), "Europe/London")).toISOString()).toBe("2026-10-25T23:59:59.999Z");
    expect(new Date(endOfDay(parseCivilDate("2026-10-24"), "Europe/London")).toISOString()).toBe("2026-10-24T22:59:59.999Z");
  });
});
