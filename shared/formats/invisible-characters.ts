// Characters that make text display differently from what it is: Unicode format controls
// (category Cf: the bidi overrides and isolates U+202A–202E and U+2066–2069, the zero-width
// U+200B–200D, U+2060 WORD JOINER, U+FEFF, the soft hyphen…), other controls (Cc) and the line
// and paragraph separators. In an identifier (a target value, an authority id, an attachment
// path) the document is refused: the reviewer must approve the bytes they see. In free text they
// are shown visibly marked instead (renderer: visible-text.ts). And identifiers that mix
// scripts (a Latin "paypal" with a Cyrillic "а") are shown with a warning.

/** What an identifier may not contain. */
const FORBIDDEN_IN_IDENTIFIERS = /[\p{Cf}\p{Cc}\u2028\u2029]/u;

/** The names a reviewer may recognise; others are described by their category. */
const NAMES: Readonly<Record<number, string>> = {
  0x00ad: "SOFT HYPHEN",
  0x061c: "ARABIC LETTER MARK",
  0x180e: "MONGOLIAN VOWEL SEPARATOR",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)",
};

export const codePointLabel = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

/** "U+202E RIGHT-TO-LEFT OVERRIDE", or "U+E0041 (an invisible format character)". */
export function describeCodePoint(codePoint: number): string {
  const name = NAMES[codePoint];
  if (name) return `${codePointLabel(codePoint)} ${name}`;
  const char = String.fromCodePoint(codePoint);
  const kind = /\p{Cc}/u.test(char) ? "a control character" : "an invisible format character";
  return `${codePointLabel(codePoint)} (${kind})`;
}

export interface HiddenCharacter {
  codePoint: number;
  /** 1-based position in characters (code points), as a reader counts them. */
  position: number;
}

/** The first character an identifier may not contain, or null. */
export function findForbiddenInIdentifier(text: string): HiddenCharacter | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    if (FORBIDDEN_IN_IDENTIFIERS.test(char)) return { codePoint: char.codePointAt(0) ?? 0, position };
  }
  return null;
}

/** The refusal sentence for an identifier, or null when it is clean. */
export function identifierCharacterProblem(text: string): string | null {
  const found = findForbiddenInIdentifier(text);
  if (!found) return null;
  return `contains ${describeCodePoint(found.codePoint)} at character ${found.position}: identifiers must not contain invisible format, bidi or control characters, which make them display differently from what they are`;
}

/**
 * Scripts whose letters pass for one another (Latin "a", Cyrillic "а", Greek "α"), and others
 * that do not mix in one word. Han, Hiragana and Katakana are one group (Japanese writes with all
 * three), and Han with Hangul (Korean).
 */
const SCRIPT_GROUPS: readonly (readonly [string, RegExp])[] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Cherokee", /\p{Script=Cherokee}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["CJK", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
];

/** The scripts of the letters in `text`, in order of first appearance ("Latin", "Cyrillic"…). */
export function scriptsOf(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    // Letters shared by every script (the Japanese long-vowel mark ー) belong to none.
    if (!/\p{L}/u.test(char) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(char)) continue;
    const group = SCRIPT_GROUPS.find(([, pattern]) => pattern.test(char))?.[0] ?? "Other";
    if (!found.includes(group)) found.push(group);
  }
  return found;
}

/** Scripts an identifier mixes (two or more), or null when it keeps to one. */
export function mixedScripts(text: string): string[] | null {
  const scripts = scriptsOf(text);
  return scripts.length > 1 ? scripts : null;
}
