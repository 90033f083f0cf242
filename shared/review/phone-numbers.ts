// Phone numbers to E.164 (+ and digits) so the same line matches across requests whatever the
// format: "+44 20 7946 0018", "0044 20 7946 0018", "+44 (0)20 7946 0018" and, with a country
// hint of GB, "(020) 7946-0018" are all +442079460018.

interface NumberingPlan {
  readonly callingCode: string;
  /** The national trunk prefix dropped after the calling code; "" where none is (Italy keeps its 0). */
  readonly trunk: string;
  /** The international call prefix besides "00" (011 in the North American plan). */
  readonly exit?: string;
}

const nanp: NumberingPlan = { callingCode: "1", trunk: "1", exit: "011" };

/** The plans of the countries whose requests and providers the office sees most. */
export const NUMBERING_PLANS: Readonly<Record<string, NumberingPlan>> = {
  AT: { callingCode: "43", trunk: "0" },
  AU: { callingCode: "61", trunk: "0", exit: "0011" },
  BE: { callingCode: "32", trunk: "0" },
  BG: { callingCode: "359", trunk: "0" },
  CA: nanp,
  CH: { callingCode: "41", trunk: "0" },
  CY: { callingCode: "357", trunk: "" },
  CZ: { callingCode: "420", trunk: "" },
  DE: { callingCode: "49", trunk: "0" },
  DK: { callingCode: "45", trunk: "" },
  EE: { callingCode: "372", trunk: "" },
  ES: { callingCode: "34", trunk: "" },
  FI: { callingCode: "358", trunk: "0" },
  FR: { callingCode: "33", trunk: "0" },
  GB: { callingCode: "44", trunk: "0" },
  GR: { callingCode: "30", trunk: "" },
  HR: { callingCode: "385", trunk: "0" },
  HU: { callingCode: "36", trunk: "06" },
  IE: { callingCode: "353", trunk: "0" },
  IS: { callingCode: "354", trunk: "" },
  IT: { callingCode: "39", trunk: "" },
  LU: { callingCode: "352", trunk: "" },
  LV: { callingCode: "371", trunk: "" },
  MT: { callingCode: "356", trunk: "" },
  NL: { callingCode: "31", trunk: "0" },
  NO: { callingCode: "47", trunk: "" },
  NZ: { callingCode: "64", trunk: "0" },
  PL: { callingCode: "48", trunk: "" },
  PT: { callingCode: "351", trunk: "" },
  RO: { callingCode: "40", trunk: "0" },
  SE: { callingCode: "46", trunk: "0" },
  SI: { callingCode: "386", trunk: "0" },
  SK: { callingCode: "421", trunk: "0" },
  US: nanp,
};

/**
 * E.164 for an international number, or for a national one with a known country hint; a national
 * number without a usable hint stays as its digits (it cannot be matched to an international one).
 */
export function normalisePhoneNumber(value: string, country?: string): string {
  const trimmed = value.trim();
  if (!/^\+?[0-9\s().\-/]+$/.test(trimmed)) throw new Error(`phone number "${value}" has characters other than digits, spaces, + - . / ( )`);
  const plan = country === undefined ? undefined : NUMBERING_PLANS[country.toUpperCase()];
  // "+44 (0)20 …": the bracketed trunk zero is written for callers inside the country only.
  const international = trimmed.startsWith("+") || trimmed.startsWith("00") || (plan?.exit !== undefined && trimmed.startsWith(plan.exit));
  const digits = (international ? trimmed.replace(/\(0\)/g, "") : trimmed).replace(/[^0-9]/g, "");
  if (digits.length < 3) throw new Error(`phone number "${value}" has too few digits`);
  if (trimmed.startsWith("+")) return `+${digits}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  if (plan === undefined) return digits;
  if (plan.exit !== undefined && digits.startsWith(plan.exit)) return `+${digits.slice(plan.exit.length)}`;
  if (plan.callingCode === "1" && digits.length === 10) return `+1${digits}`;
  const national = plan.trunk !== "" && digits.startsWith(plan.trunk) ? digits.slice(plan.trunk.length) : digits;
  return `+${plan.callingCode}${national}`;
}
