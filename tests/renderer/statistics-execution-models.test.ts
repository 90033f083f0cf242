// The statistics screen's and the execution form's pure parts: a chart gets the published counts
// alone (a withheld one is a gap, never its value), which tables are charted and how, the period
// and threshold checks, and the execution form's arguments (only the fields the outcome carries).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTransparencyReport } from "../../shared/statistics/report.js";
import type { CaseFacts } from "../../shared/statistics/case-facts.js";
import type { DecisionView } from "../../shared/api/decisions.js";
import { REPORT_FORMATS } from "../../shared/api/statistics.js";
import { EXECUTION_OUTCOMES, EXECUTION_SOURCES, NON_COMPLIANCE_GROUNDS } from "../../shared/vocabulary/execution-outcomes.js";
import { CHARTED_TABLES, chartKindOf, chartOf, chartSize, isDay, parseThreshold, periodProblems } from "../../renderer/src/features/statistics/statistics-model.js";
import { EMPTY_DRAFT, executionStanding, localToIso, recordArgsOf } from "../../renderer/src/features/executions/execution-model.js";
import { parseRoute, routeHash, navSectionOf } from "../../renderer/src/app/routes.js";

const fact = (month: string, outcome: CaseFacts["outcome"], cases: number): CaseFacts => ({
  month,
  instrument: "eu-production-order",
  urgency: "routine",
  authority: "nl-om-rotterdam",
  country: "NL",
  provider: "Northwind Mail Ltd",
  categories: ["subscriber"],
  nonDisclosure: false,
  outcome,
  decisionFinal: true,
  refusalGrounds: outcome === "refused" ? ["L1"] : [],
  executionOutcome: null,
  executionGround: null,
  cases,
  receiptToDecisionMs: [],
  issueToDataMs: [],
});

const report = buildTransparencyReport(
  { cases: [fact("2026-01", "authorised", 12), fact("2026-02", "authorised", 9), fact("2026-02", "refused", 3)], grievances: [] },
  { from: "2026-01-01", to: "2026-03-31", timeZone: "Europe/Brussels", threshold: 5, generatedAt: "2026-04-01T00:00:00.000Z" },
);
const table = (id: string) => {
  const found = report.tables.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe("the statistics screen's charts", () => {
  it("charts each table the report has in CHARTED_TABLES, the bars over time upright and the breakdowns sideways", () => {
    const ids = report.tables.map((t) => t.id);
    for (const id of Object.keys(CHARTED_TABLES)) expect(ids, id).toContain(id);
    expect(chartKindOf(table("received-by-month"))).toBe("over-time");
    expect(chartKindOf(table("outcomes"))).toBe("breakdown");
    expect(chartKindOf(table("compliance-by-provider"))).toBeUndefined();
    expect(chartSize(table("received-by-urgency"), "breakdown")).toBe("small");
    expect(chartSize(table("received-by-instrument"), "breakdown")).toBe("medium");
  });

  it("draws only what the report publishes: a withheld count is a gap, never a bar of its value", () => {
    const outcomes = chartOf(table("outcomes-by-month"));
    expect(outcomes.labels).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(outcomes.series.map((series) => series.key)).toEqual(["authorised", "authorised-with-modifications", "refused", "returned", "awaiting-countersignature", "undecided"]);
    // January's 12 and February's 9 authorised are withheld as complements of February's 3 refused.
    expect(outcomes.series.find((series) => series.key === "authorised")?.values).toEqual([null, null, 0]);
    expect(outcomes.series.find((series) => series.key === "refused")?.values).toEqual([0, null, 0]);
    expect(outcomes.withheld).toBe(3);
    expect(JSON.stringify(outcomes.series.map((series) => series.values))).not.toMatch(/\b(3|9|12)\b/);
    expect(chartOf(table("received-by-month"))).toEqual({ labels: ["2026-01", "2026-02", "2026-03"], series: [{ key: "requests", label: "requests", values: [12, 12, 0] }], withheld: 0 });
  });
});

describe("the statistics screen's fields", () => {
  it("takes real days only, the last not before the first", () => {
    expect(isDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-1-01", "01/02/2026", ""]) expect(isDay(bad), bad).toBe(false);
    expect(periodProblems("2026-01-01", "2026-12-31")).toEqual([]);
    expect(periodProblems(" 2026-01-01 ", "2026-01-01")).toEqual([]);
    expect(periodProblems("2026-02-30", "x")).toEqual(["from-invalid", "to-invalid"]);
    expect(periodProblems("2026-12-31", "2026-01-01")).toEqual(["order"]);
  });

  it("takes a threshold from 1 to 1000, whole", () => {
    expect([parseThreshold("1"), parseThreshold(" 5 "), parseThreshold("1000")]).toEqual([1, 5, 1000]);
    for (const bad of ["0", "1001", "2.5", "-3", "five", ""]) expect(parseThreshold(bad), bad).toBeNull();
  });

  it("has a route and a navigation entry of its own", () => {
    expect(parseRoute(routeHash({ screen: "statistics" }))).toEqual({ screen: "statistics" });
    expect(routeHash({ screen: "statistics" })).toBe("#/statistics");
    expect(parseRoute("#/statistics/x")).toEqual({ screen: "inbox" });
    expect(navSectionOf({ screen: "statistics" })).toBe("statistics");
  });
});

const decision = (overrides: Partial<DecisionView>): DecisionView => ({ id: "D1", outcome: "authorised", status: "final", supersededBy: null, ...overrides }) as DecisionView;

describe("the execution form", () => {
  it("sends a production time for complied and complied in part, a ground for not complied, and nothing else", () => {
    expect(recordArgsOf(EMPTY_DRAFT, "D1")).toEqual({ problems: ["outcome"] });
    expect(recordArgsOf({ ...EMPTY_DRAFT, outcome: "complied" }, "D1")).toEqual({ problems: ["producedAt"] });
    expect(recordArgsOf({ ...EMPTY_DRAFT, outcome: "not-complied" }, "D1")).toEqual({ problems: ["ground"] });
    const at = "2026-11-25T14:30:00";
    expect(recordArgsOf({ outcome: "complied-in-part", producedAt: at, ground: "no-data", note: "  October only. " }, "D1")).toEqual({
      args: { target: { decision: "D1" }, outcome: "complied-in-part", producedAt: new Date(at).toISOString(), note: "October only." },
    });
    expect(recordArgsOf({ outcome: "not-complied", producedAt: at, ground: "overbroad", note: " " }, "D1")).toEqual({ args: { target: { decision: "D1" }, outcome: "not-complied", ground: "overbroad" } });
    expect(recordArgsOf({ ...EMPTY_DRAFT, outcome: "enforcing-state-objected" }, "D1")).toEqual({ args: { target: { decision: "D1" }, outcome: "enforcing-state-objected" } });
  });

  it("reads the field's local date and time as an instant, refusing anything else", () => {
    expect(localToIso("2026-11-25T14:30:00")).toBe(new Date(2026, 10, 25, 14, 30).toISOString());
    for (const bad of ["", "2026-11-25", "2026-11-25T14:30:00Z", "2026-02-30T10:00:00x"]) expect(localToIso(bad), bad).toBeNull();
  });

  it("offers the form only on a current, final authorisation", () => {
    expect(executionStanding(decision({}))).toBe("open");
    expect(executionStanding(decision({ outcome: "authorised-with-modifications" }))).toBe("open");
    expect(executionStanding(decision({ outcome: "refused" }))).toBe("not-authorisation");
    expect(executionStanding(decision({ supersededBy: "D2" }))).toBe("superseded");
    expect(executionStanding(decision({ status: "awaiting-countersignature" }))).toBe("not-final");
  });

});

describe("the catalogue for these screens", () => {
  const catalogue = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", "..", "renderer/src/i18n/en.json"), "utf8")) as Record<string, Record<string, Record<string, string>>>;
  it("names every execution outcome, ground, source and export format", () => {
    for (const outcome of EXECUTION_OUTCOMES) expect(catalogue["execution"]?.["outcomeName"]?.[outcome], outcome).toBeTruthy();
    for (const ground of NON_COMPLIANCE_GROUNDS) expect(catalogue["execution"]?.["groundName"]?.[ground], ground).toBeTruthy();
    for (const source of EXECUTION_SOURCES) expect(catalogue["execution"]?.["source"]?.[source], source).toBeTruthy();
    for (const format of REPORT_FORMATS) expect(catalogue["statistics"]?.["export"]?.[format], format).toBeTruthy();
    expect(catalogue["nav"]?.["statistics"]).toBe("Statistics");
  });
});

// WCAG 2.x relative luminance and contrast ratio, as tests/renderer/catalogue-and-build.test.ts computes them.
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
const palette = (block: string): Record<string, string> => Object.fromEntries([...block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] ?? "", m[2] ?? ""]));

describe("the charts' colours", () => {
  const read = (file: string) => readFileSync(path.resolve(import.meta.dirname, "..", "..", file), "utf8");
  const app = read("renderer/src/styles/app.css");
  const charts = read("renderer/src/styles/statistics.css");
  const dark = "@media (prefers-color-scheme: dark)";
  const schemes = [
    ["light", palette(app.slice(0, app.indexOf(dark))), palette(charts.slice(0, charts.indexOf(dark)))],
    ["dark", palette(app.slice(app.indexOf(dark), app.indexOf("*,"))), palette(charts.slice(charts.indexOf(dark)))],
  ] as const;
  for (const [name, surfaces, bars] of schemes) {
    it(`${name}: every series stands at 3:1 or more against the panel it is drawn on (WCAG 1.4.11)`, () => {
      expect(Object.keys(bars)).toEqual(["chart-1", "chart-2", "chart-3", "chart-4", "chart-5", "chart-6"]);
      for (const [series, colour] of Object.entries(bars)) expect(contrast(colour, surfaces["surface"] ?? "#000000"), series).toBeGreaterThanOrEqual(3);
    });
  }
});

