// The one passphrase rule: what core refuses (store creation and passphrase change, from the CLI
// and the app alike) and what the setup and settings screens show while the passphrase is typed.
//
// A minimum length, and zxcvbn's estimate of how many guesses a cracker needs (zxcvbn-ts with
// its common-password and diceware lists, adjacency graphs for keyboard patterns, dates,
// repeats and sequences). The store's Argon2id cost makes each guess cost about 0.7 s of a
// laptop's work (docs/store.md); zxcvbn's score 3 means at least 10^8 guesses, which at that
// cost is years of computing, where a score of 2 (10^6) would be days.
//
// Pure JavaScript with no Node or DOM use, so it lives in shared/. The dictionaries are about
// 400 KB: the renderer loads this module lazily (StrengthMeter), so only the setup and settings
// screens pay for it.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/** Characters (code points, not UTF-16 units), after NFC normalisation as the store keys it. */
export const MIN_PASSPHRASE_LENGTH = 12;
/** zxcvbn's 0–4 score a passphrase must reach: 3 is at least 10^8 guesses. */
export const MIN_PASSPHRASE_SCORE = 3;

export type PassphraseLevel = "weak" | "fair" | "strong";
export type PassphraseHint = "too-short" | "common" | "repeats" | "sequence" | "dates" | "words" | "personal" | "add-length";

export interface PassphraseAssessment {
  /** Whether core accepts it for a new store or a passphrase change. */
  acceptable: boolean;
  /** weak: refused; fair: accepted (score 3); strong: score 4 and long enough. */
  level: PassphraseLevel;
  /** zxcvbn's score, 0–4. */
  score: number;
  /** What would make it stronger, most important first. */
  hints: PassphraseHint[];
}

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = (): ZxcvbnFactory => (estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

const WARNING_HINTS: Readonly<Record<string, PassphraseHint>> = {
  topTen: "common",
  topHundred: "common",
  common: "common",
  similarToCommon: "common",
  pwned: "common",
  simpleRepeat: "repeats",
  extendedRepeat: "repeats",
  straightRow: "sequence",
  keyPattern: "sequence",
  sequences: "sequence",
  recentYears: "dates",
  dates: "dates",
  wordByItself: "words",
  namesByThemselves: "words",
  commonNames: "words",
  userInputs: "personal",
};

/** Each personal entry whole, without its spaces, and word by word: "Ada Lovelace" is guessed as "adalovelace" too. */
function personalInputs(entries: readonly string[]): string[] {
  const inputs = new Set<string>();
  for (const entry of entries) {
    const words = entry.normalize("NFC").toLowerCase().split(/[\s,.;:()-]+/u).filter((word) => word.length >= 3);
    if (words.length === 0) continue;
    inputs.add(words.join(""));
    for (const word of words) inputs.add(word);
  }
  return [...inputs];
}

const usesPersonalWords = (result: ZxcvbnResult): boolean =>
  result.sequence.some((match) => "dictionaryName" in match && match.dictionaryName === "userInputs");

const hintOf = (result: ZxcvbnResult): PassphraseHint | undefined => (result.feedback.warning ? WARNING_HINTS[result.feedback.warning] : undefined);

/**
 * Rates `passphrase`. `personalWords` are what the person has just typed elsewhere (their name,
 * their office): a passphrase built from them is easy to guess for anyone who knows them.
 */
export function assessPassphrase(passphrase: string, personalWords: readonly string[] = []): PassphraseAssessment {
  const normalised = passphrase.normalize("NFC");
  const length = [...normalised].length;
  if (length === 0) return { acceptable: false, level: "weak", score: 0, hints: ["too-short"] };
  const result = zxcvbn().check(normalised, personalInputs(personalWords));
  const longEnough = length >= MIN_PASSPHRASE_LENGTH;
  const acceptable = longEnough && result.score >= MIN_PASSPHRASE_SCORE;
  const level: PassphraseLevel = !acceptable ? "weak" : result.score >= 4 ? "strong" : "fair";
  const hints: PassphraseHint[] = [];
  if (!longEnough) hints.push("too-short");
  const hint = hintOf(result);
  if (hint) hints.push(hint);
  if (!hints.includes("personal") && usesPersonalWords(result)) hints.push("personal");
  if (level !== "strong" && !hints.includes("too-short")) hints.push("add-length");
  return { acceptable, level, score: result.score, hints };
}

const HINT_SENTENCES: Readonly<Record<PassphraseHint, string>> = {
  "too-short": `it is shorter than ${MIN_PASSPHRASE_LENGTH} characters`,
  common: "it is, or closely resembles, a commonly used password",
  repeats: "it repeats characters or a short pattern",
  sequence: "it follows a sequence or a keyboard row",
  dates: "it relies on a date or a recent year",
  words: "it is a single common word or name",
  personal: "it is built from the name or office entered with it",
  "add-length": "it is too easy to guess",
};

/**
 * Why core refuses `passphrase`, in plain words, or null when it is acceptable. The message names
 * what is wrong and what to do instead, never the passphrase itself.
 */
export function passphraseRefusal(passphrase: string, personalWords: readonly string[] = []): string | null {
  const assessment = assessPassphrase(passphrase, personalWords);
  if (assessment.acceptable) return null;
  const reasons = assessment.hints.map((hint) => HINT_SENTENCES[hint]);
  return (
    `The passphrase is too weak: ${reasons.join("; ")}. ` +
    `Use at least ${MIN_PASSPHRASE_LENGTH} characters that are hard to guess, for example four or more unrelated words.`
  );
}
