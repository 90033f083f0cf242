import { describe, expect, it } from "vitest";
import type { RetentionEntry } from "../../shared/api/retention.js";
import { caseReference, changesOf, draftOf, splitDue } from "../../renderer/src/features/retention/retention-model.js";

const entry = (id: string, deleteFrom: string, due: boolean): RetentionEntry => ({
  authority: "nl-om-rotterdam",
  id,
  revision: 1,
  decisionId: `${id}.D1`,
  outcome: "refused",
  decidedAt: "2026-01-01T00:00:00.000Z",
  deleteFrom,
  due,
});

describe("the retention rule form", () => {
  it("shows a period as its number and a kept outcome as an empty field", () => {
    expect(draftOf({ refused: 730 })).toEqual({ authorised: "", "authorised-with-modifications": "", refused: "730", returned: "" });
  });

  it("sends only what changed: a new period, a changed one, and null for a cleared one", () => {
    const rule = { refused: 730, returned: 30 };
    const draft = { authorised: "3650", "authorised-with-modifications": "", refused: " 730 ", returned: "" };
    expect(changesOf(draft, rule)).toEqual({ changes: { authorised: 3650, returned: null }, invalid: [] });
    expect(changesOf(draftOf(rule), rule)).toEqual({ changes: {}, invalid: [] });
  });

  it("names every field that is not a whole number of days from 1 to 36,600", () => {
    const draft = { authorised: "0", "authorised-with-modifications": "1.5", refused: "36601", returned: "-2" };
    expect(changesOf(draft, {}).invalid).toEqual(["authorised", "authorised-with-modifications", "refused", "returned"]);
    expect(changesOf({ ...draft, authorised: "36600", "authorised-with-modifications": "1", refused: "1e3", returned: "" }, {})).toEqual({
      changes: { authorised: 36600, "authorised-with-modifications": 1 },
      invalid: ["refused"],
    });
  });
});

describe("the retention lists", () => {
  it("splits the due cases from the scheduled ones, each soonest first, and names each by its reference", () => {
    const entries = [entry("C", "2027-03-01T00:00:00.000Z", false), entry("B", "2026-02-01T00:00:00.000Z", true), entry("A", "2026-01-15T00:00:00.000Z", true), entry("D", "2026-12-31T00:00:00.000Z", false)];
    const { due, scheduled } = splitDue(entries);
    expect(due.map((each) => each.id)).toEqual(["A", "B"]);
    expect(scheduled.map((each) => each.id)).toEqual(["D", "C"]);
    expect(caseReference(entries[0] as RetentionEntry)).toBe("nl-om-rotterdam/C/1");
  });
});
