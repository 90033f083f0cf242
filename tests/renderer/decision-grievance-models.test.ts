// The decision and grievance screens' pure logic: the outcome a review suggests, when it may go
// to the decision screen, the arguments the form sends (and when a preview is stale), the list
// orders, whether a reply can be sealed, the grievance form's faults by field.
import { describe, expect, it } from "vitest";
import type { DecisionSummary } from "../../shared/api/decisions.js";
import type { GrievanceView } from "../../shared/api/grievances.js";
import type { KeyringEntry } from "../../shared/api/keyring.js";
import { asReviewScope, canSealTo, canStartDecision, decideArgsOf, decisionsOfRequest, missingDeferrals, newestFirst, previewKey, suggestedOutcome } from "../../renderer/src/features/decisions/decision-model.js";
import { byDeadline, EMPTY_GRIEVANCE, grievanceEntryOf, keyringAuthorities, sealUnavailable } from "../../renderer/src/features/grievances/grievance-model.js";
import { reviewItem, reviewView } from "./review-fixture.js";

const REF = { authority: "de-sta-berlin", id: "EPOC-2026-0042", revision: 1 };
const NOW = new Date("2026-11-27T12:00:00Z");

// Cast, not annotated: the summary grows fields (countersignatures) these functions never read.
const summary = (id: string, decidedAt: string, request = { authority: "de-sta-berlin", id: "EPOC-2026-0042", revision: 1 }): DecisionSummary =>
  ({
    id,
    request,
    outcome: "authorised",
    decidedAt,
    sha256: "0".repeat(64),
    reviewerKeyId: "ABCDEF0123456789",
    status: "final",
    countersignaturesRequired: false,
    refusalGrounds: [],
    supersedes: null,
    supersededBy: null,
    countersignatures: [],
  }) as DecisionSummary;

const key = (over: Partial<KeyringEntry>): KeyringEntry => ({
  authorityId: "de-sta-berlin",
  kind: "authority",
  name: "Staatsanwaltschaft Berlin",
  country: "DE",
  keyId: "1111111111111111",
  minisignPublicKey: "RWQ",
  ageRecipient: "age1example",
  validFrom: null,
  validUntil: null,
  revokedAt: null,
  addedAt: "2026-01-01T00:00:00Z",
  ...over,
});

describe("the decision screen's model", () => {
  it("suggests a plain authorisation for an unchanged grant and one with modifications otherwise", () => {
    const view = reviewView();
    expect(suggestedOutcome({ ...view, grantedScope: view.requestedScope })).toBe("authorised");
    expect(suggestedOutcome({ ...view, grantedScope: { ...view.requestedScope, categories: ["subscriber"] } })).toBe("authorised-with-modifications");
  });

  it("opens the decision screen only once declared, with no open finding or carried-over answer", () => {
    const clean = reviewView({ items: [reviewItem("L1", { answer: "met" }), reviewItem("N1")], unanswered: ["N1"] });
    expect(canStartDecision(clean)).toBe(true);
    expect(canStartDecision({ ...clean, independence: null })).toBe(false);
    expect(canStartDecision(reviewView())).toBe(false);
    const carried = reviewView({ items: [reviewItem("N1", { carriedOver: { revision: 1, answer: "met", note: null } })], unanswered: ["N1"] });
    expect(canStartDecision(carried)).toBe(false);
    expect(canStartDecision({ ...clean, state: "superseded" })).toBe(false);
  });

  it("sends trimmed reasons, every open item with its reason, and the decision superseded", () => {
    const form = { outcome: "refused" as const, reasons: { legality: "  L3 is not met. ", necessity: "", minimization: "Too wide." }, deferrals: { M3: " Not needed. " } };
    expect(decideArgsOf(REF, form, ["M3"])).toEqual({ ...REF, outcome: "refused", reasons: { legality: "L3 is not met.", minimization: "Too wide." }, deferred: [{ item: "M3", reason: "Not needed." }] });
    expect(decideArgsOf(REF, { ...form, supersedes: "D1" }, [])).toEqual({ ...REF, outcome: "refused", reasons: { legality: "L3 is not met.", minimization: "Too wide." }, supersedes: "D1" });
    expect(missingDeferrals(["M3", "N2"], { M3: "x", N2: "  " })).toEqual(["N2"]);
  });

  it("tells a preview of other arguments apart", () => {
    const args = decideArgsOf(REF, { outcome: "authorised", reasons: { legality: "", necessity: "", minimization: "" }, deferrals: {} }, []);
    expect(previewKey(args)).toBe(previewKey({ ...args }));
    expect(previewKey(args)).not.toBe(previewKey({ ...args, reasons: { legality: "x" } }));
  });

  it("lists decisions newest first, and those of one request", () => {
    const list = [summary("A", "2026-11-01T10:00:00Z"), summary("C", "2026-11-03T10:00:00Z", { authority: "fr-pnf", id: "X", revision: 1 }), summary("B", "2026-11-02T10:00:00Z", { ...REF, revision: 2 })];
    expect(newestFirst(list).map((decision) => decision.id)).toEqual(["C", "B", "A"]);
    expect(decisionsOfRequest(list, REF.authority, REF.id).map((decision) => decision.id)).toEqual(["B", "A"]);
  });

  it("seals only to a current, unrevoked key of the authority with an age recipient", () => {
    expect(canSealTo([key({})], "de-sta-berlin", NOW)).toBe(true);
    expect(canSealTo([key({})], "fr-pnf", NOW)).toBe(false);
    expect(canSealTo([key({ ageRecipient: null })], "de-sta-berlin", NOW)).toBe(false);
    expect(canSealTo([key({ revokedAt: "2026-11-01T00:00:00Z" })], "de-sta-berlin", NOW)).toBe(false);
    expect(canSealTo([key({ validUntil: "2026-11-27T12:00:00Z" })], "de-sta-berlin", NOW)).toBe(false);
    expect(canSealTo([key({ validFrom: "2026-11-28T00:00:00Z" })], "de-sta-berlin", NOW)).toBe(false);
    expect(canSealTo([key({ ageRecipient: null }), key({ keyId: "2222222222222222" })], "de-sta-berlin", NOW)).toBe(true);
  });

  it("reads a signed scope in the review's names", () => {
    const scope = asReviewScope({ dataCategories: ["subscriber"], targets: [{ kind: "email", value: "a@example.com" }], conditions: [{ kind: "reassess-by", date: "2026-12-01" }] });
    expect(scope).toEqual({ categories: ["subscriber"], targets: [{ kind: "email", value: "a@example.com" }], conditions: [{ kind: "reassess-by", date: "2026-12-01", text: "" }] });
  });
});

const grievance = (id: string, respondBy: string, answered = false): GrievanceView => ({
  id,
  complainant: { kind: "data-subject", name: "Anna" },
  concerns: { kind: "unknown" },
  grounds: ["other"],
  statement: "s",
  remedySought: "r",
  received: "2026-11-01",
  source: "letter",
  respondBy,
  clock: answered ? "met" : "running",
  linkedCase: null,
  replyTo: null,
  signer: null,
  response: answered ? { id: `${id}-R`, outcome: "dismissed", remedies: [], reasons: "x", respondedAt: "2026-11-20T10:00:00Z", sha256: "0".repeat(64), reviewerKeyId: "ABCDEF0123456789" } : null,
});

describe("the grievance register's model", () => {
  it("puts open grievances first, soonest deadline first, answered ones after", () => {
    const list = [grievance("A", "2026-12-20T23:00:00Z"), grievance("B", "2026-12-01T23:00:00Z", true), grievance("C", "2026-12-05T23:00:00Z"), grievance("D", "2026-11-30T23:00:00Z", true)];
    expect(byDeadline(list).map((each) => each.id)).toEqual(["C", "A", "D", "B"]);
  });

  it("names every missing field of the hand-entered form, and builds the grievance from a complete one", () => {
    expect(grievanceEntryOf(EMPTY_GRIEVANCE)).toEqual({ ok: false, missing: ["id", "complainantName", "statement", "remedySought", "received", "grounds", "concernAuthority", "concernId"] });
    expect(grievanceEntryOf({ ...EMPTY_GRIEVANCE, concernsKind: "decision" })).toMatchObject({ ok: false, missing: expect.arrayContaining(["concernDecision"]) });
    expect(grievanceEntryOf({ ...EMPTY_GRIEVANCE, concernRevision: "0" })).toMatchObject({ ok: false, missing: expect.arrayContaining(["concernRevision"]) });
    const complete = {
      ...EMPTY_GRIEVANCE,
      id: " G-1 ",
      complainantName: "Анна Müller-Wójcik",
      concernAuthority: "de-sta-berlin",
      concernId: "EPOC-2026-0042",
      concernRevision: "2",
      grounds: ["excessive-scope", "retention"] as const,
      statement: "Too much.",
      remedySought: "Delete it.",
      received: "2026-11-18",
      replyTo: "pl-ngo",
    };
    expect(grievanceEntryOf(complete)).toEqual({
      ok: true,
      entry: {
        id: "G-1",
        complainant: { kind: "data-subject", name: "Анна Müller-Wójcik" },
        concerns: { kind: "request", authority: "de-sta-berlin", id: "EPOC-2026-0042", revision: 2 },
        grounds: ["excessive-scope", "retention"],
        statement: "Too much.",
        remedySought: "Delete it.",
        received: "2026-11-18",
      },
      replyTo: "pl-ngo",
    });
    expect(grievanceEntryOf({ ...complete, concernsKind: "unknown", replyTo: "" })).toMatchObject({ ok: true, entry: { concerns: { kind: "unknown" } }, replyTo: null });
  });

  it("says why a response cannot be sealed back", () => {
    expect(sealUnavailable(grievance("A", "2026-12-01T00:00:00Z"), [key({})], NOW)).toBe("no-reply-to");
    expect(sealUnavailable({ ...grievance("A", "2026-12-01T00:00:00Z"), replyTo: "de-sta-berlin" }, [key({})], NOW)).toBeNull();
    expect(sealUnavailable({ ...grievance("A", "2026-12-01T00:00:00Z"), replyTo: "de-sta-berlin" }, [key({ ageRecipient: null })], NOW)).toBe("no-recipient");
    expect(keyringAuthorities([key({}), key({ keyId: "2" }), key({ authorityId: "a-first", name: "A" })])).toEqual([{ id: "a-first", name: "A" }, { id: "de-sta-berlin", name: "Staatsanwaltschaft Berlin" }]);
  });
});
