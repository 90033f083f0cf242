// Example documents of each kind, complete and valid, for the tests and for docs/decisions.md.
// Names in Polish, Greek, Cyrillic and German, so the PDFs are tested with letters beyond ASCII.
import type { CountersignatureDocument } from "../../shared/formats/countersignature.js";
import type { DecisionDocument } from "../../shared/formats/decision.js";
import type { Scope } from "../../shared/formats/decision-scope.js";
import type { Signer } from "../../shared/formats/document-fields.js";
import type { GrievanceDocument } from "../../shared/formats/grievance.js";
import type { GrievanceResponseDocument } from "../../shared/formats/grievance-response.js";

export const UNICODE_NAMES = ["Łódź", "Αθήνα", "Москва", "Müller"] as const;

export const BUNDLE_DIGEST = "6a1f3c0e9b7d25a4c8e0f1d2b3a4958676e5d4c3b2a1908f7e6d5c4b3a291807";

export const requestedScope = (): Scope => ({
  dataCategories: ["subscriber", "traffic"],
  targets: [
    { kind: "email", value: "j.doe.4471@example.com", role: "suspect" },
    { kind: "account", value: "Müller-Łódź-Αθήνα-Москва", role: "unknown" },
  ],
  period: { from: "2026-09-01T00:00:00+02:00", to: "2026-10-31T23:59:59+01:00" },
  retentionDays: 365,
  conditions: [],
});

const checklist = (): DecisionDocument["checklist"] => ({
  templateId: "eu-production-order@2026.1",
  templateVersion: "2026.1",
  items: [
    { id: "L1", answer: "met" },
    { id: "L3", answer: "met" },
    { id: "L4", answer: "met" },
    { id: "L6", answer: "met" },
    { id: "N1", answer: "met" },
    { id: "N3", answer: "met" },
    { id: "N9", answer: "not-met" },
    { id: "M1", answer: "met" },
    { id: "M3", answer: "not-met" },
    { id: "M4", answer: "na" },
  ],
  overriddenFindings: [{ ruleId: "R-M3-period-length", itemId: "M3", finding: "The period is longer than the office's bound of 31 days.", note: "Bounded by the grant to the four weeks the facts cover." }],
});

/** An authorised-with-modifications decision: the period and retention are narrowed, conditions added. */
export function exampleDecision(reviewer: Signer, overrides: Partial<DecisionDocument> = {}): DecisionDocument {
  return {
    schema: "counterseal.decision/1",
    id: "D-2026-0001",
    request: { authority: "nl-om-rotterdam", id: "OM-RTM-2026-0117", revision: 1, bundleDigest: BUNDLE_DIGEST },
    outcome: "authorised-with-modifications",
    requestedScope: requestedScope(),
    grantedScope: {
      ...requestedScope(),
      period: { from: "2026-09-14T00:00:00+02:00", to: "2026-10-11T23:59:59+02:00" },
      retentionDays: 180,
      conditions: [
        { kind: "purpose-limitation", text: "Only for the investigation of the phishing offences in case RTM-26-004417." },
        { kind: "notify-person-by", date: "2027-05-20", text: "Tell the account holders in Łódź and Αθήνα of the measure." },
      ],
    },
    reasons: {
      legality: "Issued by a prosecutor and validated by the rechter-commissaris; the offence carries 48 months.",
      necessity: "The messages were sent in the four weeks from 14 September; the weeks before and after add nothing the facts support (N9).",
      minimization: "Retention is halved; the account named Müller-Łódź-Αθήνα-Москва is kept because the facts link it to the transfers.",
    },
    checklist: checklist(),
    independence: {
      declared: true,
      statement: "I have no part in the investigation or prosecution of this case and no interest in its outcome.",
      declaredAt: "2026-11-24T09:00:00Z",
    },
    reviewer,
    decidedAt: "2026-11-24T10:30:00Z",
    reassessBy: "2027-02-24",
    notifyBy: "2027-05-20",
    countersignaturesRequired: false,
    ...overrides,
  };
}

/** A refusal that supersedes `supersedes`, on the same request. */
export function exampleRefusal(reviewer: Signer, supersedes: string): DecisionDocument {
  const { grantedScope: _granted, ...base } = exampleDecision(reviewer);
  return {
    ...base,
    id: "D-2026-0002",
    outcome: "refused",
    reasons: {
      legality: "The legal basis holds.",
      necessity: "New facts show the period cannot be tied to the offence at all (N9).",
      minimization: "No narrower period can be granted (M3).",
    },
    refusalGrounds: ["N9", "M3"],
    decidedAt: "2026-11-25T08:00:00Z",
    supersedes,
    countersignaturesRequired: true,
  };
}

export function exampleCountersignature(reviewer: Signer, decision: { id: string; digest: string }): CountersignatureDocument {
  return {
    schema: "counterseal.countersignature/1",
    id: `CS-${decision.id}-1`,
    decision: { ...decision },
    reviewer,
    verdict: "signed",
    at: "2026-11-25T14:00:00Z",
  };
}

export function exampleGrievance(): GrievanceDocument {
  return {
    schema: "counterseal.grievance/1",
    id: "G-2026-0001",
    complainant: { kind: "data-subject", name: "Анна Müller", contact: "ul. Piotrkowska 1, 90-001 Łódź" },
    concerns: { kind: "decision", decisionId: "D-2026-0001" },
    grounds: ["excessive-scope", "not-notified"],
    statement: "My account was disclosed for two months although I had nothing to do with the messages, and nobody told me.",
    remedySought: "Delete my data and tell me what was disclosed.",
    received: "2027-06-02",
  };
}

export function exampleGrievanceResponse(reviewer: Signer): GrievanceResponseDocument {
  const grievance = exampleGrievance();
  return {
    schema: "counterseal.grievance-response/1",
    id: "GR-2026-0001",
    grievance: { id: grievance.id, received: grievance.received, complainant: grievance.complainant, concerns: grievance.concerns },
    outcome: "partly-upheld",
    remedies: ["deletion", "notification"],
    reasons: "The grant was narrowed to four weeks, so the scope was not excessive; but the person was not notified by 2027-05-20 as the decision required.",
    reviewer,
    respondedAt: "2027-06-20T11:00:00+02:00",
  };
}
