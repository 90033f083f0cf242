// The auditor screens' routes and pure parts: the pack and case routes round-trip (a case reference
// with its slashes is one part of the hash), only the auditor's screens are open in an auditor's
// store, the finding form's checks match the core's rules, the report waits for every sampled case,
// and office documents become labelled parts.
import { describe, expect, it } from "vitest";
import { AUDITOR_HOME, isAuditorScreen, navSectionOf, parseRoute, routeHash, type Route } from "../../renderer/src/app/routes.js";
import { documentParts, excerptRows, fieldLabel, findingProblems, formatRate, formOf, nextCase, sampledWithoutFinding } from "../../renderer/src/features/auditor/auditor-model.js";
import type { AuditPackView } from "../../shared/api/auditor.js";

const caseOf = (reference: string, selection: "sample" | "purposive", finding: "compliant" | null = null): AuditPackView["cases"][number] => ({
  reference,
  selection,
  purposiveReason: selection === "purposive" ? "urgent-approval" : null,
  request: {},
  review: null,
  decisions: [],
  audit: [],
  finding:
    finding === null ? null : { pack: "AP-1", reference, selection, verdict: finding, deviationType: null, recommendation: "green", note: null, recordedAt: "2026-12-20T09:00:00.000Z" },
});

const viewOf = (cases: AuditPackView["cases"]): AuditPackView => ({ cases } as unknown as AuditPackView);

describe("auditor routes", () => {
  it("round-trips the packs, a pack and a case whose reference holds slashes and spaces", () => {
    const routes: Route[] = [
      { screen: "audit-packs" },
      { screen: "audit-pack", id: "AP-e3c8bd19-9f2c4e1a" },
      { screen: "audit-case", pack: "AP-e3c8bd19-9f2c4e1a", reference: "nl-om-rotterdam/OM RTM/2026/1" },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(routeHash({ screen: "audit-case", pack: "AP-1", reference: "a/b/1" })).toBe("#/audit-case/AP-1/a%2Fb%2F1");
    for (const hash of ["#/audit-packs/x", "#/audit-pack", "#/audit-pack/a/b", "#/audit-case/AP-1", "#/audit-case/AP-1/a/b/1"]) expect(parseRoute(hash)).toEqual({ screen: "inbox" });
  });

  it("puts a pack and its cases under Audit packs, and opens only the auditor's screens in auditor mode", () => {
    expect(navSectionOf({ screen: "audit-pack", id: "AP-1" })).toBe("audit-packs");
    expect(navSectionOf({ screen: "audit-case", pack: "AP-1", reference: "a/b/1" })).toBe("audit-packs");
    expect(isAuditorScreen(AUDITOR_HOME)).toBe(true);
    for (const screen of ["keyring", "settings", "help"] as const) expect(isAuditorScreen({ screen })).toBe(true);
    for (const screen of ["inbox", "import", "retention", "decisions", "grievances", "new-grievance"] as const) expect(isAuditorScreen({ screen }), screen).toBe(false);
    expect(isAuditorScreen({ screen: "review", authority: "a", id: "b", revision: 1 })).toBe(false);
    expect(isAuditorScreen({ screen: "decide", authority: "a", id: "b", revision: 1 })).toBe(false);
  });
});

describe("the finding form", () => {
  it("asks for a verdict and a recommendation, a deviation's type, and a note for a deviation of type other", () => {
    expect(findingProblems({ verdict: null, deviationType: null, recommendation: null, note: "" })).toEqual(["verdict", "recommendation"]);
    expect(findingProblems({ verdict: "deviation", deviationType: null, recommendation: "red", note: "" })).toEqual(["deviation-type"]);
    expect(findingProblems({ verdict: "deviation", deviationType: "other", recommendation: "amber", note: "  " })).toEqual(["note"]);
    expect(findingProblems({ verdict: "deviation", deviationType: "other", recommendation: "amber", note: "Date of issue missing." })).toEqual([]);
    // A type left over from an earlier choice does not matter once the case is compliant.
    expect(findingProblems({ verdict: "compliant", deviationType: "other", recommendation: "green", note: "" })).toEqual([]);
  });

  it("starts from the finding on record, or empty", () => {
    expect(formOf(null)).toEqual({ verdict: null, deviationType: null, recommendation: null, note: "" });
    const finding = { pack: "AP-1", reference: "a/b/1", selection: "sample" as const, verdict: "deviation" as const, deviationType: "deadline-missed" as const, recommendation: "red" as const, note: "Late.", recordedAt: "2026-12-20T09:00:00.000Z" };
    expect(formOf(finding)).toEqual({ verdict: "deviation", deviationType: "deadline-missed", recommendation: "red", note: "Late." });
  });
});

describe("the pack's cases", () => {
  it("lists the sampled cases without a finding (purposive picks never hold the report back), and the next case", () => {
    const view = viewOf([caseOf("a/1/1", "sample", "compliant"), caseOf("a/2/1", "sample"), caseOf("a/3/1", "purposive")]);
    expect(sampledWithoutFinding(view)).toEqual(["a/2/1"]);
    expect(sampledWithoutFinding(viewOf([caseOf("a/1/1", "sample", "compliant"), caseOf("a/3/1", "purposive")]))).toEqual([]);
    expect(nextCase(view, "a/1/1")?.reference).toBe("a/2/1");
    expect(nextCase(view, "a/3/1")).toBeNull();
    expect(nextCase(view, "a/9/1")).toBeNull();
  });

  it("reads the audit excerpt's rows, their time from milliseconds", () => {
    expect(excerptRows([{ seq: 7, at: Date.UTC(2026, 10, 21, 10), action: "decision.signed", objectId: "D-1", rowHash: "ab" }, "not a row", null])).toEqual([
      { seq: 7, at: "2026-11-21T10:00:00.000Z", action: "decision.signed", objectId: "D-1", rowHash: "ab" },
    ]);
  });

  it("shows rates given in percent to two decimals", () => {
    expect(formatRate(63.1597, "en-GB")).toBe("63.16%");
    expect(formatRate(5, "en-GB")).toBe("5%");
    expect(formatRate(4.9508, "de-DE")).toBe("4,95\u00a0%");
  });
});

describe("office documents, read-only", () => {
  it("labels fields from their names and nests objects and arrays", () => {
    expect(fieldLabel("dataCategories")).toBe("Data categories");
    expect(fieldLabel("issuing-authority")).toBe("Issuing authority");
    expect(documentParts({ id: "AUD-1", revision: 2, dataCategories: ["traffic", "location"], issuingAuthority: { id: "nl-om" }, notes: [], deadline: null })).toEqual([
      { kind: "value", label: "Id", text: "AUD-1" },
      { kind: "value", label: "Revision", text: "2" },
      { kind: "group", label: "Data categories", parts: [{ kind: "value", label: "1", text: "traffic" }, { kind: "value", label: "2", text: "location" }] },
      { kind: "group", label: "Issuing authority", parts: [{ kind: "value", label: "Id", text: "nl-om" }] },
      { kind: "value", label: "Notes", text: "—" },
      { kind: "value", label: "Deadline", text: "—" },
    ]);
  });
});
