import { describe, expect, it } from "vitest";
import {
  countryName,
  formatBytes,
  formatDate,
  formatDateTime,
  formatNumber,
  groupHex,
  pickLocale,
  splitPenalty,
} from "../../renderer/src/i18n/format.js";

describe("formatting in the reviewer's locale", () => {
  it("formats numbers by locale", () => {
    expect(formatNumber(1234567, "en-GB")).toBe("1,234,567");
    expect(formatNumber(1234567, "de-DE")).toBe("1.234.567");
  });

  it("formats sizes with decimal units", () => {
    expect(formatBytes(0, "en-GB")).toBe("0 byte");
    expect(formatBytes(999, "en-GB")).toBe("999 byte");
    expect(formatBytes(1_234_567, "en-GB")).toBe("1.2 MB");
    expect(formatBytes(1_234_567, "fr-FR")).toMatch(/^1,2\s?Mo$/);
  });

  it("formats date-times, keeps unparseable text as is, and shows bare dates as calendar days", () => {
    expect(formatDateTime("2026-03-14T15:09:26Z", "en-GB")).toMatch(/14 Mar 2026/);
    expect(formatDateTime("not a date", "en-GB")).toBe("not a date");
    expect(formatDateTime(null, "en-GB")).toBe("");
    expect(formatDate("2026-01-05", "en-US")).toBe("Jan 5, 2026");
  });

  it("splits penalties into years and months", () => {
    expect(splitPenalty(0)).toEqual({ years: 0, months: 0 });
    expect(splitPenalty(30)).toEqual({ years: 2, months: 6 });
    expect(splitPenalty(48)).toEqual({ years: 4, months: 0 });
    expect(splitPenalty(7)).toEqual({ years: 0, months: 7 });
  });

  it("picks a supported locale", () => {
    expect(pickLocale(["fr-BE", "en"])).toBe("fr-FR");
    expect(pickLocale(["nl-NL"])).toBe("nl-NL");
    expect(pickLocale(["ja-JP"])).toBe("en-GB");
  });

  it("names countries and groups digests", () => {
    expect(countryName("NL", "en")).toBe("Netherlands");
    expect(groupHex("0123456789abcdef01")).toBe("01234567 89abcdef 01");
  });
});
