// The 42 items, the eight templates (their item lists pinned) and which items apply to a request.
import { describe, expect, it } from "vitest";
import { applicableItems } from "../../shared/review/applicability.js";
import { CHECKLIST_ITEMS, checklistItem } from "../../shared/review/items.js";
import { CHECKLIST_TEMPLATES, templateById, templateFor } from "../../shared/review/templates.js";
import { INSTRUMENTS } from "../../shared/vocabulary/instruments.js";
import { CHECKLIST_AREAS } from "../../shared/vocabulary/checklist-areas.js";
import { request } from "./request.js";

const range = (prefix: string, from: number, to: number, skip: number[] = []) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)
    .filter((n) => !skip.includes(n))
    .map((n) => `${prefix}${n}`);

const ALL_N = range("N", 1, 12);
const M_BUT_11 = range("M", 1, 14, [11]);
const COMMON_L = ["L1", "L2", "L3", "L5", "L9", "L11", "L14", "L16"];
const sorted = (ids: string[]) => [...ids].sort((a, b) => a[0]!.localeCompare(b[0]!) || Number(a.slice(1)) - Number(b.slice(1)));

const EXPECTED: Record<(typeof INSTRUMENTS)[number], { legality: string[]; necessity: string[]; minimization: string[] }> = {
  mlat: { legality: sorted([...COMMON_L, "L8", "L10"]), necessity: ALL_N, minimization: M_BUT_11 },
  "executive-agreement": { legality: sorted([...COMMON_L, "L6", "L7", "L12", "L13"]), necessity: ALL_N, minimization: M_BUT_11 },
  "eu-production-order": { legality: sorted([...COMMON_L, "L4", "L6", "L7", "L8", "L10", "L15"]), necessity: ALL_N, minimization: M_BUT_11 },
  "eu-preservation-order": { legality: sorted([...COMMON_L, "L4", "L7"]), necessity: ALL_N, minimization: range("M", 1, 14) },
  "coe-subscriber-disclosure": { legality: COMMON_L, necessity: ALL_N, minimization: M_BUT_11 },
  "coe-domain-registration": { legality: COMMON_L, necessity: ALL_N, minimization: M_BUT_11 },
  "emergency-disclosure": { legality: COMMON_L, necessity: ALL_N, minimization: M_BUT_11 },
  "domestic-warrant": { legality: COMMON_L, necessity: ALL_N, minimization: M_BUT_11 },
};

describe("checklist items", () => {
  it("are the 42 of the domain notes, each with a source, guidance and area matching its id", () => {
    expect(CHECKLIST_ITEMS.map((item) => item.id)).toEqual([...range("L", 1, 16), ...range("N", 1, 12), ...range("M", 1, 14)]);
    for (const item of CHECKLIST_ITEMS) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      expect(item.guidance.length, item.id).toBeGreaterThan(20);
      expect(item.area, item.id).toBe({ L: "legality", N: "necessity", M: "minimization" }[item.id[0]!]);
    }
  });

  it("carry the notes' citations verbatim", () => {
    expect(checklistItem("L4").sources.map((s) => s.citation)).toEqual(["Art 4(1)(b), 4(2)(b), 4(5)"]);
    expect(checklistItem("N12").sources.map((s) => s.citation)).toEqual(["IPA s.24–25", "Art 4(5)"]);
    expect(checklistItem("M6").sources.map((s) => s.citation)).toEqual(["2523(b)(4)(C),(G),(H)", "BBW §356"]);
  });

  it("block a favourable decision except the after-the-fact safeguards", () => {
    expect(CHECKLIST_ITEMS.filter((item) => !item.blocking).map((item) => item.id)).toEqual(["M7", "M10", "M12", "M13", "M14"]);
  });

  it("refuse an unknown id by name", () => {
    expect(() => checklistItem("L17")).toThrow(/unknown checklist item "L17"/);
  });
});

describe("templates", () => {
  it("exist once per instrument, versioned <instrument>@2026.1", () => {
    expect(CHECKLIST_TEMPLATES.map((t) => t.id)).toEqual(INSTRUMENTS.map((i) => `${i}@2026.1`));
    expect(templateById("mlat@2026.1").instrument).toBe("mlat");
    expect(() => templateById("mlat@2025.9")).toThrow(/unknown checklist template "mlat@2025.9"/);
  });

  it.each(INSTRUMENTS)("%s has its pinned item list in the three checklists", (instrument) => {
    const template = templateFor(instrument);
    expect(template.sections.map((s) => s.area)).toEqual([...CHECKLIST_AREAS]);
    expect(template.sections.map((s) => s.title)).toEqual(["Legality", "Necessity and proportionality", "Minimisation and safeguards"]);
    const ids = Object.fromEntries(template.sections.map((s) => [s.area, s.items.map((item) => item.id)]));
    expect(ids).toEqual(EXPECTED[instrument]);
  });
});

describe("applicableItems", () => {
  const statusOf = (doc: ReturnType<typeof request>, id: string) => {
    const entry = applicableItems(templateFor(doc.instrument), doc).find((e) => e.item.id === id);
    if (entry === undefined) throw new Error(`${id} is not in the template`);
    return entry;
  };

  it("marks L4 applicable for a prosecutor's order and not for a judge's, with the reason", () => {
    expect(statusOf(request(), "L4").status).toBe("applies");
    const judge = statusOf(request({ issuingAuthority: { id: "x", name: "Rechtbank", country: "NL", kind: "judge" } }), "L4");
    expect(judge).toMatchObject({ status: "not-applicable", reason: expect.stringContaining("it was issued by a judge") });
  });

  it("applies L6, L8, L10 and L15 to an EU production order for traffic data (device logs and location included) or content only", () => {
    for (const categories of [["device-logs"], ["traffic"], ["location"], ["content"]]) {
      expect(statusOf(request({ dataCategories: categories }), "L15").status).toBe("applies");
    }
    const subscriberOnly = request({ dataCategories: ["subscriber", "identification"] });
    for (const id of ["L6", "L8", "L10", "L15"]) {
      const entry = statusOf(subscriberOnly, id);
      expect(entry.status, id).toBe("not-applicable");
      if (entry.status === "not-applicable") expect(entry.reason).toContain("it asks only for subscriber or identification data");
    }
  });

  it("applies L14 and N12 to emergencies and emergency-disclosure requests only", () => {
    expect(statusOf(request(), "L14")).toMatchObject({ status: "not-applicable", reason: expect.stringContaining("its urgency is routine") });
    expect(statusOf(request({ urgency: { level: "emergency", reason: "kidnapping" } }), "N12").status).toBe("applies");
    expect(statusOf(request({ instrument: "emergency-disclosure" }), "L14").status).toBe("applies");
  });

  it("applies M9 only when non-disclosure is requested and N10 to ongoing measures", () => {
    expect(statusOf(request(), "M9")).toMatchObject({ status: "not-applicable", reason: expect.stringContaining("does not ask for non-disclosure") });
    expect(statusOf(request({ nonDisclosure: { requested: true } }), "M9").status).toBe("applies");
    expect(statusOf(request(), "N10")).toMatchObject({ status: "not-applicable", reason: expect.stringContaining("its period ends before it was submitted") });
    expect(statusOf(request({ period: { from: "2026-11-01T00:00:00Z", to: "2026-12-31T00:00:00Z" } }), "N10").status).toBe("applies");
    expect(statusOf(request({ instrument: "domestic-warrant" }), "N10").status).toBe("applies");
  });

  it("applies N11 to traffic, location or content and not to subscriber data", () => {
    expect(statusOf(request(), "N11").status).toBe("applies");
    expect(statusOf(request({ instrument: "coe-subscriber-disclosure", dataCategories: ["subscriber"] }), "N11").status).toBe("not-applicable");
  });

  it("names both alternatives of an item that has two", () => {
    expect(statusOf(request({ instrument: "executive-agreement" }), "L6").status).toBe("applies");
    expect(statusOf(request({ dataCategories: ["subscriber"] }), "L6")).toEqual({
      item: expect.objectContaining({ id: "L6" }),
      status: "not-applicable",
      reason:
        "Applies only to eu-production-order requests asking for device-logs, traffic, location or content data, or to executive-agreement requests; it asks only for subscriber data; the instrument is eu-production-order.",
    });
  });

  it("refuses a template of another instrument", () => {
    expect(() => applicableItems(templateFor("mlat"), request())).toThrow("template mlat@2026.1 is for mlat requests; this request is a eu-production-order");
  });
});
