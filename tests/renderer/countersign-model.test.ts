// The four-eyes screens' logic without a DOM: which colleagues a request can be sealed to (the
// core's rule: a reviewer entry with a key usable now that has an age recipient), what an answer
// needs, the order of the requests received, and what an import row says a four-eyes bundle was.
import { describe, expect, it } from "vitest";
import type { CountersignRequestSummary } from "../../shared/api/countersign.js";
import type { KeyringEntry } from "../../shared/api/keyring.js";
import { answerArgsOf, checkAnswer, colleaguesOf, requestsInOrder } from "../../renderer/src/features/countersign/countersign-model.js";
import { countersignOutcome, storedOutcomeRoute } from "../../renderer/src/features/import/import-model.js";

const RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
const NOW = new Date("2026-11-20T10:00:00Z");

const entry = (over: Partial<KeyringEntry>): KeyringEntry => ({
  authorityId: "reviewer:nikos",
  kind: "reviewer",
  name: "Νίκος Παπαδόπουλος",
  country: "GR",
  keyId: "1111",
  minisignPublicKey: "RW…",
  ageRecipient: RECIPIENT,
  validFrom: null,
  validUntil: null,
  revokedAt: null,
  addedAt: "2026-11-01T00:00:00Z",
  ...over,
});

describe("colleagues a request can be sealed to", () => {
  it("takes reviewer entries only, each by its newest usable key with an age recipient, by name", () => {
    const { sealable, unsealable } = colleaguesOf(
      [
        entry({ keyId: "1111" }),
        entry({ keyId: "2222", addedAt: "2026-11-10T00:00:00Z" }),
        entry({ keyId: "3333", addedAt: "2026-11-15T00:00:00Z", ageRecipient: null }),
        entry({ authorityId: "reviewer:ada", name: "Ada", keyId: "4444" }),
        entry({ authorityId: "nl-om-rotterdam", kind: "authority", name: "OM", keyId: "5555" }),
        entry({ authorityId: "committee:libe", kind: "committee", name: "LIBE", keyId: "6666" }),
      ],
      NOW,
    );
    expect(sealable).toEqual([
      { entry: "reviewer:ada", name: "Ada", keyId: "4444" },
      { entry: "reviewer:nikos", name: "Νίκος Παπαδόπουλος", keyId: "2222" },
    ]);
    expect(unsealable).toEqual([]);
  });

  it("names a colleague with no usable key with a recipient: none, revoked, expired or not yet valid", () => {
    const cases: Partial<KeyringEntry>[] = [
      { ageRecipient: null },
      { revokedAt: "2026-11-19T00:00:00Z" },
      { validUntil: "2026-11-20T09:59:59Z" },
      { validFrom: "2026-11-21T00:00:00Z" },
    ];
    for (const over of cases) expect(colleaguesOf([entry(over)], NOW), JSON.stringify(over)).toEqual({ sealable: [], unsealable: [{ entry: "reviewer:nikos", name: "Νίκος Παπαδόπουλος", keyId: null }] });
    expect(colleaguesOf([entry({ validFrom: "2026-11-20T10:00:00Z", validUntil: "2026-11-20T10:00:01Z" })], NOW).sealable).toHaveLength(1);
  });
});

describe("an answer", () => {
  it("needs reasons to decline, not to sign, and sends them trimmed or not at all", () => {
    expect(checkAnswer("declined", "  ")).toEqual(["reasons"]);
    expect(checkAnswer("declined", "Too broad.")).toEqual([]);
    expect(checkAnswer("signed", "")).toEqual([]);
    expect(answerArgsOf("D1", "signed", "   ")).toEqual({ decisionId: "D1", verdict: "signed" });
    expect(answerArgsOf("D1", "declined", " Too broad. ")).toEqual({ decisionId: "D1", verdict: "declined", reasons: "Too broad." });
  });
});

describe("the requests received", () => {
  const request = (decisionId: string, receivedAt: string, answerAt: string | null): CountersignRequestSummary => ({
    decisionId,
    decisionSha256: "0".repeat(64),
    outcome: "authorised",
    request: { authority: "nl-om", id: "R1", revision: 1 },
    from: { entry: "reviewer:zofia", name: "Zofia", keyId: "AB" },
    requestedAt: receivedAt,
    receivedAt,
    answer: answerAt === null ? null : { id: `${decisionId}.CS`, verdict: "signed", sha256: "1".repeat(64), at: answerAt },
  });

  it("puts the waiting ones first, longest waiting first, then the answered, newest answer first", () => {
    const ordered = requestsInOrder([
      request("A", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"),
      request("B", "2026-11-05T00:00:00Z", null),
      request("C", "2026-11-03T00:00:00Z", null),
      request("D", "2026-11-01T00:00:00Z", "2026-11-04T00:00:00Z"),
    ]);
    expect(ordered.map((each) => each.decisionId)).toEqual(["C", "B", "D", "A"]);
  });
});

describe("an import row of a four-eyes bundle", () => {
  it("says a request is a request for a decision, and an answer a countersignature, from the entry that signed it", () => {
    const base = { file: "x.sealed", status: "imported" as const, authority: "reviewer:zofia", id: "D1", revision: 1 };
    expect(countersignOutcome({ ...base, bundleType: "countersignature-request" })).toEqual({ kind: "request", id: "D1", from: "reviewer:zofia" });
    expect(countersignOutcome({ ...base, status: "duplicate", id: "D1.CS", bundleType: "countersignature" })).toEqual({ kind: "answer", id: "D1.CS", from: "reviewer:zofia" });
    expect(countersignOutcome({ ...base, bundleType: "grievance" })).toBeNull();
    expect(countersignOutcome(base)).toBeNull();
  });
});

describe("an import row of another stored bundle", () => {
  it("opens a request at its revision and a grievance in the register; an execution report has no page of its own", () => {
    const base = { file: "x.sealed", status: "imported" as const, authority: "nl-om-rotterdam", id: "OM-1", revision: 2 };
    expect(storedOutcomeRoute(base)).toEqual({ screen: "request", authority: "nl-om-rotterdam", id: "OM-1", revision: 2 });
    expect(storedOutcomeRoute({ ...base, id: "G-2026-0001", revision: 1, bundleType: "grievance" })).toEqual({ screen: "grievance", id: "G-2026-0001" });
    expect(storedOutcomeRoute({ ...base, status: "duplicate", id: "ER-1", revision: 1, bundleType: "execution-report" })).toBeNull();
  });
});
