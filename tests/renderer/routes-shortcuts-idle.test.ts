import { describe, expect, it } from "vitest";
import { idleDeadline, isIdle } from "../../renderer/src/app/idle.js";
import { navSectionOf, parseRoute, routeHash } from "../../renderer/src/app/routes.js";
import { isTextField, shortcutFor, type KeyLike } from "../../renderer/src/app/shortcuts.js";

describe("hash routes", () => {
  it("round-trips every screen, including request references that need escaping", () => {
    const routes = [
      { screen: "inbox" },
      { screen: "import" },
      { screen: "keyring" },
      { screen: "settings" },
      { screen: "retention" },
      { screen: "statistics" },
      { screen: "help" },
      { screen: "request", authority: "nl-om-rotterdam", id: "OM:RTM/2026 0117", revision: 2 },
      { screen: "request", authority: "fr-pnf", id: "A.B_C" },
      { screen: "review", authority: "de-sta-berlin", id: "EPOC 2026/0042", revision: 3 },
      { screen: "decisions" },
      { screen: "grievances" },
      { screen: "new-grievance" },
      { screen: "decide", authority: "de-sta-berlin", id: "EPOC 2026/0042", revision: 3 },
      { screen: "decide", authority: "de-sta-berlin", id: "EPOC 2026/0042", revision: 3, supersedes: "de-sta-berlin.EPOC.r3.D1" },
      { screen: "decision", id: "nl-om.OM-RTM-2026-0117.r1.D2" },
      { screen: "grievance", id: "G/2026 0001" },
      { screen: "countersign-requests" },
      { screen: "countersign-request", decisionId: "nl-om.OM:RTM/2026 0117.r1.D1" },
    ] as const;
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it("falls back to the inbox for anything else", () => {
    for (const hash of ["", "#", "#/nowhere", "#/review/a/b", "#/review/a/b/0", "#/review/a/b/1/extra", "#/request/only-authority", "#/inbox/extra", "#/retention/x", "#/statistics/x", "#/request/a/%E0%A4%A",
      "#/decisions/x", "#/decision", "#/decision/a/b", "#/grievance", "#/grievances/old", "#/grievances/new/x", "#/decide/a/b", "#/decide/a/b/0", "#/decide/a/b/1/D1/extra",
      "#/countersignatures/a/b", "#/countersignature"]) {
      expect(parseRoute(hash)).toEqual({ screen: "inbox" });
    }
    expect(parseRoute("#/request/a/b/zero")).toEqual({ screen: "request", authority: "a", id: "b" });
  });

  it("puts each screen under its navigation entry", () => {
    expect(navSectionOf({ screen: "review", authority: "a", id: "b", revision: 1 })).toBe("inbox");
    expect(navSectionOf({ screen: "decide", authority: "a", id: "b", revision: 1 })).toBe("decisions");
    expect(navSectionOf({ screen: "decision", id: "D1" })).toBe("decisions");
    expect(navSectionOf({ screen: "new-grievance" })).toBe("grievances");
    expect(navSectionOf({ screen: "grievance", id: "G1" })).toBe("grievances");
    expect(navSectionOf({ screen: "keyring" })).toBe("keyring");
    expect(navSectionOf({ screen: "countersign-request", decisionId: "D1" })).toBe("countersign-requests");
    expect(navSectionOf({ screen: "countersign-requests" })).toBe("countersign-requests");
    expect(routeHash({ screen: "countersign-request", decisionId: "a/b" })).toBe("#/countersignatures/a%2Fb");
  });
});

describe("global shortcuts", () => {
  const key = (over: Partial<KeyLike>): KeyLike => ({ key: "", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, inTextField: false, ...over });

  it("uses Ctrl off macOS and Cmd on macOS", () => {
    expect(shortcutFor(key({ key: "l", ctrlKey: true }), false)).toBe("lock");
    expect(shortcutFor(key({ key: "L", metaKey: true }), true)).toBe("lock");
    expect(shortcutFor(key({ key: "l", metaKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "o", ctrlKey: true }), false)).toBe("import");
    expect(shortcutFor(key({ key: "f", ctrlKey: true }), false)).toBe("search");
    expect(shortcutFor(key({ key: "f", ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it("lets / type a slash in text fields", () => {
    expect(shortcutFor(key({ key: "/" }), false)).toBe("focus-search");
    expect(shortcutFor(key({ key: "/", inTextField: true }), false)).toBeNull();
  });

  it("knows text fields from buttons", () => {
    expect(isTextField({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTextField({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTextField({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTextField({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTextField({ tagName: "BUTTON" })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe("idle lock", () => {
  it("locks once the idle minutes have passed since the last activity", () => {
    const last = 1_000_000;
    expect(idleDeadline(last, 10)).toBe(last + 600_000);
    expect(isIdle(last, last + 599_999, 10)).toBe(false);
    expect(isIdle(last, last + 600_000, 10)).toBe(true);
    expect(isIdle(last, last + 60_000, 0)).toBe(true);
  });
});
