// The PDF fonts ship with the app: found beside the sources and beside the built CLI (its main
// file and its chunks), with their licence, and they cover the scripts names are written in.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { FONT_FILES, findFontFolder, loadFonts } from "../../electron/core/decisions/pdf/fonts.js";
import { assertCliBuilt, REPO_ROOT } from "../helpers/cli.js";

describe("the PDF fonts", () => {
  it("are found from the sources", () => {
    expect(findFontFolder(join(REPO_ROOT, "electron", "core", "decisions", "pdf"))).toBe(join(REPO_ROOT, "electron", "core", "decisions", "fonts"));
  });

  it("are copied beside the CLI bundle with their licence, and found from its chunks", async () => {
    assertCliBuilt();
    const cli = join(REPO_ROOT, "dist", "electron", "cli");
    expect(findFontFolder(cli)).toBe(join(cli, "fonts"));
    const chunks = readdirSync(join(cli, "chunks"));
    expect(chunks.length).toBeGreaterThan(0);
    expect(findFontFolder(join(cli, "chunks"))).toBe(join(cli, "fonts"));
    expect(existsSync(join(cli, "fonts", "LICENSE-DejaVu.txt"))).toBe(true);
  });

  it("name the folders they looked in when missing", () => {
    expect(() => findFontFolder("/")).toThrow(`the PDF fonts (${FONT_FILES.regular}, ${FONT_FILES.bold}) are missing; looked in /fonts`);
  });

  it("have glyphs for Polish, Greek, Cyrillic and German letters, in both weights", () => {
    const fonts = loadFonts();
    for (const bytes of [fonts.regular, fonts.bold]) {
      const font = fontkit.create(bytes);
      if (!("hasGlyphForCodePoint" in font)) throw new Error("expected a single font, not a collection");
      for (const char of "ŁłóźĄęΑθήναМоскваüÜß") expect(font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(true);
    }
  });
});
