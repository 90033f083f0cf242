// The rules engine, table-driven: every rule has a request that makes it fire and one that
// does not, each run through runRules with the real request schema behind the fixtures.
import { describe, expect, it } from "vitest";
import { RULES, runRules, type RuleSettings } from "../../shared/review/rules/index.js";
import { SAMPLE_AUTHORITY } from "../helpers/sample-request.js";
import { request } from "./request.js";

const NOW = "2026-11-20T12:00:00Z";
/** The sample request with the gaps the schema allows filled: no rule fires on it. */
const CLEAN = {
  issuingAuthority: { ...SAMPLE_AUTHORITY, contact: "+31 10 000 0000" },
  retentionDays: 180,
  lessIntrusiveMeans: "Open-source searches found no registration details for the account.",
};
const POLICE = { id: "nl-politie", name: "Politie Rotterdam", country: "NL", kind: "police", contact: "desk" };
const EMERGENCY = { level: "emergency", reason: "A hostage is held at an unknown address." };
const SUBMITTED = "2026-11-20T09:15:00+01:00"; // 08:15Z
const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: "email", value: `user${i}@example.com` }));

interface Case {
  readonly rule: string;
  readonly name: string;
  readonly overrides: Record<string, unknown>;
  readonly fires: false | "warning" | "finding";
  readonly settings?: Partial<RuleSettings>;
  readonly reason?: string | RegExp;
}

const CASES: readonly Case[] = [
  { rule: "L1-eu-order-before-application", name: "an EU order issued on 17 August 2026 local time", overrides: { submittedAt: "2026-08-17T23:30:00-01:00" }, fires: "finding", reason: /issued on 2026-08-17/ },
  { rule: "L1-eu-order-before-application", name: "an EU order issued on 18 August local time (17th in UTC)", overrides: { submittedAt: "2026-08-18T00:30:00+02:00" }, fires: false },
  { rule: "L1-eu-order-before-application", name: "an mlat request before that date", overrides: { instrument: "mlat", submittedAt: "2026-08-01T10:00:00Z" }, fires: false },
  { rule: "L2-subscriber-data-only", name: "a Second Protocol request for traffic", overrides: { instrument: "coe-subscriber-disclosure" }, fires: "finding", reason: /also asks for traffic/ },
  { rule: "L2-subscriber-data-only", name: "a domain-registration request for subscriber data", overrides: { instrument: "coe-domain-registration", dataCategories: ["subscriber"] }, fires: false },
  { rule: "L3-issuer-competence", name: "traffic by a prosecutor validated by a prosecutor", overrides: { validatingAuthority: { name: "OM", country: "NL", kind: "prosecutor", validatedAt: "2026-11-19T10:00:00Z" } }, fires: "finding", reason: /needs a court or judge.*Art 4\(2\)/ },
  { rule: "L3-issuer-competence", name: "traffic by a prosecutor validated by a judge", overrides: {}, fires: false },
  { rule: "L3-issuer-competence", name: "subscriber data by the police, not validated", overrides: { issuingAuthority: POLICE, validatingAuthority: undefined, dataCategories: ["subscriber"] }, fires: "finding", reason: /no authority validated it; this order needs a court, judge or prosecutor .*Art 4\(1\)/ },
  { rule: "L3-issuer-competence", name: "subscriber data by a prosecutor, not validated", overrides: { validatingAuthority: undefined, dataCategories: ["subscriber", "identification"] }, fires: false },
  { rule: "L3-issuer-competence", name: "a preservation order by the police, not validated", overrides: { instrument: "eu-preservation-order", issuingAuthority: POLICE, validatingAuthority: undefined }, fires: "finding", reason: /Art 4\(3\)/ },
  { rule: "L3-issuer-competence", name: "an emergency order by the police (L4's)", overrides: { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: undefined }, fires: false },
  { rule: "L4-emergency-validation-48h", name: "unvalidated emergency order 4 h in", overrides: { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: undefined }, fires: "warning", reason: /44 h of the 48 hours remain/ },
  { rule: "L4-emergency-validation-48h", name: "unvalidated emergency order 49 h in", overrides: { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: undefined }, settings: { now: "2026-11-22T09:15:00Z" }, fires: "finding", reason: /not validated by a court or judge within 48 hours/ },
  { rule: "L4-emergency-validation-48h", name: "emergency order validated 50 h after submission", overrides: { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: { name: "Rb", country: "NL", kind: "judge", validatedAt: "2026-11-22T10:15:00Z" } }, fires: "finding", reason: /validated 50 h after submission/ },
  { rule: "L4-emergency-validation-48h", name: "emergency order validated by a prosecutor for traffic", overrides: { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: { name: "OM", country: "NL", kind: "prosecutor", validatedAt: "2026-11-20T10:00:00Z" } }, fires: "warning" },
  { rule: "L4-emergency-validation-48h", name: "emergency order validated 47 h after submission", overrides: { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: { name: "Rb", country: "NL", kind: "judge", validatedAt: "2026-11-22T07:15:00Z" } }, settings: { now: "2026-12-01T00:00:00Z" }, fires: false },
  { rule: "L4-emergency-validation-48h", name: "emergency order issued by a judge", overrides: { urgency: EMERGENCY, issuingAuthority: { ...POLICE, kind: "judge" }, validatingAuthority: undefined }, fires: false },
  { rule: "L4-validation-before-issue", name: "a routine order validated after it was sent", overrides: { validatingAuthority: { name: "Rb", country: "NL", kind: "judge", validatedAt: "2026-11-20T10:00:00Z" } }, fires: "finding" },
  { rule: "L4-validation-before-issue", name: "a routine order validated before it was sent", overrides: {}, fires: false },
  { rule: "L6-offence-threshold", name: "traffic for a 24-month offence of no listed category", overrides: { offences: [{ description: "fraud", citation: "Art 1", maxPenaltyMonths: 24, category: "fraud" }] }, fires: "finding", reason: /highest maximum penalty stated is 24 months/ },
  { rule: "L6-offence-threshold", name: "traffic for an offence with no stated penalty", overrides: { offences: [{ description: "fraud", citation: "Art 1" }] }, fires: "finding", reason: /no offence states its maximum penalty/ },
  { rule: "L6-offence-threshold", name: "traffic for a listed 24-month offence", overrides: { offences: [{ description: "card fraud", citation: "Art 1", maxPenaltyMonths: 24, category: "non-cash-payment-fraud" }] }, fires: false },
  { rule: "L6-offence-threshold", name: "traffic for a 36-month offence", overrides: { offences: [{ description: "fraud", citation: "Art 1", maxPenaltyMonths: 36 }] }, fires: false },
  { rule: "L6-offence-threshold", name: "subscriber data for a minor offence", overrides: { dataCategories: ["subscriber"], offences: [{ description: "insult", citation: "Art 1", maxPenaltyMonths: 3 }] }, fires: false },
  { rule: "L14-emergency-reason", name: "an emergency with a blank reason", overrides: { urgency: { level: "emergency", reason: "  " } }, fires: "finding" },
  { rule: "L14-emergency-reason", name: "an emergency with a reason", overrides: { urgency: EMERGENCY }, fires: false },
  { rule: "L14-emergency-disclosure-level", name: "an emergency-disclosure request marked routine", overrides: { instrument: "emergency-disclosure" }, fires: "finding", reason: /its urgency is routine/ },
  { rule: "L14-emergency-disclosure-level", name: "an emergency-disclosure request marked emergency", overrides: { instrument: "emergency-disclosure", urgency: EMERGENCY }, fires: false },
  { rule: "L16-form-gaps", name: "an EU order without the issuer's contact", overrides: { issuingAuthority: SAMPLE_AUTHORITY }, fires: "finding", reason: "The form lacks the issuer's contact." },
  { rule: "L16-form-gaps", name: "an mlat request without file number, citation or validation date", overrides: { instrument: "mlat", caseReference: undefined, offences: [{ description: "fraud", maxPenaltyMonths: 48 }], validatingAuthority: { name: "Rb", country: "NL", kind: "judge" } }, fires: "warning", reason: "The form lacks the case file number (caseReference), the citation of offence 1, the date of validation." },
  { rule: "L16-form-gaps", name: "a complete form", overrides: {}, fires: false },
  { rule: "N3-executive-agreement-identifier", name: "an executive-agreement target of kind other", overrides: { instrument: "executive-agreement", targets: [{ kind: "other", value: "the suspect's phones" }] }, fires: "finding", reason: /"the suspect's phones" is of kind other/ },
  { rule: "N3-executive-agreement-identifier", name: "an executive-agreement target named by email", overrides: { instrument: "executive-agreement" }, fires: false },
  { rule: "N3-executive-agreement-identifier", name: "an mlat target of kind other", overrides: { instrument: "mlat", targets: [{ kind: "other", value: "x" }] }, fires: false },
  { rule: "N4-target-bound", name: "11 targets against the default 10", overrides: { targets: targets(11) }, fires: "finding", reason: "The request names 11 targets; the office's bound is 10." },
  { rule: "N4-target-bound", name: "10 targets against the default 10", overrides: { targets: targets(10) }, fires: false },
  { rule: "N4-target-bound", name: "3 targets against a bound of 2", overrides: { targets: targets(3) }, settings: { maxTargets: 2 }, fires: "finding" },
  { rule: "N7-less-intrusive-means", name: "traffic without less intrusive means", overrides: { lessIntrusiveMeans: undefined }, fires: "warning" },
  { rule: "N7-less-intrusive-means", name: "subscriber data without less intrusive means", overrides: { lessIntrusiveMeans: undefined, dataCategories: ["subscriber"] }, fires: false },
  { rule: "M2-duplicate-target", name: "one email twice, the domain in capitals", overrides: { targets: [{ kind: "email", value: "a@example.com" }, { kind: "email", value: "a@EXAMPLE.com" }] }, fires: "warning", reason: /Targets 1 and 2 are the same email/ },
  { rule: "M2-duplicate-target", name: "one UK number in two formats", overrides: { issuingAuthority: { ...CLEAN.issuingAuthority, country: "GB" }, targets: [{ kind: "phone", value: "+44 20 7946 0018" }, { kind: "phone", value: "(020) 7946-0018" }] }, fires: "warning" },
  { rule: "M2-duplicate-target", name: "two distinct emails", overrides: { targets: [{ kind: "email", value: "a@example.com" }, { kind: "email", value: "A@example.com" }] }, fires: false },
  { rule: "M3-period", name: "traffic without a period", overrides: { period: undefined }, fires: "finding", reason: "The request asks for traffic data without a period." },
  { rule: "M3-period", name: "device logs over 400 days", overrides: { dataCategories: ["device-logs"], period: { from: "2025-01-01T00:00:00Z", to: "2026-02-05T00:00:00Z" } }, fires: "finding", reason: /covers 400 days; the office's bound is 366/ },
  { rule: "M3-period", name: "61 days against a bound of 30", overrides: {}, settings: { maxPeriodDays: 30 }, fires: "finding" },
  { rule: "M3-period", name: "exactly 366 days", overrides: { period: { from: "2025-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" } }, fires: false },
  { rule: "M3-period", name: "subscriber data without a period", overrides: { period: undefined, dataCategories: ["subscriber"] }, fires: false },
  { rule: "M4-retention", name: "no retentionDays", overrides: { retentionDays: undefined }, fires: "finding" },
  { rule: "M4-retention", name: "a retention of 0 days", overrides: { retentionDays: 0 }, fires: false },
  { rule: "M8-content-minimisation", name: "content without a minimization text", overrides: { dataCategories: ["content"] }, fires: "finding" },
  { rule: "M8-content-minimisation", name: "content with a minimization text", overrides: { dataCategories: ["content"], minimization: "Only messages with the two named accounts." }, fires: false },
  { rule: "M9-non-disclosure-until", name: "non-disclosure without until", overrides: { nonDisclosure: { requested: true, reason: "flight risk" } }, fires: "finding" },
  { rule: "M9-non-disclosure-until", name: "non-disclosure with until", overrides: { nonDisclosure: { requested: true, reason: "flight risk", until: "2027-05-01T00:00:00Z" } }, fires: false },
  { rule: "M9-non-disclosure-until", name: "non-disclosure not requested", overrides: { nonDisclosure: { requested: false } }, fires: false },
  { rule: "M9-non-disclosure-reason", name: "non-disclosure without a reason", overrides: { nonDisclosure: { requested: true, until: "2027-05-01T00:00:00Z" } }, fires: "finding" },
  { rule: "M9-non-disclosure-reason", name: "non-disclosure with a reason", overrides: { nonDisclosure: { requested: true, reason: "flight risk", until: "2027-05-01T00:00:00Z" } }, fires: false },
  { rule: "M11-preservation-sunset", name: "preservation for 120 days", overrides: { instrument: "eu-preservation-order", retentionDays: 120 }, fires: "finding", reason: /120 days; a preservation order ends after 60 days, 90 with an extension/ },
  { rule: "M11-preservation-sunset", name: "preservation for 75 days", overrides: { instrument: "eu-preservation-order", retentionDays: 75 }, fires: "warning" },
  { rule: "M11-preservation-sunset", name: "preservation for 60 days", overrides: { instrument: "eu-preservation-order", retentionDays: 60 }, fires: false },
  { rule: "M11-preservation-sunset", name: "a production order kept 120 days", overrides: { retentionDays: 120 }, fires: false },
];

const run = (overrides: Record<string, unknown>, settings: Partial<RuleSettings> = {}) => runRules(request({ ...CLEAN, ...overrides }), { now: NOW, ...settings });

describe("runRules", () => {
  it("finds nothing in the clean sample request", () => {
    expect(run({})).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.rule}: ${c.name}`, c] as const))("%s", (_, c) => {
    const hits = run(c.overrides, c.settings).filter((f) => f.ruleId === c.rule);
    if (c.fires === false) {
      expect(hits).toEqual([]);
      return;
    }
    expect(hits).toHaveLength(1);
    const rule = RULES.find((r) => r.id === c.rule);
    expect(hits[0]).toMatchObject({ severity: c.fires, itemId: rule?.itemId, source: rule?.source });
    if (c.reason !== undefined) expect(hits[0]?.reason).toMatch(c.reason);
  });

  it("has, for every rule, a case that fires and one that does not", () => {
    for (const rule of RULES) {
      const cases = CASES.filter((c) => c.rule === rule.id);
      expect(cases.some((c) => c.fires !== false), `${rule.id} fires somewhere`).toBe(true);
      expect(cases.some((c) => c.fires === false), `${rule.id} stays quiet somewhere`).toBe(true);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("ties every rule to a checklist item and a source", () => {
    for (const rule of RULES) expect(rule.id.startsWith(`${rule.itemId}-`), rule.id).toBe(true);
  });

  it("refuses a bound that is not a whole number of at least 1", () => {
    expect(() => run({}, { maxTargets: 0 })).toThrow("setting maxTargets must be a whole number of at least 1; got 0");
    expect(() => run({}, { maxPeriodDays: 1.5 })).toThrow(/maxPeriodDays/);
  });

  it("reads the time from its settings, so the same request moves from warning to finding", () => {
    const late = { urgency: EMERGENCY, issuingAuthority: POLICE, validatingAuthority: undefined, submittedAt: SUBMITTED };
    const at = (now: string) => run(late, { now }).find((f) => f.ruleId === "L4-emergency-validation-48h")?.severity;
    expect(at("2026-11-22T08:14:59Z")).toBe("warning");
    expect(at("2026-11-22T08:15:00Z")).toBe("finding");
  });
});
