// The workspace's words: every value of every review vocabulary it shows has a label, and the
// names its end-to-end test looks for stay as they are.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CASE_STATES } from "../../shared/vocabulary/case-states.js";
import { CHECKLIST_ANSWERS } from "../../shared/vocabulary/checklist-answers.js";
import { CHECKLIST_AREAS, CHECKLIST_AREA_TITLES } from "../../shared/vocabulary/checklist-areas.js";
import { CLOCK_KINDS, CLOCK_STATES } from "../../shared/vocabulary/clock-kinds.js";
import { SCOPE_CONDITION_KINDS } from "../../shared/vocabulary/scope-conditions.js";

const catalogue = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", "..", "renderer", "src", "i18n", "en.json"), "utf8")) as Record<string, Record<string, unknown>>;
const section = (name: string) => catalogue[name] ?? {};

describe("the workspace's catalogue", () => {
  it("labels every answer, area, case state, clock kind and state, and scope condition", () => {
    const labelled: [string, readonly string[]][] = [
      ["answer", CHECKLIST_ANSWERS],
      ["area", CHECKLIST_AREAS],
      ["caseState", CASE_STATES],
      ["clockKind", CLOCK_KINDS],
      ["clockState", CLOCK_STATES],
      ["conditionKind", SCOPE_CONDITION_KINDS],
    ];
    for (const [name, values] of labelled) for (const value of values) expect(section(name)[value], `${name}.${value}`).toBeTruthy();
  });

  it("names the three checklists as the vocabulary does", () => {
    for (const area of CHECKLIST_AREAS) expect(section("area")[area]).toBe(CHECKLIST_AREA_TITLES[area]);
  });

  it("shows the workspace's keys in Help", () => {
    expect(section("help")["keys"]).toMatchObject({ answerKeys: "1 2 3 4", noteKeys: "n", moveKeys: "j / k" });
  });
});
