// The colleague's read-only view of a decision's checklist, rendered to HTML: the template, the
// answer counts, every item not met or needing information with its question and the reviewer's
// note from the review, the items decided without, the findings overridden, the declaration.
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ChecklistSummary } from "../../../renderer/src/features/countersign/ChecklistSummary.js";
import { initI18n } from "../../../renderer/src/i18n/index.js";
import { reviewItem, reviewView } from "../review-fixture.js";

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

const independence = { declared: true as const, statement: "I have no interest in the case.", declaredAt: "2026-11-20T09:00:00Z" };

describe("the checklist summary of a colleague's decision", () => {
  it("counts the answers and lists what was not met, deferred or overridden, with the review's notes", () => {
    const review = reviewView({ items: [reviewItem("L1", { answer: "met" }), reviewItem("N2", { answer: "not-met", note: "The facts do not name the account." }), reviewItem("M1", { answer: "info" })] });
    const { related: _related, ...withoutRelated } = review;
    void _related;
    const shown = text(ChecklistSummary, {
      checklist: {
        templateId: "eu-production-order",
        templateVersion: "2026.1",
        items: [
          { id: "L1", answer: "met" },
          { id: "N2", answer: "not-met" },
          { id: "M1", answer: "info" },
        ],
        deferredItems: [{ id: "M4", reason: "Not needed for subscriber data." }],
        overriddenFindings: [{ ruleId: "L3-issuer-competence", itemId: "L3", finding: "A police issuer may not order traffic data alone.", note: "A judge validated the order." }],
      },
      review: withoutRelated,
      independence,
    });
    expect(shown).toContain("eu-production-order · 2026.1");
    expect(shown).toContain("Met: 1 · Not met: 1 · Not applicable: 0 · Needs information: 1");
    expect(shown).toContain("N2 Not met · Question of N2? The facts do not name the account.");
    expect(shown).toContain("M1 Needs information · Question of M1?");
    expect(shown).not.toContain("L1 Met");
    expect(shown).toContain("Decided without these open items M4 Not needed for subscriber data.");
    expect(shown).toContain("L3 A police issuer may not order traffic data alone. (L3-issuer-competence) A judge validated the order.");
    expect(shown).toContain("I have no interest in the case. (20 Nov 2026");
  });

  it("says so when nothing was flagged or overridden", () => {
    const { related: _related, ...review } = reviewView();
    void _related;
    const shown = text(ChecklistSummary, { checklist: { templateId: "t", templateVersion: "1", items: [{ id: "L1", answer: "met" }], overriddenFindings: [] }, review, independence });
    expect(shown).toContain("None: every applicable item was met or not applicable.");
    expect(shown).toContain("Findings overridden None.");
    expect(shown).not.toContain("Decided without these open items");
  });
});
