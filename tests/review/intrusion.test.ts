// The intrusion summary: categories × identifiers × days against the offence's maximum penalty.
import { describe, expect, it } from "vitest";
import { intrusionSummary } from "../../shared/review/intrusion.js";
import { request } from "./request.js";

describe("intrusionSummary", () => {
  it("counts the sample: 2 categories × 1 identifier × 61 days across the October clock change", () => {
    expect(intrusionSummary(request())).toEqual({
      categories: ["subscriber", "traffic"],
      mostIntrusive: "traffic",
      identifiers: 1,
      periodDays: 61,
      reach: 122,
      maxPenaltyMonths: 48,
      summary: "Asks for 2 data categories (subscriber, traffic; most intrusive: traffic) on 1 identifier over 61 days: a reach of 122 category-identifier-days, for offences punishable by up to 48 months (4 years).",
    });
  });

  it("orders categories by intrusiveness and takes the highest penalty", () => {
    const summary = intrusionSummary(
      request({
        dataCategories: ["content", "subscriber", "location"],
        targets: [{ kind: "email", value: "a@example.com" }, { kind: "phone", value: "+31 6 1234 5678" }],
        period: { from: "2026-10-01T00:00:00Z", to: "2026-10-10T00:00:00Z" },
        offences: [{ description: "a", maxPenaltyMonths: 30 }, { description: "b", maxPenaltyMonths: 6 }],
      }),
    );
    expect(summary).toMatchObject({ categories: ["subscriber", "location", "content"], mostIntrusive: "content", identifiers: 2, periodDays: 9, reach: 54, maxPenaltyMonths: 30 });
    expect(summary.summary).toContain("for offences punishable by up to 30 months.");
  });

  it("says so when there is no period or no stated penalty, and counts a short period as a day", () => {
    const open = intrusionSummary(request({ dataCategories: ["subscriber"], period: undefined, offences: [{ description: "a" }] }));
    expect(open).toMatchObject({ periodDays: undefined, reach: undefined, maxPenaltyMonths: undefined });
    expect(open.summary).toBe(
      "Asks for 1 data category (subscriber; most intrusive: subscriber) on 1 identifier with no period stated, so its reach in time is unbounded, for offences that state no maximum penalty.",
    );
    expect(intrusionSummary(request({ period: { from: "2026-10-01T10:00:00Z", to: "2026-10-01T11:00:00Z" } })).periodDays).toBe(1);
  });
});
