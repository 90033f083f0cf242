// A ReviewView as the core answers getReview, for the workspace's model, store and component
// tests: an EU production order with items in all three checklists, one not applicable, a finding,
// a carried-over answer and the clocks. Built by the contract's types, so a contract change shows here.
import type { ReviewItem, ReviewView } from "../../shared/api/review.js";

export function reviewItem(id: string, over: Partial<ReviewItem> = {}): ReviewItem {
  const area = id.startsWith("L") ? "legality" : id.startsWith("N") ? "necessity" : "minimization";
  return {
    id,
    area,
    question: `Question of ${id}?`,
    guidance: `How to read ${id}.`,
    sources: [{ citation: `Source of ${id}` }],
    blocking: false,
    applies: true,
    notApplicableReason: null,
    answer: null,
    note: null,
    evidence: [],
    findings: [],
    carriedOver: null,
    ...over,
  };
}

/** The scope the fixture request asks for (a fresh object each time). */
const requestedScope = (): ReviewView["requestedScope"] => ({
  categories: ["subscriber", "traffic"],
  targets: [
    { kind: "email", value: "j.doe@example.com", role: "suspect" },
    { kind: "phone", value: "+49 30 1234567" },
  ],
  period: { from: "2026-06-01T00:00:00+02:00", to: "2026-07-31T23:59:59+02:00" },
  retentionDays: 180,
  conditions: [],
});

export function reviewView(over: Partial<ReviewView> = {}): ReviewView {
  const items = over.items ?? [
    reviewItem("L1", { blocking: true }),
    reviewItem("L3", {
      blocking: true,
      findings: [{ rule: "L3-issuer-competence", reason: "A police issuer may not order traffic data alone.", source: "Reg. 2023/1543 Art 4(2)", severity: "finding", status: "open", note: null }],
    }),
    reviewItem("L4", { applies: false, notApplicableReason: "The order is not an emergency." }),
    reviewItem("N1", { answer: "met", note: "Facts are specific." }),
    reviewItem("M3"),
  ];
  return {
    request: { authority: "de-sta-berlin", id: "EPOC-2026-0042", revision: 1 },
    template: { id: "eu-production-order@2026.1", version: "2026.1" },
    state: "in-review",
    independence: { conflict: false, note: null, declaredAt: "2026-09-01T09:00:00Z", reviewerKeyId: "ABCDEF0123456789" },
    items,
    clocks: [
      { kind: "objection-window", due: "2026-09-11T09:00:00Z", state: "running", source: "Reg. 2023/1543 Art 12", description: "10 days to object" },
      { kind: "provider-deadline", due: "2026-09-02T08:00:00Z", state: "due-soon", source: "Reg. 2023/1543 Art 10", description: "10 days for the provider" },
      { kind: "respond-by", due: "2026-08-30T12:00:00Z", state: "overdue", source: "the request", description: "The issuer asked for an answer by then" },
    ],
    requestedScope: requestedScope(),
    // Nothing narrowed yet: the grant starts as the request.
    grantedScope: requestedScope(),
    intrusion: {
      categories: ["subscriber", "traffic"],
      mostIntrusive: "traffic",
      identifiers: 2,
      periodDays: 61,
      reach: 244,
      maxPenaltyMonths: 60,
      summary: "Asks for 2 data categories (subscriber, traffic; most intrusive: traffic) on 2 identifiers over 61 days.",
    },
    related: [
      {
        authority: "nl-om-rotterdam",
        id: "OM-RTM-2026-0117",
        revision: 1,
        instrument: "eu-production-order",
        state: "decided",
        outcome: "granted-in-part",
        identifier: { kind: "email", value: "J.Doe@Example.com" },
        categories: ["subscriber"],
        receivedAt: "2026-05-02T10:00:00Z",
      },
    ],
    unanswered: ["L1", "L3", "M3"],
    previousRevision: null,
    ...over,
  };
}
