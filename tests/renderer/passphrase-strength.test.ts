import { describe, expect, it } from "vitest";
import { estimateStrength } from "../../renderer/src/features/setup-unlock/passphrase-strength.js";

describe("estimateStrength", () => {
  it("calls empty and short passphrases weak and says why", () => {
    expect(estimateStrength("")).toMatchObject({ level: "weak", hints: ["too-short"] });
    const short = estimateStrength("Xy7!q");
    expect(short.level).toBe("weak");
    expect(short.hints).toContain("too-short");
  });

  it("sees common passwords, also with digits swapped for letters", () => {
    for (const value of ["password123", "P@ssw0rd2024", "qwertyuiop", "letmein!!"]) {
      const estimate = estimateStrength(value);
      expect(estimate.level, value).toBe("weak");
      expect(estimate.hints, value).toContain("common");
    }
  });

  it("penalises repeats, sequences, keyboard rows and years", () => {
    expect(estimateStrength("aaaaaaaaaaaa").hints).toContain("repeats");
    expect(estimateStrength("abcdefgh1234").hints).toContain("sequence");
    expect(estimateStrength("asdfghjkl;'z").hints).toContain("sequence");
    expect(estimateStrength("Rotterdam1987").hints).toContain("sequence");
    expect(estimateStrength("abcdefghijklmnop").level).toBe("weak");
  });

  it("rates a long multi-word passphrase strong", () => {
    const estimate = estimateStrength("correct horse battery staple");
    expect(estimate.level).toBe("strong");
    expect(estimate.hints).toEqual([]);
  });

  it("rates a medium mixed passphrase fair, with advice to add length", () => {
    const estimate = estimateStrength("Tulip-Gravel9");
    expect(estimate.level).toBe("fair");
    expect(estimate.hints).toContain("add-length");
  });

  it("rates a random-looking mixed password strong", () => {
    expect(estimateStrength("h7#Kp2!xQz9w").level).toBe("strong");
  });

  it("never rates a longer version of a passphrase weaker", () => {
    const base = "Quiet river stones";
    expect(estimateStrength(`${base} glow`).bits).toBeGreaterThanOrEqual(estimateStrength(base).bits);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(estimateStrength("żółw źdźbło ćma").bits).toBeGreaterThan(0);
  });
});
