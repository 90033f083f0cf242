// A complete, valid request document for tests; override any field per test.
export const SAMPLE_AUTHORITY = {
  id: "nl-om-rotterdam",
  name: "Openbaar Ministerie, Arrondissementsparket Rotterdam",
  country: "NL",
  kind: "prosecutor",
} as const;

export function sampleRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: "counterseal.request/1",
    id: "OM-RTM-2026-0117",
    revision: 1,
    submittedAt: "2026-11-20T09:15:00+01:00",
    instrument: "eu-production-order",
    urgency: { level: "routine" },
    issuingAuthority: { ...SAMPLE_AUTHORITY },
    validatingAuthority: { name: "Rechtbank Rotterdam, rechter-commissaris", country: "NL", kind: "judge", validatedAt: "2026-11-19T16:40:00+01:00" },
    caseReference: "RTM-26-004417",
    provider: { name: "Northwind Mail Ltd", country: "IE", service: "webmail" },
    legalBasis: [{ citation: "Regulation (EU) 2023/1543, Art. 5" }],
    offences: [{ description: "Computer fraud (phishing of bank customers)", citation: "Art. 326 Sr", maxPenaltyMonths: 48, category: "cybercrime" }],
    targets: [{ kind: "email", value: "j.doe.4471@example.com", role: "suspect" }],
    dataCategories: ["subscriber", "traffic"],
    period: { from: "2026-09-01T00:00:00+02:00", to: "2026-10-31T23:59:59+01:00" },
    facts: "Between September and October 2026 at least 31 customers of a Dutch bank received messages sent from the account. Funds were transferred to mule accounts on the day each message was opened.",
    necessity: "The subscriber and connection records are the only lead to the person operating the account.",
    proportionality: "Only two months of traffic data are requested, limited to the one account used in the offences.",
    attachments: [],
    ...overrides,
  };
}
