// docs/review.md is what issuers and reviewers read: it must name every rule, template, item,
// clock kind and offence category the core has, so a new one cannot ship undocumented.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHECKLIST_ITEMS } from "../../shared/review/items.js";
import { RULES } from "../../shared/review/rules/index.js";
import { CHECKLIST_TEMPLATES } from "../../shared/review/templates.js";
import { CLOCK_KINDS } from "../../shared/vocabulary/clock-kinds.js";
import { THRESHOLD_OFFENCE_CATEGORIES, THRESHOLD_OFFENCE_DEFINITIONS } from "../../shared/vocabulary/offence-categories.js";

const doc = readFileSync(new URL("../../docs/review.md", import.meta.url), "utf8");

describe("docs/review.md", () => {
  it("names every rule with its source", () => {
    for (const rule of RULES) expect(doc, rule.id).toContain(`| \`${rule.id}\` | ${rule.itemId} | ${rule.when} | ${rule.source} |`);
  });
  it("lists every item and template", () => {
    for (const item of CHECKLIST_ITEMS) expect(doc, item.id).toContain(`| ${item.id} | ${item.question} |`);
    for (const template of CHECKLIST_TEMPLATES) expect(doc, template.id).toContain(`| \`${template.id}\` | ${template.sections.map((s) => s.items.map((i) => i.id).join(" ")).join(" · ")} |`);
  });
  it("explains every clock kind and offence category", () => {
    for (const kind of CLOCK_KINDS) expect(doc, kind).toContain(`| \`${kind}\` |`);
    for (const category of THRESHOLD_OFFENCE_CATEGORIES) expect(doc, category).toContain(`| \`${category}\` | ${THRESHOLD_OFFENCE_DEFINITIONS[category]} |`);
  });
});
