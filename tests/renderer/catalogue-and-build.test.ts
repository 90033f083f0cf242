// The catalogue covers every code and enum value the UI shows, the page's code takes the
// vocabularies from shared/vocabulary without pulling zod in, and the page's HTML and styles keep
// to the CSP and to WCAG AA contrast.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../renderer/src/i18n/format.js";
import { AUTHORITY_KINDS } from "../../shared/vocabulary/authority-kinds.js";
import { DATA_CATEGORIES } from "../../shared/vocabulary/data-categories.js";
import { DECISION_OUTCOMES } from "../../shared/vocabulary/decision-outcomes.js";
import { INSTRUMENTS } from "../../shared/vocabulary/instruments.js";
import { REFUSAL_CODES } from "../../shared/vocabulary/refusal-codes.js";
import { REQUEST_STATUSES } from "../../shared/vocabulary/request-statuses.js";
import { TARGET_KINDS, TARGET_ROLES } from "../../shared/vocabulary/targets.js";
import { URGENCY_LEVELS } from "../../shared/vocabulary/urgencies.js";
import { DECISION_STATUSES } from "../../shared/api/decisions.js";
import { GRIEVANCE_OUTCOMES } from "../../shared/vocabulary/grievance-outcomes.js";
import { KEYRING_KINDS } from "../../shared/vocabulary/keyring-kinds.js";
import { COUNTERSIGNATURE_VERDICTS } from "../../shared/vocabulary/countersignature-verdicts.js";
import { COMPLAINANT_KINDS, GRIEVANCE_CONCERN_KINDS, GRIEVANCE_GROUNDS, GRIEVANCE_REMEDIES } from "../../shared/vocabulary/grievance-vocabulary.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const catalogue = JSON.parse(read("renderer/src/i18n/en.json")) as Record<string, Record<string, unknown>>;
const section = (name: string) => catalogue[name] ?? {};

describe("the catalogue", () => {
  it("has a plain sentence for every refusal code", () => {
    for (const code of REFUSAL_CODES) expect(section("refusal")[code], code).toMatch(/\.$/);
  });

  it("labels every value of every vocabulary the UI shows, and every locale", () => {
    const labelled: [string, readonly string[]][] = [
      ["instrument", INSTRUMENTS],
      ["urgency", URGENCY_LEVELS],
      ["category", DATA_CATEGORIES],
      ["status", REQUEST_STATUSES],
      ["authorityKind", AUTHORITY_KINDS],
      ["targetKind", TARGET_KINDS],
      ["targetRole", TARGET_ROLES],
      ["locale", SUPPORTED_LOCALES],
      ["outcome", DECISION_OUTCOMES],
      ["decisionStatus", DECISION_STATUSES],
      ["complainantKind", COMPLAINANT_KINDS],
      ["concernKind", GRIEVANCE_CONCERN_KINDS],
      ["grievanceGround", GRIEVANCE_GROUNDS],
      ["grievanceRemedy", GRIEVANCE_REMEDIES],
      ["grievanceOutcomeName", GRIEVANCE_OUTCOMES],
    ];
    for (const [name, values] of labelled) {
      for (const value of values) expect(section(name)[value], `${name}.${value}`).toBeTruthy();
    }
    const keyring = section("keyring") as Record<string, Record<string, string>>;
    for (const field of ["kind", "kindHint", "nameLabel", "countryLabel", "problemName", "problemCountry", "minisignKeyHintKind", "ageRecipientHintKind"]) {
      for (const kind of KEYRING_KINDS) expect(keyring[field]?.[kind], `keyring.${field}.${kind}`).toBeTruthy();
    }
    const answer = (section("countersign") as Record<string, Record<string, Record<string, string>>>)["answer"] ?? {};
    for (const field of ["choice", "choiceHint", "reasonsHint", "button", "confirmTitle", "confirmBody", "confirm"]) {
      for (const verdict of COUNTERSIGNATURE_VERDICTS) expect(answer[field]?.[verdict], `countersign.answer.${field}.${verdict}`).toBeTruthy();
    }
  });

  it("keeps the names the end-to-end tests look for", () => {
    expect(section("setup")).toMatchObject({ formLabel: "Create store", reviewerName: "Reviewer name", office: "Office", passphrase: "Passphrase", repeatPassphrase: "Repeat passphrase" });
    expect(section("unlock")).toMatchObject({ submit: "Unlock", passphrase: "Passphrase" });
    expect(section("nav")).toMatchObject({ inbox: "Inbox", import: "Import", keyring: "Keyring", settings: "Settings", lock: "Lock", decisions: "Decisions", grievances: "Grievances" });
    expect(section("import")).toMatchObject({ choose: "Import bundles…" });
    expect(section("keyring")).toMatchObject({ revoke: "Revoke", revokeConfirm: "Revoke key", kindLabel: "Kind of entry", kind: { authority: "Issuing authority", reviewer: "Colleague reviewer", committee: "Committee" } });
    expect(section("nav")).toMatchObject({ "countersign-requests": "Countersignatures" });
  });
});

/** Every module esbuild bundles from `entry` (CSS and Vite's `?url` assets left aside), repo-relative. */
async function bundledModules(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
    loader: { ".css": "empty" },
    plugins: [{ name: "vite-assets", setup: (b) => b.onResolve({ filter: /\?url$/ }, (args) => ({ path: args.path, external: true })) }],
  });
  return Object.keys(result.metafile.inputs);
}

describe("the page's code", () => {
  it("takes its vocabularies from shared/vocabulary at run time and the contract's types only, without zod", async () => {
    const modules = await bundledModules("renderer/src/main.tsx");
    expect(modules).toEqual(expect.arrayContaining(["shared/vocabulary/instruments.ts", "shared/vocabulary/data-categories.ts", "shared/vocabulary/request-statuses.ts"]));
    // The contract's types are used through `import type`, which leaves no module behind.
    expect(modules.filter((module) => module.startsWith("shared/api/"))).toEqual([]);
    expect(modules.filter((module) => /(^|\/)node_modules\/zod\//.test(module))).toEqual([]);
  }, 30_000);

  it("would show zod if a module the page imports pulled it in", async () => {
    const modules = await bundledModules("shared/formats/request.ts");
    expect(modules.some((module) => module.includes("node_modules/zod/"))).toBe(true);
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
