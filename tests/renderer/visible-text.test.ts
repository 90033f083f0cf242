// The renderer's marking of hidden characters in request text, as a pure function.
import { describe, expect, it } from "vitest";
import { hiddenToken, markHiddenCharacters, visibleText } from "../../renderer/src/features/request/visible-text.js";

describe("markHiddenCharacters", () => {
  it("replaces a right-to-left override by a visible token, in the order the bytes are stored", () => {
    expect(visibleText("invoice_\u202Efdp.exe")).toBe("invoice_⟨U+202E⟩fdp.exe");
    expect(markHiddenCharacters("a\u202Eb")).toEqual([
      { kind: "text", text: "a" },
      { kind: "hidden", codePoint: 0x202e, token: "⟨U+202E⟩", description: "U+202E RIGHT-TO-LEFT OVERRIDE" },
      { kind: "text", text: "b" },
    ]);
  });

  it.each([
    ["bidi embeddings and pops", "\u202A\u202B\u202C\u202D", "⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩"],
    ["bidi isolates", "\u2066\u2067\u2068\u2069", "⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩"],
    ["zero-width characters", "\u200B\u200C\u200D", "⟨U+200B⟩⟨U+200C⟩⟨U+200D⟩"],
    ["marks, word joiner and byte order mark", "\u200E\u200F\u2060\uFEFF", "⟨U+200E⟩⟨U+200F⟩⟨U+2060⟩⟨U+FEFF⟩"],
    ["a soft hyphen and a tag character outside the BMP", "\u00AD\u{E0041}", "⟨U+00AD⟩⟨U+E0041⟩"],
    ["control characters and separators", "\u0000\u0007\u001B\u2028\u2029", "⟨U+0000⟩⟨U+0007⟩⟨U+001B⟩⟨U+2028⟩⟨U+2029⟩"],
  ])("marks %s", (_name, hidden, marked) => {
    expect(visibleText(`x${hidden}y`)).toBe(`x${marked}y`);
  });

  it("keeps line breaks and tabs, which lay prose out, and ordinary text in any script", () => {
    const prose = "Première ligne\n\tשלום עולם\r\nмир 🌍";
    expect(markHiddenCharacters(prose)).toEqual([{ kind: "text", text: prose }]);
    expect(markHiddenCharacters("")).toEqual([]);
  });

  it("names the character for the token's tooltip", () => {
    expect(markHiddenCharacters("\u200B")[0]).toMatchObject({ description: "U+200B ZERO WIDTH SPACE" });
    expect(markHiddenCharacters("\u{E0041}")[0]).toMatchObject({ description: "U+E0041 (an invisible format character)" });
    expect(hiddenToken(0xfeff)).toBe("⟨U+FEFF⟩");
  });
});
