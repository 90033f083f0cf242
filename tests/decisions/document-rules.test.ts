// The schemas' rules beyond shapes: each broken rule is refused with an issue that names the
// field at fault, and the valid examples pass.
import { describe, expect, it } from "vitest";
import { parseSignedDocument } from "../../electron/core/decisions/signed-kinds.js";
import type { DecisionDocument } from "../../shared/formats/decision.js";
import { exampleCountersignature, exampleDecision, exampleGrievanceResponse, exampleRefusal, requestedScope } from "./examples.js";

const reviewer = { name: "Anna Müller", office: "Test Office", keyId: "1A2B3C4D5E6F7081" };
const digest = "0".repeat(64);

function decisionIssues(document: unknown): string[] {
  const parsed = parseSignedDocument("decision", document);
  return parsed.ok ? [] : parsed.issues;
}

const without = <T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> => {
  const { [key]: _dropped, ...rest } = value;
  return rest;
};

describe("decision rules", () => {
  it("accepts the examples", () => {
    expect(decisionIssues(exampleDecision(reviewer))).toEqual([]);
    expect(decisionIssues(exampleRefusal(reviewer, "D-2026-0001"))).toEqual([]);
    const plain: DecisionDocument = { ...without(exampleDecision(reviewer), "grantedScope"), outcome: "authorised", grantedScope: requestedScope(), reasons: {} };
    expect(decisionIssues(plain)).toEqual([]);
  });

  const refusal = exampleRefusal(reviewer, "D-2026-0001");
  const cases: [string, unknown, string][] = [
    ["a refusal without a reason for an area", { ...refusal, reasons: without(refusal.reasons, "necessity") }, "$.reasons.necessity: a reason is required for every checklist area when the outcome is refused"],
    ["a modification without reasons", { ...exampleDecision(reviewer), reasons: {} }, "$.reasons.legality: a reason is required"],
    ["a refusal without grounds", without(refusal, "refusalGrounds"), "$.refusalGrounds: a refusal names at least one ground"],
    ["a ground that is not a not-met item", { ...refusal, refusalGrounds: ["N9", "L1"] }, "$.refusalGrounds[1]: L1 is not answered not-met"],
    ["a ground that is no item id", { ...refusal, refusalGrounds: ["X1"] }, "$.refusalGrounds[0]: expected a checklist item id"],
    ["the same ground twice", { ...refusal, refusalGrounds: ["N9", "N9"] }, "$.refusalGrounds[1]: \"N9\" is listed twice"],
    ["grounds on an authorisation", { ...exampleDecision(reviewer), refusalGrounds: ["N9"] }, "$.refusalGrounds: only a refused decision has refusal grounds"],
    ["a refusal that grants a scope", { ...refusal, grantedScope: requestedScope() }, "$.grantedScope: a refused decision grants nothing"],
    ["a plain authorisation that narrows", { ...exampleDecision(reviewer), outcome: "authorised" }, "$.grantedScope: differs from requestedScope"],
    ["a modification that grants all", { ...exampleDecision(reviewer), grantedScope: requestedScope() }, "$.grantedScope: equals requestedScope"],
    ["an authorisation with no granted scope", without(exampleDecision(reviewer), "grantedScope"), "$.grantedScope: an authorised-with-modifications decision states the granted scope"],
    ["a declaration after the decision", { ...refusal, independence: { ...refusal.independence, declaredAt: "2026-11-26T00:00:00Z" } }, "$.independence.declaredAt: the independence declaration must be made before the decision"],
    ["no declaration made", { ...refusal, independence: { ...refusal.independence, declared: false } }, "$.independence.declared: expected true"],
    ["a decision superseding itself", { ...refusal, supersedes: refusal.id }, "$.supersedes: a decision cannot supersede itself"],
    ["an item answered twice", { ...refusal, checklist: { ...refusal.checklist, items: [...refusal.checklist.items, { id: "L1", answer: "na" }] } }, "$.checklist.items[10]: \"L1\" is listed twice"],
    ["a deferred item also answered", { ...refusal, checklist: { ...refusal.checklist, deferredItems: [{ id: "L1", reason: "awaiting the validation" }] } }, "$.checklist.deferredItems[0].id: L1 is answered in items"],
    ["an unknown answer", { ...refusal, checklist: { ...refusal.checklist, items: [{ id: "L1", answer: "yes" }] } }, "$.checklist.items[0].answer: expected one of met|not-met|na|info"],
    ["an unknown field", { ...refusal, signedBy: "me" }, "$.signedBy: unknown field"],
    ["a dated condition without its date", { ...exampleDecision(reviewer), grantedScope: { ...requestedScope(), conditions: [{ kind: "reassess-by", text: "soon" }] } }, "$.grantedScope.conditions[0].date: required field is missing"],
    ["an undated condition without its text", { ...exampleDecision(reviewer), grantedScope: { ...requestedScope(), conditions: [{ kind: "purpose-limitation" }] } }, "$.grantedScope.conditions[0].text: required field is missing"],
    ["a category listed twice", { ...refusal, requestedScope: { ...requestedScope(), dataCategories: ["traffic", "traffic"] } }, "$.requestedScope.dataCategories[1]: \"traffic\" is listed twice"],
    ["a period that ends before it starts", { ...refusal, requestedScope: { ...requestedScope(), period: { from: "2026-10-01T00:00:00Z", to: "2026-09-01T00:00:00Z" } } }, "$.requestedScope.period.to: must not be before period.from"],
    ["a malformed bundle digest", { ...refusal, request: { ...refusal.request, bundleDigest: "ABC" } }, "$.request.bundleDigest: expected a SHA-256 digest"],
    ["a key id with leading zeros", { ...refusal, reviewer: { ...reviewer, keyId: "0A" } }, "$.reviewer.keyId: expected a minisign key id as minisign prints it"],
    ["a reassess date that is no date", { ...refusal, reassessBy: "2027-02-30" }, "$.reassessBy: expected a calendar date"],
  ];
  for (const [name, document, issue] of cases) {
    it(`refuses ${name}`, () => {
      expect(decisionIssues(document).join("\n")).toContain(issue);
    });
  }

  it("treats the scope's sets as sets: a reordered grant is the same grant", () => {
    const scope = requestedScope();
    const reordered = { ...scope, dataCategories: [...scope.dataCategories].reverse(), targets: [...scope.targets].reverse() };
    const plain = { ...without(exampleDecision(reviewer), "grantedScope"), outcome: "authorised", grantedScope: reordered, reasons: {} };
    expect(decisionIssues(plain)).toEqual([]);
  });
});

describe("countersignature rules", () => {
  const signed = exampleCountersignature(reviewer, { id: "D-2026-0002", digest });
  const issues = (document: unknown): string => {
    const parsed = parseSignedDocument("countersignature", document);
    return parsed.ok ? "" : parsed.issues.join("\n");
  };
  it("accepts a signature without reasons, and a decline with them", () => {
    expect(issues(signed)).toBe("");
    expect(issues({ ...signed, verdict: "declined", reasons: "The period is not justified." })).toBe("");
  });
  it("refuses a decline without reasons, a digest that is no digest, and the decision's own id", () => {
    expect(issues({ ...signed, verdict: "declined" })).toContain("$.reasons: a declined countersignature gives its reasons");
    expect(issues({ ...signed, decision: { id: "D-2026-0002", digest: "xyz" } })).toContain("$.decision.digest: expected a SHA-256 digest");
    expect(issues({ ...signed, id: "D-2026-0002" })).toContain("$.id: a countersignature has an id of its own");
  });
});

describe("grievance response rules", () => {
  const response = exampleGrievanceResponse(reviewer);
  const issues = (document: unknown): string => {
    const parsed = parseSignedDocument("grievance-response", document);
    return parsed.ok ? "" : parsed.issues.join("\n");
  };
  it("accepts the example and a dismissal without remedies", () => {
    expect(issues(response)).toBe("");
    expect(issues({ ...response, outcome: "dismissed", remedies: [] })).toBe("");
  });
  it("ties remedies to the outcome", () => {
    expect(issues({ ...response, outcome: "dismissed" })).toContain("$.remedies: a dismissed grievance orders no remedies");
    expect(issues({ ...response, outcome: "upheld", remedies: [] })).toContain("$.remedies: a grievance that is upheld orders at least one remedy");
    expect(issues({ ...response, remedies: ["deletion", "deletion"] })).toContain('$.remedies[1]: "deletion" is listed twice');
    expect(issues({ ...response, remedies: ["refund"] })).toContain("$.remedies[0]: expected one of deletion|notification|reassessment|compensation-referral");
  });
  it("needs something to reassess", () => {
    const unknown = { ...response, remedies: ["reassessment"], grievance: { ...response.grievance, concerns: { kind: "unknown" } } };
    expect(issues(unknown)).toContain("$.remedies: a reassessment needs a decision or request to reassess");
  });
  it("refuses an unknown complainant kind in the grievance it repeats", () => {
    expect(issues({ ...response, grievance: { ...response.grievance, complainant: { kind: "journalist", name: "X" } } })).toContain(
      "$.grievance.complainant.kind: expected one of data-subject|provider|civil-society|other",
    );
  });
});
