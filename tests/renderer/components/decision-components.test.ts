// The decision page's parts rendered to HTML: the four-eyes status and the countersignatures that
// came back, the requested-versus-granted table with its changes, and the export buttons (the
// sealed reply offered only where it can go, else why not; what was written, by name).
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { DecisionView } from "../../../shared/api/decisions.js";
import { CountersignaturesSection } from "../../../renderer/src/features/decisions/CountersignaturesSection.js";
import { ExportButtons } from "../../../renderer/src/features/decisions/ExportButtons.js";
import { ScopeDiffTable } from "../../../renderer/src/features/decisions/ScopeDiffTable.js";
import { initI18n } from "../../../renderer/src/i18n/index.js";
import { reviewView } from "../review-fixture.js";

vi.hoisted(() => {
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB", languages: ["en-GB"] }, configurable: true });
});

beforeAll(async () => {
  await initI18n();
});

const text = <P extends object>(component: ComponentType<P>, props: P): string =>
  renderToStaticMarkup(createElement(component, props))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const decision = (over: Partial<DecisionView> & Record<string, unknown>): DecisionView => ({ status: "final", countersignaturesRequired: false, countersignatures: [], ...over }) as DecisionView;

describe("the decision's countersignatures", () => {
  it("says no second reviewer is needed, or that the decision awaits one and is not final", () => {
    expect(text(CountersignaturesSection, { view: decision({}) })).toContain("needs no second reviewer's countersignature: the decision is final as signed");
    const awaiting = text(CountersignaturesSection, { view: decision({ status: "awaiting-countersignature", countersignaturesRequired: true }) });
    expect(awaiting).toContain("Until it is imported the decision is shown and exported as awaiting countersignature, never as final.");
  });

  it("lists each countersignature the view carries, with who, the verdict, reasons and digest", () => {
    const shown = text(CountersignaturesSection, {
      view: decision({
        status: "countersignature-declined",
        countersignaturesRequired: true,
        countersignatures: [{ id: "C1", verdict: "declined", reviewer: { name: "Bea Second", office: "Office", keyId: "0123456789ABCDEF" }, at: "2026-11-28T10:00:00Z", sha256: "ab".repeat(32), reasons: "Location data are not needed." }],
      }),
    });
    expect(shown).toContain("The second reviewer declined to countersign");
    expect(shown).toContain("Declined by Bea Second, Office (key 0123456789ABCDEF), 28 Nov 2026");
    expect(shown).toContain("Location data are not needed.");
    expect(shown).toContain("abababababababab abab");
  });
});

describe("the scope table", () => {
  it("shows requested beside granted and the grant's changes, or nothing granted", () => {
    const view = reviewView();
    const narrowed = text(ScopeDiffTable, { requested: view.requestedScope, granted: { ...view.requestedScope, categories: ["subscriber"], retentionDays: 90 }, headingId: "x" });
    expect(narrowed).toContain("Data categories Subscriber, Traffic Subscriber");
    expect(narrowed).toContain("Retention 180 days 90 days");
    expect(narrowed).toContain("traffic data: not granted");
    expect(narrowed).toContain("retention 180 days narrowed to 90");
    const refused = text(ScopeDiffTable, { requested: view.requestedScope, granted: null, headingId: "x" });
    expect(refused).toContain("Data categories Subscriber, Traffic Nothing (not granted)");
  });
});

describe("the export buttons", () => {
  const buttons = (html: string) => [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((match) => (match[1] ?? "").replace(/<[^>]+>/g, ""));
  it("offers the sealed reply only where it can go, and says why not otherwise", () => {
    const can = renderToStaticMarkup(createElement(ExportButtons, { state: { state: "idle" }, onExport: () => undefined, sealUnavailable: null }));
    expect(buttons(can)).toEqual(["Export verification copy…", "Export sealed reply…"]);
    const cannot = renderToStaticMarkup(createElement(ExportButtons, { state: { state: "idle" }, onExport: () => undefined, sealUnavailable: "No recipient." }));
    expect(buttons(cannot)).toEqual(["Export verification copy…"]);
    expect(cannot).toContain("No recipient.");
  });

  it("names the folder and the files written, a cancelled dialog, and a refusal with its code", () => {
    const done = text(ExportButtons, { state: { state: "done", kind: "sealed", result: { saved: true, folder: "court", files: ["D1.json", "D1.sealed"], sealedTo: "nl-om", sha256: "0" } }, onExport: () => undefined, sealUnavailable: null });
    expect(done).toContain("Exported to the folder court, with the reply sealed to nl-om: D1.json, D1.sealed.");
    expect(text(ExportButtons, { state: { state: "cancelled", kind: "copy" }, onExport: () => undefined, sealUnavailable: null })).toContain("Export cancelled; nothing was written.");
    const failed = text(ExportButtons, { state: { state: "failed", kind: "copy", error: { message: "a file is already there", code: "export-target-exists" } }, onExport: () => undefined, sealUnavailable: null });
    expect(failed).toContain("Nothing was exported: a file is already there");
    expect(failed).toContain("Code: export-target-exists");
  });
});
