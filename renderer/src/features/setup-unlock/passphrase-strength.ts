// A small, honest passphrase strength estimate for a hint beside the field: length, character
// classes, and the patterns people reach for (common passwords, repeats, sequences, keyboard rows,
// years). It is a hint, not a guarantee; it errs towards calling things weaker.

export type StrengthLevel = "weak" | "fair" | "strong";
export type StrengthHint = "too-short" | "common" | "repeats" | "sequence" | "one-class" | "add-length";

export interface StrengthEstimate {
  level: StrengthLevel;
  /** Rough guessing entropy in bits, after pattern penalties. */
  bits: number;
  hints: StrengthHint[];
}

const COMMON = [
  "password", "passw0rd", "p@ssw0rd", "qwerty", "azerty", "qwertz", "letmein", "welcome", "admin", "administrator",
  "iloveyou", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "shadow", "master", "secret",
  "changeme", "default", "login", "trustno1", "counterseal", "passphrase", "summer", "winter", "spring", "autumn",
  "123456", "12345678", "123456789", "1234567890", "111111", "000000", "abc123", "motdepasse", "passwort", "wachtwoord", "haslo",
];

const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm", "1234567890"];
const ALPHABET = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

export const MIN_LENGTH = 10;
const WORD_BITS = 15;
const FAIR_BITS = 40;
const STRONG_BITS = 75;

function poolSize(text: string): { pool: number; classes: number } {
  let pool = 0;
  let classes = 0;
  const add = (test: RegExp, size: number) => {
    if (test.test(text)) {
      pool += size;
      classes += 1;
    }
  };
  add(/[a-z]/, 26);
  add(/[A-Z]/, 26);
  add(/[0-9]/, 10);
  add(/[ ]/, 1);
  add(/[!-/:-@[-`{-~]/, 33);
  add(/[^\x20-\x7e]/u, 100);
  return { pool: Math.max(pool, 1), classes };
}

/** Marks characters that belong to a run of 3+ repeated, sequential or keyboard-adjacent characters. */
function patternMask(lower: string): { mask: boolean[]; repeats: boolean; sequence: boolean } {
  const chars = [...lower];
  const mask = chars.map(() => false);
  let repeats = false;
  let sequence = false;
  const mark = (start: number, end: number) => {
    for (let i = start; i < end; i++) mask[i] = true;
  };
  // Repeats: "aaa", "1111"
  for (let i = 0; i < chars.length; ) {
    let j = i + 1;
    while (j < chars.length && chars[j] === chars[i]) j++;
    if (j - i >= 3) {
      mark(i, j);
      repeats = true;
    }
    i = j;
  }
  // Sequences along the alphabet, digits or a keyboard row, forwards or backwards: "abcd", "4321", "asdf"
  const lines = [ALPHABET, DIGITS, ...KEYBOARD_ROWS];
  for (let i = 0; i + 2 < chars.length; i++) {
    for (const line of lines) {
      for (const dir of [1, -1]) {
        let j = i;
        while (j + 1 < chars.length) {
          const a = line.indexOf(chars[j] ?? "");
          const b = line.indexOf(chars[j + 1] ?? "");
          if (a < 0 || b < 0 || b - a !== dir) break;
          j++;
        }
        if (j - i + 1 >= 3) {
          mark(i, j + 1);
          sequence = true;
        }
      }
    }
  }
  // Years 1900-2099 count as a pattern too.
  for (const match of lower.matchAll(/(19|20)\d\d/g)) {
    mark(match.index, match.index + 4);
    sequence = true;
  }
  return { mask, repeats, sequence };
}

export function estimateStrength(passphrase: string): StrengthEstimate {
  const hints: StrengthHint[] = [];
  const length = [...passphrase].length;
  if (length === 0) return { level: "weak", bits: 0, hints: ["too-short"] };

  const lower = passphrase.toLowerCase();
  const { pool, classes } = poolSize(passphrase);
  const { mask, repeats, sequence } = patternMask(lower);

  // A common password inside the passphrase costs about as much as one guess from a short list.
  let commonChars = 0;
  let common = false;
  const unleet = lower.replace(/0/g, "o").replace(/[1!]/g, "i").replace(/3/g, "e").replace(/[4@]/g, "a").replace(/[5$]/g, "s");
  for (const word of COMMON) {
    if (lower.includes(word) || unleet.includes(word)) {
      common = true;
      commonChars = Math.max(commonChars, word.length);
    }
  }

  // Runs of 4+ letters are probably words: a word costs an attacker about one pick from a large
  // dictionary (~15 bits), not one guess per letter.
  const perChar = Math.log2(pool);
  const chars = [...lower];
  let bits = 0;
  let inWordRun = 0;
  const flushWord = () => {
    if (inWordRun >= 4) bits += Math.min(inWordRun * perChar, WORD_BITS);
    else bits += inWordRun * perChar;
    inWordRun = 0;
  };
  chars.forEach((char, index) => {
    if (mask[index]) {
      flushWord();
      return;
    }
    if (/\p{L}/u.test(char)) {
      inWordRun += 1;
      return;
    }
    flushWord();
    bits += perChar;
  });
  flushWord();
  const patterned = mask.filter(Boolean).length;
  // A pattern or a known password is still a guess or two, not nothing.
  if (patterned > 0) bits += perChar;
  if (common) bits = Math.max(0, bits - commonChars * perChar) + perChar;
  // Multi-word passphrases: several words separated by spaces or punctuation are a good habit.
  const words = passphrase.split(/[\s\-_.,;]+/).filter((word) => word.length >= 3);
  if (words.length >= 4 && !common) bits += 8;
  bits = Math.round(bits);

  if (length < MIN_LENGTH) hints.push("too-short");
  if (common) hints.push("common");
  if (repeats) hints.push("repeats");
  if (sequence) hints.push("sequence");
  if (classes <= 1 && words.length < 4) hints.push("one-class");

  let level: StrengthLevel = bits >= STRONG_BITS ? "strong" : bits >= FAIR_BITS ? "fair" : "weak";
  // Short or mostly a known password stays weak, whatever the arithmetic says.
  if (length < 8 || (common && length - commonChars < 6)) level = "weak";
  else if (length < MIN_LENGTH && level === "strong") level = "fair";
  if (level !== "strong" && !hints.includes("too-short")) hints.push("add-length");
  return { level, bits, hints };
}
