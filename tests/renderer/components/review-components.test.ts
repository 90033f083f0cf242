// The workspace's components rendered to HTML (react-dom/server) from store states the core's
// answers produce: what an item shows, that a pending answer is named as pending and a failed one
// as failed with the core's words, that nothing answers before the declaration, the scope diff,
// the completeness check, the clocks, carried-over answers and the intrusion table.
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReviewView } from "../../../shared/api/review.js";
import { CarriedOverPanel } from "../../../renderer/src/features/review/CarriedOverPanel.js";
import { ClocksBar } from "../../../renderer/src/features/review/ClocksBar.js";
import { CompletenessPanel } from "../../../renderer/src/features/review/CompletenessPanel.js";
import { IntrusionPanel } from "../../../renderer/src/features/review/IntrusionPanel.js";
import { ReviewSteps } from "../../../renderer/src/features/review/ReviewSteps.js";
import { ScopePanel } from "../../../renderer/src/features/review/ScopePanel.js";
import { initI18n } from "../../../renderer/src/i18n/index.js";
import { useReview, type ReviewStep } from "../../../renderer/src/store/review.js";
import { reviewItem, reviewView } from "../review-fixture.js";

// The settings store reads the browser's languages when it is made; Node 20 has no navigator.
vi.hoisted(() => {
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB", languages: ["en-GB"] }, configurable: true });
});

const render = <P extends object>(component: ComponentType<P>, props: P): string => renderToStaticMarkup(createElement(component, props));
/** The page's text as a reader meets it: tags dropped, entities read, spaces squeezed. */
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

type ReviewFields = Partial<ReturnType<typeof useReview.getState>>;

/**
 * Puts the review store in a state for the next render. zustand answers a server render with the
 * store's initial state object, so the fields go there too (this file's renders are all server ones).
 */
function show(fields: ReviewFields): void {
  useReview.setState(fields);
  Object.assign(useReview.getInitialState(), fields);
}

function steps(view: ReviewView, options: { step?: ReviewStep; current?: string; readOnly?: boolean } = {}): string {
  show({ view, step: options.step ?? "legality", currentItem: options.current ?? "L3" });
  return render(ReviewSteps, { view, detail: null, readOnly: options.readOnly ?? false, headingRef: { current: null }, onLeaveNote: () => undefined });
}

beforeAll(async () => {
  await initI18n();
});

beforeEach(() => show({ view: null, currentItem: null, pending: {}, saves: {}, drafts: {} }));

describe("a checklist item", () => {
  it("shows its question, guidance, sources, blocking flag and findings, with progress per area", () => {
    const html = steps(reviewView());
    const words = text(html);
    expect(words).toContain("L3 Question of L3?");
    expect(words).toContain("How to read L3.");
    expect(words).toContain("Source of L3");
    expect(words).toContain("Blocking: “not met” rules out a favourable decision");
    expect(words).toContain("Finding L3-issuer-competence Open A police issuer may not order traffic data alone. Source: Reg. 2023/1543 Art 4(2)");
    expect(words).toContain("Your note on L3-issuer-competence (required)");
    expect(words).toMatch(/Accept.*Override/);
    expect(words).toContain("Legality 0 of 2 answered");
    expect(words).toContain("Necessity and proportionality 1 of 1 answered");
  });

  it("lists the items that do not apply apart, with why, and not as questions", () => {
    const words = text(steps(reviewView()));
    expect(words).toContain("1 item does not apply L4 Question of L4? — The order is not an emergency.");
    expect(words).not.toContain('option" aria-label="L4');
  });

  it("names an answer on its way as pending, beside what is stored", () => {
    const view = reviewView();
    show({ view, step: "legality", currentItem: "L3", pending: { L3: { answer: "met", note: null, evidence: [] } }, saves: { "answer:L3": { status: "saving" } } });
    const html = render(ReviewSteps, { view, detail: null, readOnly: false, headingRef: { current: null }, onLeaveNote: () => undefined });
    const words = text(html);
    expect(words).toContain("Saving “Met”. Stored so far: no answer.");
    expect(words).toContain("Saving The answer to L3…");
    expect(words).toMatch(/L3 Saving…/);
  });

  it("shows a failed save with the core's words and code, and a way to retry; the stored answer stays", () => {
    const view = reviewView({ items: reviewView().items.map((item) => (item.id === "L3" ? { ...item, answer: "not-met" as const } : item)) });
    show({ view, step: "legality", currentItem: "L3", saves: { "answer:L3": { status: "failed", error: { message: "the disk is full", code: "internal" } } } });
    const html = render(ReviewSteps, { view, detail: null, readOnly: false, headingRef: { current: null }, onLeaveNote: () => undefined });
    const words = text(html);
    expect(html).toContain('role="alert"');
    expect(words).toContain("The answer to L3 was not saved: the disk is full");
    expect(words).toContain("Code: internal");
    expect(words).toContain("Try again");
    expect(words).toMatch(/L3 Not saved/);
    expect(html).toMatch(/<input[^>]*checked=""[^>]*value="not-met"/);
  });

  it("answers nothing before the independence declaration", () => {
    const html = steps(reviewView({ independence: null }), { readOnly: true });
    for (const answer of ["met", "not-met", "na", "info"]) expect(html).toMatch(new RegExp(`<input[^>]*disabled=""[^>]*value="${answer}"|<input[^>]*value="${answer}"[^>]*disabled=""`));
  });

  it("shows a carried-over answer as one to confirm, not as an answer", () => {
    const items = [reviewItem("L1", { answer: "met", carriedOver: { revision: 1, answer: "met", note: "Checked the basis." } })];
    const words = text(steps(reviewView({ items, unanswered: ["L1"] }), { current: "L1" }));
    expect(words).toContain("Revision 1 answered “Met”. Note: Checked the basis.");
    expect(words).toContain("Confirm L1");
    expect(words).toMatch(/L1 To confirm/);
  });
});

describe("the scope panel", () => {
  it("shows requested beside granted and the changes in plain words", () => {
    const base = reviewView();
    const [email] = base.requestedScope.targets;
    if (!email) throw new Error("fixture has targets");
    const view = reviewView({
      grantedScope: { ...base.requestedScope, categories: ["subscriber"], targets: [{ ...email, restriction: "mail headers only" }], retentionDays: 90, conditions: [{ kind: "report-back-by", date: "2026-12-31", text: "Say what was found." }] },
    });
    const words = text(render(ScopePanel, { view, readOnly: false }));
    expect(words).toContain("traffic data: not granted");
    expect(words).toContain("email j.doe@example.com: only mail headers only");
    expect(words).toContain("phone +49 30 1234567: not granted");
    expect(words).toContain("retention 180 days narrowed to 90");
    expect(words).toContain("report-back-by 2026-12-31: Say what was found.");
    expect(words).toContain("Traffic Struck");
    expect(words).toContain("Narrowed: only mail headers only");
    expect(words).toContain("Requested 2026-06-01 00:00 (+02:00) to 2026-07-31 23:59 (+02:00)");
    expect(words).toContain("Report back by 2026-12-31: Say what was found.");
    // Only one category is left: striking it would be a refusal, not a grant.
    expect(words).toContain("The last category or target cannot be struck");
  });

  it("says when the grant is the request", () => {
    expect(text(render(ScopePanel, { view: reviewView(), readOnly: false }))).toContain("The granted scope is the requested one.");
  });
});

describe("the completeness check", () => {
  it("lists what is open, each a way to the item", () => {
    const words = text(render(CompletenessPanel, { view: reviewView({ independence: null }) }));
    expect(words).toContain("A decision cannot start yet.");
    expect(words).toContain("The independence declaration.");
    expect(words).toContain("3 items without an answer L1 Question of L1? L3 Question of L3? M3 Question of M3?");
    expect(words).toContain("1 finding without a response L3 L3-issuer-competence");
  });

  it("says when a decision can start", () => {
    const view = reviewView({ items: [reviewItem("L1", { answer: "met" })], unanswered: [] });
    expect(text(render(CompletenessPanel, { view }))).toContain("a decision can start");
  });
});

describe("clocks, carried-over answers and intrusion", () => {
  it("puts overdue clocks first with their state in words, due instant and source", () => {
    const words = text(render(ClocksBar, { clocks: reviewView().clocks }));
    expect(words.indexOf("Respond by Overdue")).toBeLessThan(words.indexOf("Provider deadline Due within 24 h"));
    expect(words.indexOf("Provider deadline")).toBeLessThan(words.indexOf("Objection window Running"));
    expect(words).toContain("Reg. 2023/1543 Art 10");
  });

  it("lists what changed since the revision reviewed before, and each answer to confirm", () => {
    const items = [reviewItem("L1", { answer: "met", carriedOver: { revision: 1, answer: "met", note: null } }), reviewItem("N1")];
    const view = reviewView({ request: { authority: "a", id: "b", revision: 2 }, items, previousRevision: { revision: 1, changedPaths: ["$.period.to", "$.targets[1]"] } });
    const words = text(render(CarriedOverPanel, { view, readOnly: false }));
    expect(words).toContain("Revision 2: answers carried over from revision 1");
    expect(words).toContain("2 fields changed since then: $.period.to $.targets[1]");
    expect(words).toContain("L1 Met Confirm L1");
    expect(words).not.toContain("N1");
  });

  it("shows the intrusion summary and the related requests with their state and outcome", () => {
    const words = text(render(IntrusionPanel, { view: reviewView() }));
    expect(words).toContain("Asks for 2 data categories");
    expect(words).toContain("Reach (category-identifier-days) 244");
    expect(words).toContain("1 other request names the same identifiers");
    expect(words).toContain("OM-RTM-2026-0117, revision 1");
    expect(words).toContain("Decided granted-in-part");
  });
});
