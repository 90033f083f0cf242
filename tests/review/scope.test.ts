// Scope narrowing: the grant starts as the request and only shrinks; each refusal names its fault.
import { describe, expect, it } from "vitest";
import { grantedScopeSchema } from "../../shared/review/scope-schema.js";
import { scopeDiff } from "../../shared/review/scope-diff.js";
import { addCondition, narrowTarget, requestedScope, setPeriod, setRetention, strikeCategory, strikeTarget, type GrantedScope, type ScopeEdit } from "../../shared/review/scope.js";
import { request } from "./request.js";

const REQUESTED = requestedScope(
  request({
    targets: [{ kind: "email", value: "j.doe.4471@example.com", role: "suspect" }, { kind: "phone", value: "+31 6 1234 5678" }],
    retentionDays: 180,
  }),
);

function scope(edit: ScopeEdit): GrantedScope {
  if (!edit.ok) throw new Error(edit.error);
  return edit.scope;
}
const error = (edit: ScopeEdit) => (edit.ok ? "no error" : edit.error);

describe("requestedScope", () => {
  it("copies categories, targets, period and retention, with no conditions", () => {
    expect(REQUESTED).toEqual({
      categories: ["subscriber", "traffic"],
      targets: [{ kind: "email", value: "j.doe.4471@example.com", role: "suspect" }, { kind: "phone", value: "+31 6 1234 5678" }],
      period: { from: "2026-09-01T00:00:00+02:00", to: "2026-10-31T23:59:59+01:00" },
      retentionDays: 180,
      conditions: [],
    });
    expect(grantedScopeSchema.safeParse(REQUESTED).success).toBe(true);
  });
});

describe("narrowing operations", () => {
  it("strike a category but never the last one", () => {
    const one = scope(strikeCategory(REQUESTED, "traffic"));
    expect(one.categories).toEqual(["subscriber"]);
    expect(REQUESTED.categories).toEqual(["subscriber", "traffic"]);
    expect(error(strikeCategory(one, "subscriber"))).toBe("subscriber is the only category left; striking it grants nothing, so refuse the request instead");
    expect(error(strikeCategory(REQUESTED, "content"))).toBe("the category content is not in the granted scope (subscriber, traffic)");
  });

  it("strike a target found however it is written, but never the last one", () => {
    const one = scope(strikeTarget(REQUESTED, { kind: "phone", value: "0031 6 12345678" }));
    expect(one.targets.map((t) => t.value)).toEqual(["j.doe.4471@example.com"]);
    expect(error(strikeTarget(one, { kind: "email", value: "j.doe.4471@EXAMPLE.com" }))).toMatch(/the only target left/);
    expect(error(strikeTarget(REQUESTED, { kind: "email", value: "other@example.com" }))).toBe('the email "other@example.com" is not among the granted targets');
  });

  it("narrow a target with a restriction", () => {
    const narrowed = scope(narrowTarget(REQUESTED, { kind: "email", value: "j.doe.4471@example.com" }, "  messages exchanged with +31 6 1234 5678 only "));
    expect(narrowed.targets[0]).toEqual({ kind: "email", value: "j.doe.4471@example.com", role: "suspect", restriction: "messages exchanged with +31 6 1234 5678 only" });
    expect(error(narrowTarget(REQUESTED, { kind: "email", value: "j.doe.4471@example.com" }, " "))).toMatch(/restriction must say what is granted/);
  });

  it("set a period inside the requested one, and name the side that reaches outside", () => {
    const october = scope(setPeriod(REQUESTED, REQUESTED, { from: "2026-10-01T00:00:00+02:00", to: "2026-10-15T00:00:00+02:00" }));
    expect(october.period).toEqual({ from: "2026-10-01T00:00:00+02:00", to: "2026-10-15T00:00:00+02:00" });
    expect(error(setPeriod(REQUESTED, october, { from: "2026-08-31T21:59:59Z", to: "2026-10-15T00:00:00Z" }))).toBe(
      "the period must lie inside the requested period 2026-09-01T00:00:00+02:00 – 2026-10-31T23:59:59+01:00; its start 2026-08-31T21:59:59Z is before the requested start",
    );
    expect(error(setPeriod(REQUESTED, october, { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }))).toMatch(/its end 2026-11-01T00:00:00Z is after the requested end/);
    expect(error(setPeriod(REQUESTED, october, { from: "2026-10-15T00:00:00Z", to: "2026-10-01T00:00:00Z" }))).toBe("the period is malformed: period.to: must not be before period.from");
    expect(scope(setPeriod(REQUESTED, october, { from: "2026-08-31T22:00:00Z", to: "2026-10-31T22:59:59Z" })).period?.from).toBe("2026-08-31T22:00:00Z");
  });

  it("accept any period when none was requested", () => {
    const open = requestedScope(request({ dataCategories: ["subscriber"], period: undefined }));
    expect(scope(setPeriod(open, open, { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" })).period).toBeDefined();
  });

  it("set a retention no longer than requested", () => {
    expect(scope(setRetention(REQUESTED, REQUESTED, 90)).retentionDays).toBe(90);
    expect(error(setRetention(REQUESTED, REQUESTED, 200))).toBe("a retention of 200 days is longer than the 180 requested; a grant can only narrow");
    expect(error(setRetention(REQUESTED, REQUESTED, 1.5))).toBe("the retention must be a whole number of days, 0 or more; got 1.5");
  });

  it("add each kind of condition, checked against its schema", () => {
    let granted = REQUESTED;
    const conditions = [
      { kind: "purpose-limitation", text: "Only for case RTM-26-004417." },
      { kind: "no-onward-transfer", text: "Not to be passed to any third State." },
      { kind: "report-back-by", date: "2027-01-31", text: "Report what the data showed." },
      { kind: "reassess-by", date: "2027-03-01", text: "Reassess the retention." },
      { kind: "notify-person-by", date: "2027-06-30", text: "Inform the account holder." },
    ];
    for (const condition of conditions) granted = scope(addCondition(granted, condition));
    expect(granted.conditions).toEqual(conditions);
    expect(grantedScopeSchema.parse(granted)).toEqual(granted);
    expect(error(addCondition(granted, conditions[0]))).toBe("the purpose-limitation condition is already attached");
    expect(error(addCondition(granted, { kind: "reassess-by", date: "2027-02-30", text: "x" }))).toBe("the condition is malformed: condition.date: expected a calendar date of the form YYYY-MM-DD");
    expect(error(addCondition(granted, { kind: "reassess-by", text: "x" }))).toBe("the condition is malformed: condition.date: required field is missing");
    expect(error(addCondition(granted, { kind: "gag", text: "x" }))).toMatch(/^the condition is malformed: condition.kind/);
  });

  it("store strictly: unknown fields and empty scopes are refused", () => {
    expect(grantedScopeSchema.safeParse({ ...REQUESTED, extra: 1 }).success).toBe(false);
    expect(grantedScopeSchema.safeParse({ ...REQUESTED, categories: [] }).success).toBe(false);
    expect(grantedScopeSchema.safeParse({ ...REQUESTED, categories: ["traffic", "traffic"] }).success).toBe(false);
  });
});

describe("scopeDiff", () => {
  it("is empty when nothing was narrowed", () => {
    expect(scopeDiff(REQUESTED, REQUESTED)).toEqual([]);
  });

  it("lists every narrowing in plain words", () => {
    let granted = scope(strikeCategory(REQUESTED, "traffic"));
    granted = scope(strikeTarget(granted, { kind: "phone", value: "+31612345678" }));
    granted = scope(narrowTarget(granted, { kind: "email", value: "j.doe.4471@example.com" }, "the inbox folder"));
    granted = scope(setPeriod(REQUESTED, granted, { from: "2026-10-01T00:00:00+02:00", to: "2026-10-15T00:00:00+02:00" }));
    granted = scope(setRetention(REQUESTED, granted, 90));
    granted = scope(addCondition(granted, { kind: "reassess-by", date: "2027-03-01", text: "Reassess." }));
    expect(scopeDiff(REQUESTED, granted)).toEqual([
      { field: "categories", change: "struck", summary: "traffic data: not granted" },
      { field: "targets", change: "narrowed", summary: "email j.doe.4471@example.com: only the inbox folder" },
      { field: "targets", change: "struck", summary: "phone +31 6 1234 5678: not granted" },
      { field: "period", change: "narrowed", summary: "period 2026-09-01T00:00:00+02:00 – 2026-10-31T23:59:59+01:00 narrowed to 2026-10-01T00:00:00+02:00 – 2026-10-15T00:00:00+02:00" },
      { field: "retention", change: "narrowed", summary: "retention 180 days narrowed to 90" },
      { field: "conditions", change: "added", summary: "reassess-by 2027-03-01: Reassess." },
    ]);
  });

  it("says when a period or retention was set where none was requested", () => {
    const open = requestedScope(request({ dataCategories: ["subscriber"], period: undefined }));
    let granted = scope(setPeriod(open, open, { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }));
    granted = scope(setRetention(open, granted, 30));
    expect(scopeDiff(open, granted).map((c) => [c.field, c.change])).toEqual([
      ["period", "set"],
      ["retention", "set"],
    ]);
  });

  it("refuses a grant that reaches beyond the request", () => {
    expect(() => scopeDiff(REQUESTED, { ...REQUESTED, categories: ["subscriber", "content"] })).toThrow("the granted scope adds content, which the request did not ask for");
    expect(() => scopeDiff(REQUESTED, { ...REQUESTED, targets: [{ kind: "email", value: "x@example.com" }] })).toThrow(/adds the email "x@example.com"/);
    const { period: _period, ...noPeriod } = REQUESTED;
    expect(() => scopeDiff(REQUESTED, noPeriod)).toThrow("the granted scope drops the requested period, which would widen it");
    expect(() => scopeDiff(REQUESTED, { ...REQUESTED, period: { from: "2026-01-01T00:00:00Z", to: "2026-10-01T00:00:00Z" } })).toThrow(/reaches outside the requested/);
    expect(() => scopeDiff(REQUESTED, { ...REQUESTED, retentionDays: 365 })).toThrow("the granted retention (365) is longer than the 180 days requested");
  });
});
