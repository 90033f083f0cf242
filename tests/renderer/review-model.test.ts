// The workspace's pure logic: keys, item order and movement, progress, completeness, clocks, and
// the scope panel's days-to-instants and diff.
import { describe, expect, it } from "vitest";
import {
  areaProgress,
  completeness,
  firstOpenItem,
  neighbourItem,
  notApplicableIn,
  orderedClocks,
  questions,
  saveKey,
  scopePartOf,
  workspaceKeyAction,
} from "../../renderer/src/features/review/review-model.js";
import { deadlineState } from "../../renderer/src/features/inbox/inbox-model.js";
import { dayOf, offsetOf, periodFromDays, scopeChanges, targetGrant } from "../../renderer/src/features/review/scope-model.js";
import { reviewItem, reviewView } from "./review-fixture.js";

const key = (over: Partial<Parameters<typeof workspaceKeyAction>[0]>) => workspaceKeyAction({ key: "", ctrlKey: false, metaKey: false, altKey: false, inTextField: false, ...over });

describe("workspace keys", () => {
  it("answers with 1-4 in the order the radio group shows, n for the note, j/k to move", () => {
    expect(["1", "2", "3", "4"].map((k) => key({ key: k }))).toEqual([
      { kind: "answer", answer: "met" },
      { kind: "answer", answer: "not-met" },
      { kind: "answer", answer: "na" },
      { kind: "answer", answer: "info" },
    ]);
    expect(key({ key: "n" })).toEqual({ kind: "note" });
    expect(key({ key: "j" })).toEqual({ kind: "move", delta: 1 });
    expect(key({ key: "k" })).toEqual({ kind: "move", delta: -1 });
  });

  it("leaves typing in fields, modified keys and other keys alone", () => {
    expect(key({ key: "1", inTextField: true })).toBeNull();
    expect(key({ key: "j", ctrlKey: true })).toBeNull();
    expect(key({ key: "n", metaKey: true })).toBeNull();
    expect(key({ key: "2", altKey: true })).toBeNull();
    expect(key({ key: "5" })).toBeNull();
    expect(key({ key: "J" })).toBeNull();
  });
});

describe("items, movement and progress", () => {
  const view = reviewView();

  it("lists the questions in checklist order and keeps the not-applicable ones apart", () => {
    const shuffled = [reviewItem("M1"), reviewItem("N2"), reviewItem("L2"), reviewItem("L9", { applies: false, notApplicableReason: "no" })];
    expect(questions(shuffled).map((item) => item.id)).toEqual(["L2", "N2", "M1"]);
    expect(notApplicableIn(shuffled, "legality").map((item) => item.id)).toEqual(["L9"]);
  });

  it("moves with j/k across the checklists and stops at either end", () => {
    expect(neighbourItem(view.items, "L3", 1)).toBe("N1");
    expect(neighbourItem(view.items, "N1", -1)).toBe("L3");
    expect(neighbourItem(view.items, "M3", 1)).toBe("M3");
    expect(neighbourItem(view.items, "L1", -1)).toBe("L1");
    expect(neighbourItem(view.items, null, 1)).toBe("L1");
    expect(neighbourItem([], "L1", 1)).toBeNull();
  });

  it("opens at the first question without an answer", () => {
    expect(firstOpenItem(view.items)).toBe("L1");
    expect(firstOpenItem([reviewItem("L1", { answer: "met" }), reviewItem("N1")])).toBe("N1");
  });

  it("counts progress per area; a carried-over answer does not count until confirmed", () => {
    expect(areaProgress(view.items, "legality")).toEqual({ area: "legality", answered: 0, total: 2, blockingNotMet: 0, openFindings: 1 });
    expect(areaProgress(view.items, "necessity")).toMatchObject({ answered: 1, total: 1 });
    const carried = [reviewItem("L1", { answer: "met", carriedOver: { revision: 1, answer: "met", note: null } }), reviewItem("L2", { answer: "not-met", blocking: true })];
    expect(areaProgress(carried, "legality")).toMatchObject({ answered: 1, total: 2, blockingNotMet: 1 });
  });
});

describe("completeness", () => {
  it("lists unanswered items, carried-over ones to confirm, and findings without a response", () => {
    const view = reviewView({
      items: [reviewView().items[1] ?? reviewItem("L3"), reviewItem("N1", { answer: "met", carriedOver: { revision: 1, answer: "met", note: null } }), reviewItem("M3")],
      unanswered: ["N1", "M3"],
    });
    const check = completeness(view);
    expect(check.unanswered.map((item) => item.id)).toEqual(["M3"]);
    expect(check.unconfirmed.map((item) => item.id)).toEqual(["N1"]);
    expect(check.openFindings).toEqual([{ item: expect.objectContaining({ id: "L3" }), rule: "L3-issuer-competence" }]);
    expect(check.ready).toBe(false);
  });

  it("is ready only with the declaration, nothing unanswered and every finding answered", () => {
    const done = reviewView({ items: [reviewItem("L1", { answer: "met" })], unanswered: [] });
    expect(completeness(done).ready).toBe(true);
    expect(completeness({ ...done, independence: null })).toMatchObject({ ready: false, independenceDeclared: false });
  });
});

describe("clocks", () => {
  it("puts overdue first, then due soon, then running, soonest first; met last", () => {
    const clocks = [...reviewView().clocks, { kind: "validation" as const, due: "2026-08-01T00:00:00Z", state: "met" as const, source: "s", description: "d" }];
    expect(orderedClocks(clocks).map((clock) => clock.state)).toEqual(["overdue", "due-soon", "running", "met"]);
  });
});

describe("scope arithmetic", () => {
  const requested = reviewView().requestedScope;

  it("reads the day and offset an instant is written in", () => {
    expect(dayOf("2026-06-01T00:00:00+02:00")).toBe("2026-06-01");
    expect(offsetOf("2026-06-01T00:00:00+02:00")).toBe("+02:00");
    expect(offsetOf("2026-06-01T00:00:00z")).toBe("Z");
  });

  it("keeps the requested instants on the requested days and takes whole days in the request's offset otherwise", () => {
    expect(periodFromDays("2026-06-01", "2026-06-30", requested.period)).toEqual({ ok: true, period: { from: "2026-06-01T00:00:00+02:00", to: "2026-06-30T23:59:59+02:00" } });
    expect(periodFromDays("2026-06-10", "2026-07-31", requested.period)).toEqual({ ok: true, period: { from: "2026-06-10T00:00:00+02:00", to: "2026-07-31T23:59:59+02:00" } });
  });

  it("names what is wrong with the days", () => {
    expect(periodFromDays("", "2026-06-30", requested.period)).toEqual({ ok: false, error: "from" });
    expect(periodFromDays("2026-06-01", "30/06/2026", requested.period)).toEqual({ ok: false, error: "to" });
    expect(periodFromDays("2026-06-30", "2026-06-01", requested.period)).toEqual({ ok: false, error: "order" });
  });

  it("tells granted, narrowed and struck targets apart and words the diff", () => {
    const [email, phone] = requested.targets;
    if (!email || !phone) throw new Error("fixture has two targets");
    const granted = { ...requested, categories: ["subscriber" as const], targets: [{ ...email, restriction: "messages with +49 30 7654321 only" }] };
    expect(targetGrant(email, granted)).toEqual({ kind: "narrowed", restriction: "messages with +49 30 7654321 only" });
    expect(targetGrant(phone, granted)).toEqual({ kind: "struck" });
    expect(targetGrant(phone, requested)).toEqual({ kind: "granted" });
    const changes = scopeChanges(requested, granted);
    expect(changes.ok && changes.changes.map((change) => `${change.field}:${change.change}`)).toEqual(["categories:struck", "targets:narrowed", "targets:struck"]);
    expect(scopeChanges(requested, { ...requested, retentionDays: 400 })).toMatchObject({ ok: false, error: expect.stringContaining("longer than the 180 days requested") });
  });
});

describe("the inbox's next deadline", () => {
  const due = "2026-11-30T08:15:00Z";
  const at = (iso: string) => Date.parse(iso);
  it("is overdue from the due instant on, due soon within 24 hours of it, running before", () => {
    expect(deadlineState(due, at("2026-11-30T08:15:00Z"))).toBe("overdue");
    expect(deadlineState(due, at("2026-11-30T08:14:59Z"))).toBe("due-soon");
    expect(deadlineState(due, at("2026-11-29T08:15:00Z"))).toBe("due-soon");
    expect(deadlineState(due, at("2026-11-29T08:14:59Z"))).toBe("running");
  });
});

describe("where a scope change's state shows", () => {
  it("beside the part of the scope it changes", () => {
    expect(saveKey.scope(scopePartOf({ op: "strike-category", category: "traffic" }))).toBe("scope:categories");
    expect(scopePartOf({ op: "narrow-target", kind: "email", value: "a@b.c", restriction: "headers" })).toBe("targets");
    expect(scopePartOf({ op: "set-period", period: { from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" } })).toBe("period");
    expect(scopePartOf({ op: "set-retention", days: 30 })).toBe("retention");
    expect(scopePartOf({ op: "remove-condition", index: 0 })).toBe("conditions");
  });
});
