// Dates, numbers, sizes and names through Intl in the reviewer's locale (settings.locale). The
// words around them come from the catalogue; these only format values. Pure and Node-testable.

export const SUPPORTED_LOCALES = ["en-GB", "en-US", "fr-FR", "de-DE", "nl-NL", "pl-PL"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const isSupportedLocale = (value: string): value is SupportedLocale => (SUPPORTED_LOCALES as readonly string[]).includes(value);

/** The reviewer's locale if supported, else the closest supported one, else en-GB. */
export function pickLocale(preferred: readonly string[]): SupportedLocale {
  for (const tag of preferred) {
    if (isSupportedLocale(tag)) return tag;
    const language = tag.split("-")[0]?.toLowerCase();
    const match = SUPPORTED_LOCALES.find((locale) => locale.split("-")[0] === language);
    if (match) return match;
  }
  return "en-GB";
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

function parse(iso: string): Date | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time);
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const date = parse(iso);
  if (!date) return iso;
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })).format(date);
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  // A bare YYYY-MM-DD (bagging date) is a calendar day, not an instant: format it in UTC.
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = parse(bare ? `${iso}T00:00:00Z` : iso);
  if (!date) return iso;
  const format = cached(`d:${locale}:${bare ? "utc" : "local"}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", ...(bare ? { timeZone: "UTC" } : {}) }),
  );
  return format.format(date);
}

export function formatNumber(value: number, locale: string): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

const BYTE_UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** 1,234,567 -> "1.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return cached(`b:${locale}:${unit}:${digits}`, () =>
    new Intl.NumberFormat(locale, { style: "unit", unit: BYTE_UNITS[unit] ?? "byte", unitDisplay: "short", maximumFractionDigits: digits }),
  ).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return cached(`p:${locale}`, () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 })).format(
    Math.min(1, Math.max(0, fraction)),
  );
}

/** A maximum penalty in months as whole years and remaining months: 30 -> {years: 2, months: 6}. */
export function splitPenalty(months: number): { years: number; months: number } {
  const whole = Math.max(0, Math.floor(months));
  return { years: Math.floor(whole / 12), months: whole % 12 };
}

/** "FR" -> "France" in the UI language; unknown codes come back as they are. */
export function countryName(code: string, uiLanguage: string): string {
  try {
    const names = new Intl.DisplayNames([uiLanguage], { type: "region", fallback: "code" });
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Long hex digests in groups of eight so people can compare them by eye. */
export function groupHex(hex: string, size = 8): string {
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += size) groups.push(hex.slice(i, i + size));
  return groups.join(" ");
}
