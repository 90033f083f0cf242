// The catalogue covers every code and enum value the UI shows, and the page's HTML and styles
// keep to the CSP and to WCAG AA contrast.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORY_LIST, INSTRUMENT_LIST, URGENCY_LIST } from "../../renderer/src/api/vocabulary.js";
import { SUPPORTED_LOCALES } from "../../renderer/src/i18n/format.js";
import { DATA_CATEGORIES, INSTRUMENTS, URGENCY_LEVELS } from "../../shared/formats/request.js";
import { REFUSAL_CODES } from "../../shared/formats/refusal-codes.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const catalogue = JSON.parse(read("renderer/src/i18n/en.json")) as Record<string, Record<string, unknown>>;
const section = (name: string) => catalogue[name] ?? {};

describe("the catalogue", () => {
  it("has a plain sentence for every refusal code", () => {
    for (const code of REFUSAL_CODES) expect(section("refusal")[code], code).toMatch(/\.$/);
  });

  it("labels every instrument, urgency, category and locale", () => {
    for (const value of INSTRUMENTS) expect(section("instrument")[value], value).toBeTruthy();
    for (const value of URGENCY_LEVELS) expect(section("urgency")[value], value).toBeTruthy();
    for (const value of DATA_CATEGORIES) expect(section("category")[value], value).toBeTruthy();
    for (const value of SUPPORTED_LOCALES) expect(section("locale")[value], value).toBeTruthy();
  });

  it("mirrors shared/'s vocabulary in the renderer's lists, in the same order", () => {
    expect(INSTRUMENT_LIST).toEqual([...INSTRUMENTS]);
    expect(URGENCY_LIST).toEqual([...URGENCY_LEVELS]);
    expect(CATEGORY_LIST).toEqual([...DATA_CATEGORIES]);
  });

  it("keeps the names the end-to-end tests look for", () => {
    expect(section("setup")).toMatchObject({ formLabel: "Create store", reviewerName: "Reviewer name", office: "Office", passphrase: "Passphrase", repeatPassphrase: "Repeat passphrase" });
    expect(section("unlock")).toMatchObject({ submit: "Unlock", passphrase: "Passphrase" });
    expect(section("nav")).toMatchObject({ inbox: "Inbox", import: "Import", keyring: "Keyring", settings: "Settings", lock: "Lock" });
    expect(section("import")).toMatchObject({ choose: "Import bundles…", fileInput: "Bundle files" });
    expect(section("keyring")).toMatchObject({ revoke: "Revoke", revokeConfirm: "Revoke key" });
  });
});

describe("the page under the CSP", () => {
  it("has no inline script or style in index.html", () => {
    const html = read("renderer/index.html");
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    for (const match of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      expect(match[0]).toMatch(/\ssrc=/);
      expect(match[1]?.trim()).toBe("");
    }
  });

  it("loads no remote fonts or URLs in its styles", () => {
    const css = read("renderer/src/styles/app.css");
    expect(css).not.toMatch(/@import|@font-face|url\(/i);
  });
});

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const value = hex.replace("#", "");
  const channels = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

function palette(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

describe("palette contrast (WCAG AA)", () => {
  const css = read("renderer/src/styles/app.css");
  const light = palette(css.slice(0, css.indexOf("@media (prefers-color-scheme: dark)")));
  const dark = { ...light, ...palette(css.slice(css.indexOf("@media (prefers-color-scheme: dark)"), css.indexOf("*,"))) };

  for (const [name, colours] of [["light", light], ["dark", dark]] as const) {
    it(`${name}: text colours reach 4.5:1 on every surface they sit on`, () => {
      const c = (key: string) => colours[key] ?? "#000000";
      const surfaces = ["bg", "surface", "surface-2", "active-row"];
      for (const text of ["text", "muted", "accent", "danger", "ok", "warn"]) {
        for (const surface of surfaces) expect(contrast(c(text), c(surface)), `${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(c("emergency"), c("emergency-bg"))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c("text"), c("emergency-bg"))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c("ok"), c("ok-bg"))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c("on-accent"), c("accent"))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c("on-accent"), c("danger"))).toBeGreaterThanOrEqual(4.5);
    });

    it(`${name}: focus rings and input borders reach 3:1`, () => {
      const c = (key: string) => colours[key] ?? "#000000";
      for (const surface of ["bg", "surface", "surface-2"]) {
        expect(contrast(c("focus"), c(surface)), `focus on ${surface}`).toBeGreaterThanOrEqual(3);
        expect(contrast(c("line-strong"), c(surface)), `line-strong on ${surface}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
