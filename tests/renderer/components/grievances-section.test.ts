// The request view's grievances section rendered to HTML: each grievance about the case with its
// deadline's state, or its signed response's outcome once answered, and a plain sentence when none.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { RequestDetail } from "../../../shared/api/requests.js";
import { GrievancesSection } from "../../../renderer/src/features/request/GrievancesSection.js";
import { initI18n } from "../../../renderer/src/i18n/index.js";

// The settings store reads the browser's languages when it is made; Node 20 has no navigator.
vi.hoisted(() => {
  Object.defineProperty(globalThis, "navigator", { value: { language: "en-GB", languages: ["en-GB"] }, configurable: true });
});

beforeAll(async () => {
  await initI18n();
});

const text = (grievances: RequestDetail["grievances"]): string =>
  renderToStaticMarkup(createElement(GrievancesSection, { detail: { grievances } as RequestDetail }))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the request view's grievances", () => {
  it("lists each grievance with its deadline's state, or its outcome once answered", () => {
    const shown = text([
      { id: "G-2026-0001", received: "2026-11-18", respondBy: "2026-12-18T22:59:59.999Z", clock: "due-soon", outcome: null },
      { id: "G-2026-0002", received: "2026-11-19", respondBy: "2026-12-19T22:59:59.999Z", clock: "met", outcome: "partly-upheld" },
    ]);
    expect(shown).toContain("G-2026-0001 18 Nov 2026");
    expect(shown).toContain("Due within 24 h");
    expect(shown).toContain("G-2026-0002");
    expect(shown).toContain("Answered: partly upheld");
    expect(shown).not.toContain("Met");
  });

  it("says so when none was registered", () => {
    expect(text([])).toBe("No grievance has been registered about this case.");
  });
});
