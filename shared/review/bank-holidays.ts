// Bank and public holidays in England and Wales, 2026–2028 (Banking and Financial Dealings Act
// 1971 and royal proclamation; Christmas Day and Good Friday are common-law holidays). Where a
// holiday falls on a weekend the substitute weekday is listed, as GOV.UK publishes them.
// tests/review/clocks.test.ts checks them against Easter and the "first/last Monday" rules.

export interface BankHoliday {
  readonly date: string;
  readonly name: string;
}

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: Readonly<Record<number, readonly BankHoliday[]>> = {
  2026: [
    { date: "2026-01-01", name: "New Year's Day" },
    { date: "2026-04-03", name: "Good Friday" },
    { date: "2026-04-06", name: "Easter Monday" },
    { date: "2026-05-04", name: "Early May bank holiday" },
    { date: "2026-05-25", name: "Spring bank holiday" },
    { date: "2026-08-31", name: "Summer bank holiday" },
    { date: "2026-12-25", name: "Christmas Day" },
    { date: "2026-12-28", name: "Boxing Day (substitute day)" },
  ],
  2027: [
    { date: "2027-01-01", name: "New Year's Day" },
    { date: "2027-03-26", name: "Good Friday" },
    { date: "2027-03-29", name: "Easter Monday" },
    { date: "2027-05-03", name: "Early May bank holiday" },
    { date: "2027-05-31", name: "Spring bank holiday" },
    { date: "2027-08-30", name: "Summer bank holiday" },
    { date: "2027-12-27", name: "Christmas Day (substitute day)" },
    { date: "2027-12-28", name: "Boxing Day (substitute day)" },
  ],
  2028: [
    { date: "2028-01-03", name: "New Year's Day (substitute day)" },
    { date: "2028-04-14", name: "Good Friday" },
    { date: "2028-04-17", name: "Easter Monday" },
    { date: "2028-05-01", name: "Early May bank holiday" },
    { date: "2028-05-29", name: "Spring bank holiday" },
    { date: "2028-08-28", name: "Summer bank holiday" },
    { date: "2028-12-25", name: "Christmas Day" },
    { date: "2028-12-26", name: "Boxing Day" },
  ],
};
