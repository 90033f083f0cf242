// The one passphrase rule core enforces and the setup screen shows (shared/passphrase).
import { describe, expect, it } from "vitest";
import { assessPassphrase, MIN_PASSPHRASE_LENGTH, passphraseRefusal } from "../../shared/passphrase/passphrase-rule.js";
import { OTHER_TEST_PASSPHRASE, TEST_PASSPHRASE } from "../helpers/passphrases.js";

describe("assessPassphrase", () => {
  it("refuses empty and short passphrases and says why", () => {
    expect(assessPassphrase("")).toEqual({ acceptable: false, level: "weak", score: 0, hints: ["too-short"] });
    const short = assessPassphrase("Xy7!q#Lm2");
    expect(short).toMatchObject({ acceptable: false, level: "weak" });
    expect(short.hints[0]).toBe("too-short");
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
  });

  it("sees common passwords, also with letters swapped for digits", () => {
    for (const value of ["password123456", "P@ssw0rd2024!", "iloveyou1234"]) {
      const assessment = assessPassphrase(value);
      expect(assessment.acceptable, value).toBe(false);
      expect(assessment.hints, value).toContain("common");
    }
  });

  it("refuses repeats, sequences and keyboard rows, however long", () => {
    expect(assessPassphrase("aaaaaaaaaaaaaaaa").hints).toContain("repeats");
    expect(assessPassphrase("abcdefghijklmnop").hints).toContain("sequence");
    expect(assessPassphrase("qwertyuiopasdfgh").acceptable).toBe(false);
  });

  it("refuses a passphrase built from the name and office typed with it", () => {
    const personal = ["Ada Lovelace", "Datatilsynet"];
    const assessment = assessPassphrase("lovelacedatatilsynet", personal);
    expect(assessment.acceptable).toBe(false);
    expect(assessment.hints).toContain("personal");
    // The same words from someone else are only a guess at two words.
    expect(assessPassphrase("lovelacedatatilsynet").hints).not.toContain("personal");
    // Longer, with something of one's own, it passes, and the meter still says what to avoid.
    expect(assessPassphrase("AdaLovelace Datatilsynet", personal)).toMatchObject({ acceptable: true, level: "fair", hints: ["personal", "add-length"] });
  });

  it("accepts several unrelated words and a long random password, and calls them strong", () => {
    for (const value of ["correct horse battery staple", "h7#Kp2!xQz9w", "żółw źdźbło ćma kłębek", TEST_PASSPHRASE, OTHER_TEST_PASSPHRASE]) {
      expect(assessPassphrase(value), value).toMatchObject({ acceptable: true, level: "strong", hints: [] });
    }
  });

  it("counts characters, not UTF-16 units, after NFC normalisation", () => {
    // Twelve characters, six of them outside the BMP (two UTF-16 units each).
    expect(assessPassphrase("🦊🐙🦉🐝🦔🐢 tonnes").hints).not.toContain("too-short");
    // "é" typed as e + combining accent is one character.
    expect(assessPassphrase("e\u0301".repeat(11)).hints).toContain("too-short");
  });
});

describe("passphraseRefusal", () => {
  it("explains a refusal in plain words without repeating the passphrase", () => {
    const refusal = passphraseRefusal("password1");
    expect(refusal).toMatch(/^The passphrase is too weak: it is shorter than 12 characters; it is, or closely resembles, a commonly used password\. Use at least 12 characters/);
    expect(refusal).not.toContain("password1");
  });

  it("says nothing about an acceptable passphrase", () => {
    expect(passphraseRefusal(TEST_PASSPHRASE)).toBeNull();
  });
});
